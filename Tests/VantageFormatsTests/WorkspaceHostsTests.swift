import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// `[[hosts]]` of `vantage.toml`: the other hosts' daemons a console attaches to, read by the one
/// workspace-file reader; every bad value a located error.
@Suite struct WorkspaceHostsTests {
    func parse(_ text: String) throws -> WorkspaceFile {
        try WorkspaceFileReader.parse(TOMLParser.parse(text, file: "vantage.toml"), file: "vantage.toml")
    }

    func failure(_ text: String) -> VantageError? {
        do { _ = try parse(text); return nil } catch { return error as? VantageError }
    }

    @Test func hostsAreReadWithNameURLAndRemoteProgram() throws {
        let w = try parse("""
            [[hosts]]
            name = "web1"
            url = "ssh://deploy@web1.example.org:2222"
            vantage = "/opt/vantage/bin/vantage"

            [[hosts]]
            url = "ssh://db.example.org"

            [[hosts]]
            name = "staging"
            url = "unix:///srv/staging-home/vantage.sock"
            """)
        #expect(w.hosts.map(\.name) == ["web1", "db.example.org", "staging"])
        #expect(w.hosts.map(\.vantage) == ["/opt/vantage/bin/vantage", nil, nil])
        #expect(w.hosts.map(\.line) == [3, 7, 11])
        try #require(w.hosts.count == 3)
        #expect(w.hosts[0].url.transport == .ssh(user: "deploy", host: "web1.example.org", port: 2222))
        #expect(w.hosts[1].url.transport == .ssh(user: nil, host: "db.example.org", port: nil))
        #expect(w.hosts[2].url.transport == .unix(socket: "/srv/staging-home/vantage.sock"))
        #expect(w.warnings.isEmpty)
    }

    @Test func aURLOfAnotherSchemeIsALocatedError() {
        let e = failure("[[hosts]]\nname = \"a\"\nurl = \"http://web1:8080\"\n")
        #expect(e?.location == SourceLocation(file: "vantage.toml", line: 3, field: "hosts[0].url"))
        #expect(e?.message == "the URL must start with ssh:// or unix://, not http:// (\"http://web1:8080\")", "\(String(describing: e))")
    }

    @Test func badPortsHostsNamesAndMissingURLsAreLocatedErrors() {
        #expect(failure("[[hosts]]\nurl = \"ssh://u@h:70000\"\n")?.description
                == "vantage.toml:2: field 'hosts[0].url': the port must be a number between 1 and 65535, not \"70000\"")
        #expect(failure("[[hosts]]\nurl = \"ssh://-oProxyCommand=x\"\n")?.description
                == "vantage.toml:2: field 'hosts[0].url': the host \"-oProxyCommand=x\" starts with '-' or holds a space or control character")
        #expect(failure("[[hosts]]\nname = \"a:b\"\nurl = \"ssh://h\"\n")?.location
                == SourceLocation(file: "vantage.toml", line: 2, field: "hosts[0].name"))
        #expect(failure("[[hosts]]\nname = \"web\"\n")?.location == SourceLocation(file: "vantage.toml", line: 1, field: "hosts[0].url"))
        #expect(failure("[[hosts]]\nurl = \"ssh://a\"\n[[hosts]]\nurl = \"ssh://u@a:22\"\n")?.description
                == "vantage.toml:4: field 'hosts[1].url': the host name \"a\" is used twice (\"local\" is this machine's daemon) (give each [[hosts]] entry its own name)")
        #expect(failure("hosts = \"ssh://a\"\n")?.location == SourceLocation(file: "vantage.toml", line: 1, field: "hosts"))
        #expect(failure("[[hosts]]\nurl = \"unix://relative.sock\"\n")?.location == SourceLocation(file: "vantage.toml", line: 2, field: "hosts[0].url"))
    }

    @Test func anUnknownKeyInAHostIsAWarning() throws {
        let w = try parse("[[hosts]]\nurl = \"ssh://a\"\nport = 22\n")
        #expect(w.warnings.map(\.description) == ["vantage.toml:3: field 'hosts[0].port': unknown key \"port\" is ignored (known keys: name, url, vantage)"])
    }

    @Test func ipv6HostsKeepTheirPortAndGetANameWithoutColons() throws {
        let url = try HostURL.parse("ssh://me@[::1]:2200").get()
        #expect(url.transport == .ssh(user: "me", host: "::1", port: 2200))
        #expect(url.defaultName == "..1")
        #expect(HostURL.isValidName(url.defaultName))
    }
}
