import Foundation
import Testing
import VantageCore

/// The schedule overlay on the real binary (issue 15 §4): `S` lists the jobs `vantage schedule add`
/// stored, Enter asks and runs the selected one now, and its outcome shows in the overlay; in a
/// console that hosts the scheduler and in one attached to `vantage daemon`.
@Suite(.serialized) struct ScheduleOverlayEndToEndTests {
    /// A workspace with one folder project whose lock check has nothing to check.
    static func workspace() throws -> (root: String, home: String) {
        let root = NSTemporaryDirectory() + "vantage-e2e-schedule-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        try FileManager.default.createDirectory(atPath: root + "/web", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "command = \"sleep 1000\"\n".write(toFile: root + "/web/.vantage.toml", atomically: true, encoding: .utf8)
        return (root, home)
    }

    static func addJob(home: String) throws {
        let added = try QuitAndLaunchEndToEndTests.cli(["schedule", "add", "--cron", "0 3 * * *", "--target", "workspace",
                                                        "--action", "lock-check"], home: home)
        #expect(added.status == 0 && added.output.contains("added job 1: lock-check on the workspace"), "\(added.output)")
    }

    /// S, Enter, y: the job runs and the overlay shows its outcome.
    static func runFirstJob(in tmux: TmuxSession) throws {
        try tmux.send("S")
        let listed = try tmux.waitFor(timeout: 10) { $0.contains("Schedule: 1 job") && $0.contains("#1  lock-check on the workspace  0 3 * * *") }
        #expect(listed.ok, "screen:\n\(listed.screen)")
        #expect(listed.screen.contains("last never run"), "screen:\n\(listed.screen)")
        try tmux.send("Enter")
        let asked = try tmux.waitFor(timeout: 5) { $0.contains("Run job 1 now (lock-check on the workspace, '0 3 * * *')?") }
        #expect(asked.ok, "Enter asks first; screen:\n\(asked.screen)")
        try tmux.send("y")
        let ran = try tmux.waitFor(timeout: 30) { $0.contains("ok: no manifest that needs a lock file") && $0.contains("last ok") }
        #expect(ran.ok, "the outcome shows in the overlay; screen:\n\(ran.screen)")
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Schedule: 1 job") }.ok, "Esc closes the schedule")
    }

    @Test func theHostedConsoleListsRunsAndShowsTheOutcome() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let (root, home) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        let command = "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?"
        // No job yet: the overlay says how to add one.
        let empty = try TmuxSession(width: 120, height: 40, command: command, environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try empty.waitFor(timeout: 10) { $0.contains("web") }.ok)
        let footer = try empty.waitFor(timeout: 5) { $0.contains("S schedule") }
        #expect(footer.ok, "the footer offers the key; screen:\n\(footer.screen)")
        try empty.send("S")
        let none = try empty.waitFor(timeout: 10) {
            $0.contains("No scheduled jobs.") && $0.contains("vantage schedule add --cron '0 3 * * *' --target workspace --action analyze")
        }
        #expect(none.ok, "screen:\n\(none.screen)")
        try empty.send("Escape")
        #expect(try empty.waitFor(timeout: 5) { !$0.contains("No scheduled jobs.") }.ok, "Esc closes the schedule")
        try empty.send("q")
        #expect(try empty.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)

        try Self.addJob(home: home)
        let tmux = try TmuxSession(width: 120, height: 40, command: command, environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("web") }.ok)
        try Self.runFirstJob(in: tmux)
        // The run is on the timeline too, wrapped in the side pane (issue 12 §5: it was cut at the pane's edge),
        // and the CLI reads the same outcome from the store.
        let side = try tmux.waitFor(timeout: 10) { screen in
            screen.split(separator: "\n").contains { $0.contains("│         the workspace: done: no") }
        }
        #expect(side.ok, "the entry's second row is indented under the kind column; screen:\n\(side.screen)")
        let list = try QuitAndLaunchEndToEndTests.cli(["schedule", "list"], home: home)
        #expect(list.output.contains("ok: no manifest that needs a lock file"), "\(list.output)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func theAttachedConsoleListsAndRunsTheDaemonsJobs() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let (root, home) = try Self.workspace()
        FileManager.default.createFile(atPath: home + "/daemon-test.log", contents: nil)
        try Self.addJob(home: home)
        let daemon = try DaemonAttachEndToEndTests.startDaemon(binary, root: root, home: home)
        defer {
            kill(daemon, SIGTERM)
            usleep(1_500_000)
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        try DaemonAttachEndToEndTests.waitForDaemon(binary, home: home)
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)); echo EXIT=$?",
                                   environment: HistoryEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("web") }.ok)
        try Self.runFirstJob(in: tmux)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok)
    }

    /// Attached to two daemons (this machine's and `--connect unix://…/far/vantage.sock`), each
    /// holding its own job 1: the overlay lists both, the other host's led by its name, and Enter on
    /// far's job runs far's job only (the same id on this machine stays unrun).
    @Test func aConsoleAttachedToTwoHostsRunsTheSelectedHostsJob() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let (root, home) = try Self.workspace()
        let (farRoot, farHomeParent) = try Self.workspace()
        let farHome = farHomeParent + "/far"
        try FileManager.default.createDirectory(atPath: farHome, withIntermediateDirectories: true)
        var daemons: [Int32] = []
        defer {
            for daemon in daemons { kill(daemon, SIGTERM) }
            usleep(1_500_000)
            for folder in [root, home, farRoot, farHomeParent] { try? FileManager.default.removeItem(atPath: folder) }
        }
        for (r, h) in [(root, home), (farRoot, farHome)] {
            FileManager.default.createFile(atPath: h + "/daemon-test.log", contents: nil)
            try Self.addJob(home: h)
            daemons.append(try DaemonAttachEndToEndTests.startDaemon(binary, root: r, home: h))
            try DaemonAttachEndToEndTests.waitForDaemon(binary, home: h)
        }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) "
                                       + "--connect unix://\(TmuxSession.shellQuote(farHome))/vantage.sock; echo EXIT=$?",
                                   environment: HistoryEndToEndTests.environment(home: home))
        let attached = try tmux.waitFor(timeout: 20) { $0.contains("daemon: far") && $0.contains("connected") }
        #expect(attached.ok, "far is listed under its heading (a later local scan used to empty it); screen:\n\(attached.screen)")
        try tmux.send("S")
        let listed = try tmux.waitFor(timeout: 15) {
            $0.contains("Schedule: 2 jobs") && $0.contains("> #1  lock-check on the workspace") && $0.contains("far #1  lock-check on the workspace")
        }
        #expect(listed.ok, "both hosts' jobs, the other host's named; screen:\n\(listed.screen)")
        try tmux.send("Down")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Host      far") }.ok, "the selected job's details name its host")
        try tmux.send("Enter")
        let asked = try tmux.waitFor(timeout: 5) { $0.contains("Run job 1 on far now (lock-check on the workspace, '0 3 * * *')?") }
        #expect(asked.ok, "screen:\n\(asked.screen)")
        try tmux.send("y")
        let ran = try tmux.waitFor(timeout: 30) { $0.contains("last ok") }
        #expect(ran.ok, "far's outcome shows; screen:\n\(ran.screen)")
        let far = try QuitAndLaunchEndToEndTests.cli(["schedule", "list"], home: farHome)
        #expect(far.output.contains("ok: no manifest that needs a lock file"), "far ran its job: \(far.output)")
        let here = try QuitAndLaunchEndToEndTests.cli(["schedule", "list"], home: home)
        #expect(!here.output.contains("ok: no manifest"), "this machine's job 1 did not run: \(here.output)")
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Schedule: 2 jobs") }.ok, "Esc closes the schedule")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("EXIT=0") }.ok)
    }
}
