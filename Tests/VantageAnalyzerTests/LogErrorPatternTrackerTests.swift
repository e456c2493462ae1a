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

    @Test func firstOccurrenceOfAnErrorTemplateIsADiagnostic() async {
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
        #expect(patterns[0].count == 2)
        #expect(patterns[0].firstSeen == Date(timeIntervalSince1970: 10))
        #expect(patterns[0].lastSeen == Date(timeIntervalSince1970: 20))
        #expect(patterns[0].example.contains("10.0.0.5"))
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
        #expect(again.map(\.template) == ["ValueError: invalid literal for int() with base <*>: <*>"])
        #expect(again.first?.recoveries == 2)
        #expect(await tracker.noteRecovered(project: web).isEmpty)
    }
}

@Suite struct LogErrorLineClassifierTests {
    @Test func errorLinesAreRecognised() {
        for text in [
            "2024-01-01 10:00:00,123 ERROR [main] failed", "[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6",
            "level=error msg=\"boom\"", #"{"level":"error","msg":"x"}"#, "java.lang.NullPointerException: null",
            "Exception in thread \"main\" java.lang.IllegalStateException", "Traceback (most recent call last):",
            "KeyError: 'user'", "error[E0308]: mismatched types", "error: could not compile `x`", "panic: boom",
            "thread 'main' panicked at src/main.rs:2:5:", "Uncaught TypeError: x is undefined", "FATAL: database down",
        ] {
            #expect(ErrorLineClassifier.isError(text), "\(text)")
        }
    }

    @Test func ordinaryLinesAreNot() {
        for text in ["Build complete: 0 errors, 2 warnings", "error_count=0", "INFO request served", "retrying after errors cleared",
                     "WARN disk 80% full", "ErrorPatternTracker started"] {
            #expect(!ErrorLineClassifier.isError(text), "\(text)")
        }
    }
}
