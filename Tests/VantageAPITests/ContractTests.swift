import AsyncHTTPClient
import Foundation
import Testing
import VantageAPI
import VantageCore

/// docs/openapi.yaml checked against the live daemon by schemathesis (PyPI; scripts/test installs
/// it): every operation, every check (no 5xx, documented statuses and content types, responses
/// that match their schemas, auth enforced, invalid input rejected), a bounded number of examples.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ContractTests {
    static let schemathesis: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/schemathesis") {
            return "\(dir)/schemathesis"
        }
        return nil
    }()

    @Test(.enabled(if: FileManager.default.fileExists(atPath: APIDaemonTests.binary) && schemathesis != nil,
                   "needs the binary (swift build --product vantage) and schemathesis (scripts/test installs it)"))
    func schemathesisFindsNothingAgainstTheLiveDaemon() async throws {
        let w = try APIDaemonTests.Workspace()
        defer { w.remove() }
        let port = try APIDaemonTests.freePort()
        let (daemon, _) = try APIDaemonTests.run(["daemon", "--root", w.projects, "--listen", "127.0.0.1:\(port)"], home: w.home, wait: false)
        defer { APIDaemonTests.stop(daemon) }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let url = "http://127.0.0.1:\(port)"
        try await APIDaemonTests.waitForHealth(client, url)
        try await client.shutdown()
        let token = try APIToken.current(VantagePaths(home: w.home, config: w.root + "/config"))

        // 501 is the contract's answer for what Vantage cannot do yet (documented on those operations
        // only, so status_code_conformance still fails a 501 anywhere else); 422 is its answer for a
        // valid request that cannot be carried out (an environment the project does not have).
        let config = w.root + "/schemathesis.toml"
        try """
            [checks.not_a_server_error]
            expected-statuses = ["2xx", "3xx", "4xx", "501"]
            [checks.positive_data_acceptance]
            expected-statuses = ["2xx", "401", "404", "409", "422", "501"]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let report = w.root + "/schemathesis.txt"
        FileManager.default.createFile(atPath: report, contents: nil)
        let run = Process()
        run.executableURL = URL(fileURLWithPath: try #require(Self.schemathesis))
        run.arguments = ["--config-file", config, "--no-color", "run", url + "/api/v1/openapi.json", "--url", url, "--header", "Authorization: Bearer \(token)",
                         "--checks", "all", "--max-examples", "15", "--workers", "1", "--seed", "1",
                         "--suppress-health-check", "all"]
        run.currentDirectoryURL = URL(fileURLWithPath: w.root)   // its .schemathesis cache goes there
        run.environment = ProcessInfo.processInfo.environment.merging(["SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"]) { $1 }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: report))
        run.standardOutput = out
        run.standardError = out
        try run.run()
        run.waitUntilExit()
        let said = APIDaemonTests.text(report)
        #expect(run.terminationStatus == 0, "schemathesis found problems:\n\(said.suffix(6000))")
        // Every operation schemathesis takes from the contract was selected and tested.
        let selected = said.firstMatch(of: /Selected: (\d+)\/(\d+)/), tested = said.firstMatch(of: /Tested: (\d+)/)
        #expect(selected != nil && selected?.1 == selected?.2 && tested?.1 == selected?.1, "\(said.suffix(3000))")
        #expect(Int(tested?.1 ?? "") ?? 0 >= 20, "\(said.suffix(3000))")
        try? said.write(toFile: NSTemporaryDirectory() + "vantage-schemathesis-last.txt", atomically: true, encoding: .utf8)
    }
}
