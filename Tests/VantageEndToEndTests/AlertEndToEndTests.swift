import Foundation
import Testing
import VantageCore

/// An alert rule of `vantage.toml` on the real binary (issue 16 §6): a project that keeps a core
/// busy trips `cpu > 5% for 2s`; Troubleshooting shows the warning and the timeline says it fired;
/// stopping the project resolves it (the warning leaves Troubleshooting, the timeline says so).
@Suite(.serialized) struct AlertEndToEndTests {
    @Test func aBusyProjectFiresTheCPUAlertAndStoppingItResolvesIt() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-alert-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root + "/busy", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "[[alerts]]\nwhen = \"cpu > 5% for 2s\"\n".write(toFile: root + "/vantage.toml", atomically: true, encoding: .utf8)
        try "command = \"sh -c 'while :; do :; done'\"\n".write(toFile: root + "/busy/.vantage.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("busy") && $0.contains("stopped") }.ok)
        try tmux.send("s")
        let fired = try tmux.waitFor(timeout: 30) { $0.contains("WRN alert: cpu > 5% for 2s") && $0.contains("busy fired: cpu > 5%") }
        #expect(fired.ok, "the warning in Troubleshooting and the fired entry on the timeline; screen:\n\(fired.screen)")
        try tmux.send("x")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Stop busy?") }.ok)
        try tmux.send("y")
        let resolved = try tmux.waitFor(timeout: 30) { $0.contains("busy resolved: cpu > 5%") && !$0.contains("WRN alert: cpu > 5%") }
        #expect(resolved.ok, "the resolution on the timeline, the warning gone; screen:\n\(resolved.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func aBadRuleStopsTheStartWithFileLineAndField() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-alert-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: root + "-home") }
        try FileManager.default.createDirectory(atPath: root + "-home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "[[alerts]]\nwhen = \"cpu > inf for 2m\"\n".write(toFile: root + "/vantage.toml", atomically: true, encoding: .utf8)
        let run = try ChildProcess.run([binary, "daemon", "--root", root], environment: HistoryEndToEndTests.environment(home: root + "-home"),
                                       stderr: .merged, timeout: 20)
        #expect(run.status != 0)
        #expect(run.output.contains("vantage.toml:2: field 'alerts[0].when'") && run.output.contains("is not a number"), "\(run.output)")
    }
}
