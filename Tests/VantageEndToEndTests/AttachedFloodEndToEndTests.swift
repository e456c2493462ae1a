import Foundation
import Testing
import VantageCore

/// The console attached to a `vantage daemon` whose 12 projects each log about 1,000 lines a
/// second (issue 15), on the real binaries: every stop and start of another project is drawn on
/// the console's screen within seconds, every time (it took 5-9 s, or never, when the console
/// folded and drew the flood line by line).
@Suite(.serialized) struct AttachedFloodEndToEndTests {
    static let probe = "a-probe"
    /// About 1,000 lines a second: 100 lines, then a tenth of a second's rest.
    static let logger = #"i=0; while :; do j=0; while [ $j -lt 100 ]; do echo "line $i.$j of a steady log"; j=$((j+1)); done; i=$((i+1)); sleep 0.1; done"#
    /// Generous: a debug console beside a debug daemon and the other end-to-end suites on a
    /// loaded machine (up to 3 s seen there; before the fix a change could stay undrawn for good).
    static let drawBound = 10.0
    static let cycles = 4

    /// The grid row of `name` from the name on (its name in the first columns; the timeline
    /// beside the grid can name it too).
    static func row(_ name: String, in screen: String) -> String {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let r = line.range(of: name), line.distance(from: line.startIndex, to: r.lowerBound) < 12 else { continue }
            return String(line[r.lowerBound...].prefix(50))
        }
        return ""
    }

    @Test(.enabled(if: DaemonAttachEndToEndTests.has("tmux"), "needs tmux"))
    func aStopAndAStartAreDrawnWithinSecondsUnderALogFlood() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vf-\(UUID().uuidString.prefix(6))"
        let home = root + "-home"
        for i in 1...12 {
            let dir = root + String(format: "/svc%02d", i)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "command = \"\"\"\(Self.logger)\"\"\"\n".write(toFile: dir + "/.vantage.toml", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/" + Self.probe, withIntermediateDirectories: true)
        try "command = \"sleep 100000\"\n".write(toFile: root + "/\(Self.probe)/.vantage.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
        let daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
        let environment = HistoryEndToEndTests.environment(home: home)
        defer {
            _ = try? ChildProcess.run([binary, "stop", "--all"], environment: environment, stderr: .discarded, timeout: 60)
            kill(daemon, SIGTERM)
            var status: Int32 = 0
            waitpid(daemon, &status, 0)
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)
        let launched = try ChildProcess.run([binary, "launch", "--all"], environment: environment, stderr: .discarded, timeout: 120)
        #expect(launched.status == 0, "launch --all: \(launched.output)")

        let tmux = try TmuxSession(width: 220, height: 50,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: environment)
        let shown = try tmux.waitFor(timeout: 30) { screen in
            let probe = Self.row(Self.probe, in: screen)
            return probe.contains("ready") || probe.contains("running")
        }
        try #require(shown.ok, "the attached console shows the running probe; screen:\n\(shown.screen)")
        Thread.sleep(forTimeInterval: 3) // the flood reaches the console

        for cycle in 1...Self.cycles {
            for (verb, drawn) in [("stop", ["stopped"]), ("launch", ["ready", "running"])] {
                let answer = try ChildProcess.run([binary, verb, Self.probe], environment: environment, stderr: .discarded, timeout: 120)
                #expect(answer.status == 0, "cycle \(cycle): \(verb) failed: \(answer.output)")
                // The state changed on the daemon's bus before it answered: from here it is the console's part.
                let seen = try tmux.waitFor(timeout: Self.drawBound) { screen in
                    let probe = Self.row(Self.probe, in: screen)
                    return drawn.contains { probe.contains($0) }
                }
                #expect(seen.ok, "cycle \(cycle): \(verb) was not drawn within \(Self.drawBound) s under the flood; probe row: \(Self.row(Self.probe, in: seen.screen))\nscreen:\n\(seen.screen)")
            }
        }
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok, "the console quits")
    }
}
