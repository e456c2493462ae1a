import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// `--listen` and `[api] listen`: host:port, the port 1…65535, loopback or not; a bad value in
/// `vantage.toml` is an error with file, line and field.
@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:7700", "127.0.0.1", 7700, true), ("localhost:1", "localhost", 1, true), ("[::1]:65535", "::1", 65535, true),
        ("127.8.9.10:80", "127.8.9.10", 80, true), ("0.0.0.0:7700", "0.0.0.0", 7700, false), ("192.168.1.5:443", "192.168.1.5", 443, false),
        ("[::]:7700", "::", 7700, false), ("api.example.org:7700", "api.example.org", 7700, false), ("127.0.0.1.evil.org:80", "127.0.0.1.evil.org", 80, false),
    ])
    func addressesAreRead(text: String, host: String, port: Int, loopback: Bool) throws {
        let address = try ListenAddress.parse(text).get()
        #expect(address.host == host)
        #expect(address.port == port)
        #expect(address.isLoopback == loopback)
    }

    @Test(arguments: [
        ("127.0.0.1", "host:port"), ("127.0.0.1:0", "from 1 to 65535"), ("127.0.0.1:65536", "from 1 to 65535"),
        ("127.0.0.1:-1", "from 1 to 65535"), ("127.0.0.1:http", "from 1 to 65535"), (":7700", "names no host"),
        ("::1:7700", "host:port"), ("[::1]7700", "[::1]:7700"), ("", "host:port"), ("user@host:22", "names no host"),
        ("127.0.0.1:99999999999999999999", "from 1 to 65535"),
    ])
    func badAddressesSayWhy(text: String, why: String) {
        guard case .failure(let problem) = ListenAddress.parse(text) else { Issue.record("\(text) was accepted"); return }
        #expect(problem.message.contains(why), "\(text): \(problem.message)")
    }

    @Test func apiTableOfVantageToml() throws {
        let ok = try WorkspaceFileReader.parse(TOMLParser.parse("[api]\nlisten = \"127.0.0.1:7700\"\ntls_cert = \"cert.pem\"\ntls_key = \"key.pem\"\n",
                                                                file: "vantage.toml"), file: "vantage.toml")
        #expect(ok.apiListen == ListenAddress(host: "127.0.0.1", port: 7700))
        #expect(ok.apiTLSCertificate == "cert.pem")
        #expect(ok.apiTLSKey == "key.pem")
        #expect(ok.warnings.isEmpty)

        let error = #expect(throws: VantageError.self) {
            try WorkspaceFileReader.parse(TOMLParser.parse("[api]\n\nlisten = \"127.0.0.1:0\"\n", file: "vantage.toml"), file: "vantage.toml")
        }
        #expect(error?.location == SourceLocation(file: "vantage.toml", line: 3, field: "api.listen"))
        #expect(error?.message.contains("from 1 to 65535") == true)
        let typo = try WorkspaceFileReader.parse(TOMLParser.parse("[api]\nlisen = \"127.0.0.1:7700\"\n", file: "vantage.toml"), file: "vantage.toml")
        #expect(typo.apiListen == nil)
        #expect(typo.warnings.first?.hint?.contains("listen") == true)
    }
}
