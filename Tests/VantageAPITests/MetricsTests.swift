import Foundation
import Testing
import VantageCore

/// `GET /metrics`: the Prometheus exposition of the projects (state, CPU, memory, restarts, output
/// and error lines), the system and the daemon, accepted by `promtool check metrics`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MetricsTests {
    static let promtool = "/usr/bin/promtool"

    /// The value of the series `name{labels}` in an exposition.
    static func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func projectsSystemAndDaemonAreExposed() async throws {
        let printer = #"i=0; while [ $i -lt 30 ]; do echo "line $i"; i=$((i+1)); done; echo "ERROR: disk on fire"; sleep 300"#
        let f = try await APIFixture(projects: ["web": printer, "idle": "sleep 300"])
        let token = f.token
        #expect(try await f.request(.POST, "/api/v1/orchestration/launch/web", token: token).status == 200)
        var text = ""
        for _ in 0..<100 {
            let answer = try await f.request(.GET, "/metrics", token: token)
            #expect(answer.status == 200)
            #expect(answer.contentType.hasPrefix("text/plain; version=0.0.4"))
            text = answer.text
            if (Self.value(text, #"vantage_project_log_lines_total{project="web"}"#) ?? 0) >= 31 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(Self.value(text, #"vantage_project_log_lines_total{project="web"}"#) == 31, "\(text)")
        #expect(Self.value(text, #"vantage_project_log_error_lines_total{project="web"}"#) == 1)
        #expect(Self.value(text, #"vantage_project_up{project="web"}"#) == 1)
        #expect(Self.value(text, #"vantage_project_up{project="idle"}"#) == 0)
        #expect(Self.value(text, #"vantage_project_log_lines_total{project="idle"}"#) == 0)
        #expect((Self.value(text, #"vantage_project_resident_memory_bytes{project="web"}"#) ?? -1) >= 0)
        #expect(Self.value(text, #"vantage_project_restarts_total{project="web"}"#) == 0)
        #expect(text.contains(#"vantage_project_info{project="web",kind="command",state=""#), "\(text)")
        #expect((Self.value(text, "vantage_system_memory_total_bytes") ?? 0) > 0)
        #expect(Self.value(text, "vantage_system_load1") != nil)
        #expect((Self.value(text, #"vantage_system_cpu_seconds_total{mode="idle"}"#) ?? 0) > 0)
        #expect((Self.value(text, "vantage_daemon_resident_memory_bytes") ?? 0) > 1_000_000)
        #expect(Self.value(text, "vantage_daemon_projects") == 2)
        #expect(try await f.request(.GET, "/metrics", token: nil).status == 401)
        await f.close()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: promtool), "needs promtool (Debian's prometheus package; scripts/test installs it)"))
    func promtoolAcceptsTheExposition() async throws {
        let f = try await APIFixture(projects: ["web": "echo hello; sleep 300", #"quote"d\name"#: "sleep 300"])
        #expect(try await f.request(.POST, "/api/v1/orchestration/launch/web", token: f.token).status == 200)
        let exposition = try await f.request(.GET, "/metrics", token: f.token).body
        let input = f.root + "/metrics.txt"
        try exposition.write(to: URL(fileURLWithPath: input))
        let check = Process()
        check.executableURL = URL(fileURLWithPath: Self.promtool)
        check.arguments = ["check", "metrics"]
        check.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let said = Pipe()
        check.standardOutput = said
        check.standardError = said
        try check.run()
        let output = String(decoding: said.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "promtool: \(output)\n\(String(decoding: exposition, as: UTF8.self))")
        #expect(String(decoding: exposition, as: UTF8.self).contains(#"project="quote\"d\\name""#), "label values are escaped")
        await f.close()
    }
}
