import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// The daemon binary beside 12 projects that each log about 1,000 lines a second (issue 15): its
/// control requests are answered while the output floods in, and a subscriber that falls behind
/// the flood still gets every state change of a project stopped and started meanwhile.
@Suite(.serialized, .timeLimit(.minutes(4))) struct DaemonLogFloodTests {
    static let probe = "a-probe"
    /// About 1,000 lines a second: 100 lines, then a tenth of a second's rest.
    static let logger = #"i=0; while :; do j=0; while [ $j -lt 100 ]; do echo "line $i.$j of a steady log"; j=$((j+1)); done; i=$((i+1)); sleep 0.1; done"#
    /// Generous (a debug daemon beside the other suites): answers that waited behind the log
    /// traffic took 10-30 s. A stop or launch also waits on the process, so it gets longer.
    static let answerBound = 10.0
    static let lifecycleBound = 30.0

    /// Sends one request on a connection of its own; returns the answer and the seconds it took.
    static func timed(_ paths: VantagePaths, _ request: ControlRequest) async throws -> (ControlResponse, Double) {
        let started = Date()
        let response = try await offPool { try ControlClient.request(paths, request) }
        return (response, Date().timeIntervalSince(started))
    }

    /// The probe's state changes as the supervisor wrote them in its log ("[vantage] state a → b"), after `since`.
    static func loggedChanges(_ logFile: String, since: Date) -> [String] {
        ProjectLog.tail(ofFile: logFile, lines: 100_000).compactMap { ProjectLog.parse($0, project: ProjectID("/")) }
            .filter { $0.time >= since && $0.text.hasPrefix(LogSeverity.vantageNotePrefix + "state ") }
            .map { String($0.text.dropFirst((LogSeverity.vantageNotePrefix + "state ").count)) }
    }

    @Test func requestsAreAnsweredAndNoStateChangeIsLostUnderALogFlood() async throws {
        try #require(FileManager.default.fileExists(atPath: DaemonTests.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        defer { f.removeFiles() }
        let root = f.root + "/projects"
        for i in 1...12 {
            let dir = root + String(format: "/svc%02d", i)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "command = \"\"\"\(Self.logger)\"\"\"\n".write(toFile: dir + "/.vantage.toml", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/" + Self.probe, withIntermediateDirectories: true)
        try "command = \"sleep 100000\"\n".write(toFile: root + "/\(Self.probe)/.vantage.toml", atomically: true, encoding: .utf8)
        let daemon = try DaemonTests.startDaemon(root: root, home: f.paths.home)
        defer {
            kill(daemon, SIGTERM)
            var status: Int32 = 0
            waitpid(daemon, &status, 0)
        }
        try await DaemonTests.waitForSocket(f.paths)
        _ = try await Self.timed(f.paths, .launch(names: [], all: true, environment: nil, overrides: [:]))

        // A subscriber that reads nothing while the flood goes on: the daemon's queue for it fills.
        let subscriber = try await offPool { try ControlClient.connect(f.paths) }
        #expect(UnixSocket.writeAll(subscriber.fd, ControlCoding.encode(ControlRequest.subscribe)))
        #expect(try await offPool { try subscriber.next() } == .ok(message: nil))
        try await Task.sleep(for: .seconds(3))
        let since = Date()

        for cycle in 1...3 {
            for request in [ControlRequest.stop(names: [Self.probe], all: false), .ps, .launch(names: [Self.probe], all: false, environment: nil, overrides: [:])] {
                let (response, seconds) = try await Self.timed(f.paths, request)
                if case .error(let message) = response { Issue.record("cycle \(cycle): \(request) failed: \(message)") }
                let bound = request == .ps ? Self.answerBound : Self.lifecycleBound
                #expect(seconds < bound, "cycle \(cycle): \(request) took \(seconds) s under the flood")
            }
        }
        let (flooded, _) = try await Self.timed(f.paths, .ps)
        guard case .status(let rows) = flooded else { Issue.record("ps answered \(flooded)"); return }
        #expect(rows.filter { $0.name.hasPrefix("svc") && [.running, .ready].contains($0.state) }.count == 12, "the loggers ran throughout: \(rows.map { "\($0.name) \($0.state)" })")
        // The flood ends, so the subscriber can catch up with what is queued for it.
        _ = try await Self.timed(f.paths, .stop(names: (1...12).map { String(format: "svc%02d", $0) }, all: false))

        let logFile = ProjectLogFile.path(forProject: Self.probe, in: f.paths.logs)
        let expected = Self.loggedChanges(logFile, since: since)
        try #require(expected.count >= 12, "three stops and starts are in the probe's log: \(expected)")
        // Read until the subscriber has shown the last change the supervisor logged (or 90 s).
        var seen: [String] = [], skippedNotes = 0
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, !Self.isSubsequence(expected, of: seen) {
            let response = try await offPool { try subscriber.next() }
            switch response {
            case .event(.stateChanged(let project, let from, let to)) where project.rawValue.hasSuffix("/" + Self.probe):
                seen.append("\(from.rawValue) → \(to.rawValue)")
            case .event(.log(let line)) where line.text.contains("not shown here: this reader fell behind"):
                skippedNotes += 1
            default: break
            }
        }
        #expect(Self.isSubsequence(expected, of: seen), "the supervisor changed the probe \(expected); the subscriber saw \(seen)")
        #expect(skippedNotes > 0, "the subscriber fell behind the flood, and was told how many lines it lost")
    }

    /// `part` appears in `whole` in order (the monitor's own guesses can come between).
    static func isSubsequence(_ part: [String], of whole: [String]) -> Bool {
        var rest = whole[...]
        for item in part {
            guard let i = rest.firstIndex(of: item) else { return false }
            rest = rest[(i + 1)...]
        }
        return true
    }
}
