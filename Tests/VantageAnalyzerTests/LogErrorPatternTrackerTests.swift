import Foundation
import Testing
import VantageAnalyzer
import VantageCore

@Suite struct LogErrorPatternTrackerTests {
    let api = ProjectID("/srv/api")
    let web = ProjectID("/srv/web")

    func line(_ project: ProjectID, _ seconds: Double, _ text: String) -> LogLine {
        LogLine(time: Date(timeIntervalSince1970: seconds), project: project, stream: .stderr, text: text)
    }

    @Test func firstOccurrenceOfAnErrorTemplateIsADiagnostic() async throws {
        let tracker = ErrorPatternTracker()
        let d1 = await tracker.consume(line(api, 10, "2024-01-01 10:00:00 ERROR db: connection to 10.0.0.5:5432 refused"))
        let d2 = await tracker.consume(line(api, 20, "2024-01-01 10:00:10 ERROR db: connection to 10.0.0.6:5432 refused"))
        let info = await tracker.consume(line(api, 25, "2024-01-01 10:00:15 INFO request served in 12 ms"))
        #expect(d1?.severity == .error)
        #expect(d1?.project == api)
        #expect(d1?.message == "new error pattern: db: connection to <*> refused")
        #expect(d2 == nil)
        #expect(info == nil)
        let patterns = await tracker.patterns(project: api)
        #expect(patterns.count == 1)
        try #require(patterns.count > 0)
        #expect(patterns[0].count == 2)
        #expect(patterns[0].firstSeen == Date(timeIntervalSince1970: 10))
        #expect(patterns[0].lastSeen == Date(timeIntervalSince1970: 20))
        #expect(patterns[0].example.contains("10.0.0.5"))
    }

    @Test func endlessVariantsOfOneErrorStayOnePatternPastTheRegroupingBound() async throws {
        // A user name is a whole-word variable the masker cannot see; 400 of them pass the bound (256)
        // above which new shapes are matched against the last grouping instead of regrouping.
        let tracker = ErrorPatternTracker()
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var diagnostics = 0
        for i in 0 ..< 400 {
            let name = String([letters[i % 26], letters[(i / 26) % 26], letters[(i / 676) % 26], "x"])
            if await tracker.consume(line(api, Double(i), "ERROR login failed for user \(name) from 10.0.0.1")) != nil {
                diagnostics += 1
            }
        }
        let patterns = await tracker.patterns(project: api)
        #expect(patterns.map(\.count).reduce(0, +) == 400)
        // The first few names are read as words until enough differ; after that, one pattern.
        try #require(patterns.count > 0)
        #expect(patterns[0].template == "login failed for user <*> from <*>")
        #expect(patterns[0].count >= 390)
        #expect(diagnostics == patterns.count)
    }

    @Test func projectsAreTrackedSeparately() async {
        let tracker = ErrorPatternTracker()
        let a = await tracker.consume(line(api, 1, "Traceback (most recent call last):"))
        let b = await tracker.consume(line(web, 2, "Traceback (most recent call last):"))
        #expect(a != nil)
        #expect(b != nil)
        #expect(await tracker.patterns(project: web).count == 1)
    }

    @Test func recoveryAfterErrorsRecordsSuccessPatterns() async {
        let tracker = ErrorPatternTracker()
        _ = await tracker.consume([
            line(api, 1, "panic: runtime error: index out of range [3] with length 3"),
            line(api, 2, "ValueError: invalid literal for int() with base 10: 'x'"),
        ])
        #expect(await tracker.successPatterns(project: api).isEmpty)
        let recovered = await tracker.noteRecovered(project: api, at: Date(timeIntervalSince1970: 5))
        #expect(recovered.count == 2)
        #expect(await tracker.successPatterns(project: api).count == 2)

        // A later recovery only credits patterns seen since the previous one.
        await tracker.consume(line(api, 8, "ValueError: invalid literal for int() with base 10: 'y'"))
        let again = await tracker.noteRecovered(project: api, at: Date(timeIntervalSince1970: 9))
        #expect(again.map(\.template) == ["ValueError: invalid literal for int() with base <*>: '<*>'"])
        #expect(again.first?.recoveries == 2)
        #expect(await tracker.noteRecovered(project: web, at: Date(timeIntervalSince1970: 9)).isEmpty)
    }
}

/// A real program that fails the same way on every run, with a different port, path and pid each time.
@Suite(.enabled(if: ChildProcess.which("python3") != nil, "needs python3 (scripts/test installs it)"))
struct LogErrorPatternTrackerRealProgramTests {
    static let failingProgram = """
        import logging, os, socket, tempfile
        logging.basicConfig(format="%(asctime)s %(levelname)s [%(process)d] %(message)s")
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        listener.close()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError as error:
            logging.error("worker %d cannot reach the cache at 127.0.0.1:%d: %s", os.getpid(), port, error)
        config = os.path.join(tempfile.mkdtemp(prefix="app-"), "settings.toml")
        open(config)
        """

    @Test func twoRunsOfAFailingProgramFoldIntoOneProblemPerError() async throws {
        let tracker = ErrorPatternTracker()
        let project = ProjectID("/srv/failing")
        var outputs: [String] = []
        var diagnostics: [[Diagnostic]] = []
        for run in 0 ..< 2 {
            let result = try ChildProcess.run(["python3", "-c", Self.failingProgram], timeout: 30)
            #expect(result.status == 1, "\(result.output)")
            outputs.append(result.output)
            let lines = result.output.split(separator: "\n").map {
                LogLine(time: Date(timeIntervalSince1970: Double(run * 10)), project: project, stream: .stderr, text: String($0))
            }
            diagnostics.append(await tracker.consume(lines))
        }
        // The runs really differed in their values.
        try #require(outputs.count > 1)
        #expect(outputs[0] != outputs[1])
        // The first run reports its problems: the logged error, the traceback and the exception.
        let first = diagnostics[0].map(\.message)
        #expect(first.contains { $0.contains("cannot reach the cache at <*>") })
        #expect(first.contains("new error pattern: Traceback (most recent call last):"))
        #expect(first.contains("new error pattern: FileNotFoundError: [Errno <*>] No such file or directory: '<*>'"))
        // The second run is the same problems again: nothing new, every pattern counted twice.
        try #require(diagnostics.count > 1)
        #expect(diagnostics[1].isEmpty, "\(diagnostics[1].map(\.message))")
        let patterns = await tracker.patterns(project: project)
        #expect(patterns.count == diagnostics[0].count)
        #expect(patterns.allSatisfy { $0.count == 2 }, "\(patterns.map { ($0.template, $0.count) })")
    }
}
