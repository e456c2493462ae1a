import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// `vantage schedule` on the real binary: jobs added, listed and removed without a daemon, refused
/// with their exact errors, and run now by a real daemon (a real lock check, a real restart).
@Suite(.serialized, .timeLimit(.minutes(3))) struct ScheduleCommandTests {
    static func json(_ output: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]], "not a JSON array: \(output)")
    }

    @Test func addListAndRemoveWithoutADaemon() async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        defer { f.removeFiles() }
        let home = f.paths.home
        let osv = f.root + "/osv"
        try FileManager.default.createDirectory(atPath: osv, withIntermediateDirectories: true)

        let empty = try await DaemonTests.vantage(["schedule", "list", "--json"], home: home)
        #expect(empty.status == 0, "\(empty.output)")
        #expect(try Self.json(empty.output).isEmpty, "\(empty.output)")

        let add = try await DaemonTests.vantage(["schedule", "add", "--cron", "0 3 * * mon-fri", "--target", "workspace",
                                                 "--action", "analyze"], home: home)
        #expect(add.status == 0, "\(add.output)")
        #expect(add.output.hasPrefix("added job 1: analyze on the workspace, '0 3 * * mon-fri', next run "), "\(add.output)")
        let second = try await DaemonTests.vantage(["schedule", "add", "--cron", "@daily", "--target", "workspace",
                                                    "--action", "vuln-db-refresh", "--from", osv], home: home)
        #expect(second.status == 0, "\(second.output)")

        let list = try await DaemonTests.vantage(["schedule", "list", "--json"], home: home)
        let jobs = try Self.json(list.output)
        #expect(jobs.map { $0["id"] as? Int } == [1, 2])
        #expect(jobs.map { $0["cron"] as? String } == ["0 3 * * mon-fri", "@daily"])
        #expect(jobs.map { $0["target"] as? String } == ["workspace", "workspace"])
        #expect(jobs.map { $0["action"] as? String } == ["analyze", "vuln-db-refresh"])
        try #require(jobs.count > 1)
        #expect(jobs[1]["source"] as? String == osv)
        // No scheduler has seen them: the next run is the first slot after their creation, in ISO 8601.
        let next = try #require(jobs[0]["nextRun"] as? String)
        let nextDate = try #require(UTCTime.parseISO8601(next), "\(next)")
        #expect(nextDate > Date() && nextDate < Date().addingTimeInterval(4 * 86_400))
        #expect(jobs[0]["lastRun"] == nil && jobs[0]["lastOutcome"] == nil)

        let text = try await DaemonTests.vantage(["schedule", "list"], home: home)
        #expect(text.output.hasPrefix("ID  CRON"), "\(text.output)")
        #expect(text.output.contains("vuln-db-refresh --from \(osv)"), "\(text.output)")

        let rm = try await DaemonTests.vantage(["schedule", "rm", "1"], home: home)
        #expect(rm.status == 0 && rm.output == "removed job 1: analyze on the workspace, '0 3 * * mon-fri'\n", "\(rm.output)")
        #expect(try Self.json(try await DaemonTests.vantage(["schedule", "list", "--json"], home: home).output).map { $0["id"] as? Int } == [2])
        let again = try await DaemonTests.vantage(["schedule", "rm", "1"], home: home)
        #expect(again.status == 2)
        #expect(again.output == "vantage: there is no scheduled job 1 (`vantage schedule list` shows the jobs and their ids)\n", "\(again.output)")

        // run-now needs the process that runs the jobs.
        let runNow = try await DaemonTests.vantage(["schedule", "run-now", "2"], home: home)
        #expect(runNow.status != 0)
        #expect(runNow.output.contains("cannot run job 2 (vuln-db-refresh on the workspace): no Vantage daemon or console is running for \(home)"),
                "\(runNow.output)")
    }

    static let refusals: [([String], String)] = [
        (["--cron", "0 25 * * *", "--target", "workspace", "--action", "analyze"],
         "vantage: --cron '0 25 * * *': field 2 (hour), column 3: 25 is out of range: an hour is 0-23 "
         + "(5 fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * *', or @daily)\n"),
        (["--cron", "@daily", "--target", "workspace", "--action", "self-destruct"],
         "vantage: --action 'self-destruct' is not an action (one of: "),
        (["--cron", "@daily", "--target", "workspace", "--action", "restart"],
         "vantage: --action restart acts on one project, not the workspace (give --target a project's name)\n"),
        (["--cron", "@daily", "--target", "web", "--action", "vuln-db-refresh", "--from", "/"],
         "vantage: --action vuln-db-refresh acts on the whole workspace, not on web (use --target workspace)\n"),
        (["--cron", "@daily", "--target", "workspace", "--action", "vuln-db-refresh"],
         "vantage: --action vuln-db-refresh needs --from DIR (the folder of OSV JSON advisories to import)\n"),
        (["--cron", "@daily", "--target", "workspace", "--action", "analyze", "--from", "/"],
         "vantage: --from is only for the actions that read a folder (vuln-db-refresh), not analyze\n"),
    ]

    @Test(arguments: refusals)
    func addRefusesWithAClearError(_ arguments: [String], _ expected: String) async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        defer { f.removeFiles() }
        let run = try await DaemonTests.vantage(["schedule", "add"] + arguments, home: f.paths.home)
        #expect(run.status == 2)
        #expect(run.output.hasPrefix(expected), "\(run.output)")
        #expect(try Self.json(try await DaemonTests.vantage(["schedule", "list", "--json"], home: f.paths.home).output).isEmpty)
    }

    @Test func theDaemonRunsAJobNowWithTheRealActions() async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        defer { f.removeFiles() }
        let home = f.paths.home
        let root = f.root + "/projects"
        // A Node project whose lock file is missing, and a long-running one to restart.
        f.project("shop", files: ["package.json": #"{"name": "shop", "dependencies": {"left-pad": "1.3.0"}}"#])
        f.project("ticker", files: [".vantage.toml": "command = \"while true; do echo tick; sleep 0.2; done\"\n"])
        for (cron, target, action) in [("0 4 1 1 *", "shop", "lock-check"), ("0 4 1 1 *", "ticker", "restart")] {
            let add = try await DaemonTests.vantage(["schedule", "add", "--cron", cron, "--target", target, "--action", action], home: home)
            #expect(add.status == 0, "\(add.output)")
        }
        let daemon = try DaemonTests.startDaemon(root: root, home: home)
        defer { kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        #expect(try await DaemonTests.vantage(["launch", "ticker", "--wait"], home: home).status == 0)

        for id in [1, 2] {
            let run = try await DaemonTests.vantage(["schedule", "run-now", String(id)], home: home)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.hasPrefix("started job \(id), "), "\(run.output)")
        }
        // The outcomes land in the table (bounded wait for the daemon's runs; not a timing assertion).
        var jobs: [[String: Any]] = []
        for _ in 0 ..< 300 {
            jobs = try Self.json(try await DaemonTests.vantage(["schedule", "list", "--json"], home: home).output)
            if jobs.allSatisfy({ $0["lastOutcome"] != nil }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let lock = try #require(jobs.first?["lastOutcome"] as? [String: Any], "no outcome: \(jobs)")
        #expect(lock["succeeded"] as? Bool == false)
        #expect((lock["message"] as? String)?.hasPrefix("package-lock.json missing") == true, "\(lock)")
        let restart = try #require(jobs.last?["lastOutcome"] as? [String: Any], "no outcome: \(jobs)")
        #expect(restart["succeeded"] as? Bool == true, "\(restart)")
        #expect((restart["message"] as? String)?.hasPrefix("restarted: ") == true, "\(restart)")
        // The next run stays where the schedule puts it (1 January, 04:00 local).
        let expected = try #require(try CronExpression("0 4 1 1 *").next(after: Date()))
        #expect(jobs.first?["nextRun"] as? String == UTCTime.iso8601(expected), "\(jobs)")
        #expect(try await DaemonTests.vantage(["schedule", "run-now", "7"], home: home).output
                == "vantage: there is no scheduled job 7 (`vantage schedule list` shows the jobs and their ids)\n")
        _ = try await DaemonTests.vantage(["stop", "ticker"], home: home)
    }
}
