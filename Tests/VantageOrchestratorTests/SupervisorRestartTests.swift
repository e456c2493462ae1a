import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct SupervisorRestartTests {
    @Test func crashAtStartBacksOffWithGrowingCappedDelaysThenFails() async throws {
        let f = Fixture()
        let p = f.project("crasher", command: "echo starting; echo 'error: cannot open config.yml' >&2; exit 3", files: [
            ".vantage.toml": """
            [restart]
            policy = "on-failure"
            max_tries = 4
            backoff = 0.05
            backoff_max = 0.15
            jitter = 0.2
            """,
        ])
        let events = f.bus.events()
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        let state = await f.supervisor.waitFor(p.id, [.failed], timeout: .seconds(90))
        #expect(state == .failed)
        let row = try #require(await f.supervisor.status(of: p.id))
        try #require(row.backoffDelays.count == 4, "four restarts before giving up: \(row.backoffDelays)")
        #expect(row.restarts == 4)
        for d in row.backoffDelays { #expect(d <= 0.15 && d >= 0.04) }
        #expect(row.backoffDelays[1] > row.backoffDelays[0])
        #expect(row.backoffDelays[2] >= row.backoffDelays[1] * 0.8)
        #expect(row.lastError.contains { $0.contains("error: cannot open config.yml") }, "\(row.lastError)")
        #expect(row.lastError.contains { $0.contains("exited with status 3") })

        // The bus saw the backoff transitions and a diagnostic with the last lines.
        var sawBackoff = 0, sawGaveUp = false
        for await e in events {
            if case .stateChanged(_, _, .backoff) = e { sawBackoff += 1 }
            if case .diagnostic(let d) = e, d.message.contains("gave up after 4 tries") { sawGaveUp = true; break }
        }
        #expect(sawBackoff == 4)
        #expect(sawGaveUp)
        await f.cleanup()
    }

    @Test func readinessProbesHttpExecAndLogLine() async throws {
        let f = Fixture()
        let base = randomPortBase()
        let http = f.project("http", command: pythonServer, ports: [base + 1], files: [
            ".vantage.toml": "[readiness]\ntype = \"http\"\npath = \"/\"\n",
        ])
        let exec = f.project("exec", command: "sleep 0.3; touch ready.flag; sleep 30", files: [
            ".vantage.toml": "[readiness]\ntype = \"exec\"\ncommand = \"test -f ready.flag\"\n",
        ])
        let logLine = f.project("logline", command: "echo booting; sleep 0.3; echo 'listening on :8080'; sleep 30", files: [
            ".vantage.toml": "[readiness]\ntype = \"log\"\npattern = \"listening on :\\\\d+\"\n",
        ])
        await f.supervisor.register([http, exec, logLine])
        for p in [http, exec, logLine] { try await f.supervisor.launch(p.id) }
        #expect(await f.supervisor.status(of: exec.id)?.state == .running) // not ready before the flag exists
        for p in [http, exec, logLine] {
            #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(15)) == .ready, "\(p.name)")
        }
        await f.cleanup()
    }

    @Test func logsAreTimestampedAndStoredPerProject() async throws {
        let f = Fixture()
        let p = f.project("talker", command: "echo hello out; echo hello err >&2; sleep 30")
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        let file = f.paths.logs + "/talker.log"
        var lines: [String] = []
        for _ in 0..<100 where !lines.contains(where: { $0.hasSuffix(" err hello err") }) || !lines.contains(where: { $0.hasSuffix(" out hello out") }) {
            try await Task.sleep(for: .milliseconds(50))
            lines = ProjectLog.tail(ofFile: file, lines: 50)
        }
        #expect(lines.contains { $0.hasSuffix("Z out hello out") && $0.hasPrefix("20") }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix(" err hello err") })
        await f.cleanup()
    }
}
