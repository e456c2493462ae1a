import Foundation
import Testing
@testable import VantageDocker
import VantageCore
import VantageFormats

/// Where engines come from: DOCKER_HOST, Docker contexts and `[[docker.engines]]`; bad entries
/// are named with their file, line and field.
@Suite struct DockerEndpointTests {
    func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "vt-endpoints-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func environmentContextsAndConfigAreAllFoundOnce() throws {
        let config = try tempDir()
        for (hash, name, host) in [("aa11", "build", "tcp://127.0.0.1:2375"), ("bb22", "dup", "unix:///run/main.sock")] {
            try FileManager.default.createDirectory(atPath: "\(config)/contexts/meta/\(hash)", withIntermediateDirectories: true)
            try #"{"Name":"\#(name)","Metadata":{},"Endpoints":{"docker":{"Host":"\#(host)","SkipTLSVerify":false}}}"#
                .write(toFile: "\(config)/contexts/meta/\(hash)/meta.json", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: "\(config)/contexts/meta/cc33", withIntermediateDirectories: true)
        try "{\"Name\": 3}".write(toFile: "\(config)/contexts/meta/cc33/meta.json", atomically: true, encoding: .utf8)

        let toml = """
        [[docker.engines]]
        name = "lab"
        host = "unix:///run/lab.sock"
        """
        let workspace = try WorkspaceFileReader.parse(TOMLParser.parse(toml, file: "vantage.toml"), file: "vantage.toml")
        let configured = try DockerEndpoint.configured(workspace.engines, file: "vantage.toml")
        let (endpoints, warnings) = DockerEndpoint.discover(environment: ["DOCKER_HOST": "unix:///run/main.sock", "HOME": "/nonexistent"],
                                                            dockerConfigDir: config, configured: configured)
        #expect(endpoints == [
            DockerEndpoint(name: "default", host: "unix:///run/main.sock", source: .environment),
            DockerEndpoint(name: "build", host: "tcp://127.0.0.1:2375", source: .context),
            DockerEndpoint(name: "lab", host: "unix:///run/lab.sock", source: .config),
        ], "the context that repeats DOCKER_HOST is not listed twice")
        #expect(warnings.count == 1 && warnings[0].location?.file == "\(config)/contexts/meta/cc33/meta.json")
    }

    @Test func baseURLsForUnixAndTCP() throws {
        #expect(try DockerEndpoint(name: "a", host: "unix:///tmp/d.sock", source: .config).baseURL() == "http+unix://%2Ftmp%2Fd%2Esock")
        #expect(try DockerEndpoint(name: "b", host: "tcp://10.0.0.1:2375", source: .config).baseURL() == "http://10.0.0.1:2375")
        #expect(throws: VantageError.self) { try DockerEndpoint(name: "c", host: "ssh://box", source: .config).baseURL() }
        #expect(try DockerEndpoint(name: "d", host: "tcp://docker.example", source: .config).baseURL() == "http://docker.example:2375")
        #expect(try DockerEndpoint(name: "e", host: "tcp://[::1]:2376/", source: .config).baseURL() == "http://[::1]:2376")
    }

    /// Each of these crashed `ps`, `status` or the dashboard inside the network library when it
    /// reached it; now each is a configuration error naming the value, before any connection.
    @Test(arguments: [
        ("tcp://127.0.0.1:99999", "has port 99999, outside 1-65535"),
        ("tcp://127.0.0.1:0", "has port 0, outside 1-65535"),
        ("tcp://127.0.0.1:-1", "has a port that is not a number"),
        ("tcp://127.0.0.1:", "has a port that is not a number"),
        ("tcp://127.0.0.1:123456789012345678901234", "has a port that is not a number"),
        ("tcp://:2375", "names no host"),
        ("tcp://", "names no host"),
        ("tcp://::1:2375", "has an IPv6 address that needs brackets: [address]:port"),
        ("tcp://[::1", "has an unclosed '[' in its IPv6 address"),
        ("tcp://host:2375/path", "must be only host:port"),
        ("unix://relative.sock", "needs an absolute socket path"),
        ("unix:///" + String(repeating: "d", count: 200), "has a socket path longer than 107 bytes"),
        ("npipe:////./pipe/docker_engine", "is not supported"),
    ] as [(String, String)])
    func malformedHostsAreRefusedBeforeAnyConnection(host: String, why: String) async {
        let endpoint = DockerEndpoint(name: "bad", host: host, source: .environment)
        #expect { try endpoint.baseURL() } throws: { ($0 as? VantageError)?.message == "the Docker host '\(host)' \(why)" }
        await #expect { _ = try await DockerClient.connect(endpoint, timeout: .milliseconds(200)) } throws: {
            ($0 as? VantageError)?.message.hasSuffix(why) == true
        }
        let discovered = DockerEndpoint.discover(environment: ["DOCKER_HOST": host, "HOME": "/nonexistent-vantage"])
        #expect(discovered.warnings.map(\.message) == ["DOCKER_HOST: the Docker host '\(host)' \(why)"])
    }

    @Test(arguments: [
        ("[docker]\nengines = 3\n", 2, "docker.engines", "expected [[docker.engines]] tables, found an integer"),
        ("[[docker.engines]]\nname = \"x\"\n", 1, "docker.engines[0].host", "each engine needs host = \"unix:///…\" or \"tcp://…\""),
        ("[[docker.engines]]\nhost = \"ftp://x\"\n", 2, "docker.engines[0].host", "the Docker host 'ftp://x' is not supported"),
        ("[[docker.engines]]\nhost = \"tcp://127.0.0.1:99999\"\n", 2, "docker.engines[0].host", "the Docker host 'tcp://127.0.0.1:99999' has port 99999, outside 1-65535"),
    ] as [(String, Int, String, String)])
    func badEngineEntriesNameFileLineAndField(text: String, line: Int, field: String, message: String) throws {
        let table = try TOMLParser.parse(text, file: "vantage.toml")
        #expect {
            _ = try DockerEndpoint.configured(WorkspaceFileReader.parse(table, file: "vantage.toml").engines, file: "vantage.toml")
        } throws: { error in
            guard let e = error as? VantageError else { return false }
            return e.location == SourceLocation(file: "vantage.toml", line: line, field: field) && e.message == message
        }
    }
}
