import Foundation
import Testing
@testable import VantageAnalyzer
import VantageCore

@Suite("Quality: bad input is reported or analysed partially, never fatal")
struct QualityBadInputTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-quality-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("binary files and files over the size limit are skipped with a reason")
    func skippedFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x64, 0x65, 0x66, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("blob.py"))
        try Data(repeating: 0x61, count: 2 * 1024 * 1024 + 10).write(to: dir.appendingPathComponent("huge.c"))
        try Data("def ok():\n    return 1\n".utf8).write(to: dir.appendingPathComponent("ok.py"))
        var options = QualityOptions()
        options.maxFileBytes = 2 * 1024 * 1024
        let report = try QualityAnalyzer.analyze(path: dir.path, options: options)
        #expect(report.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["ok.py"])
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons["blob.py"]?.contains("binary") == true)
        #expect(reasons["huge.c"]?.contains("larger than 2 MB") == true)
    }

    @Test("a missing path is a not-found error naming the path")
    func missingPath() {
        #expect(throws: VantageError.self) { try QualityAnalyzer.analyze(path: "/nonexistent/vantage/path") }
    }

    @Test("invalid UTF-8 is read as bytes: the function is still found")
    func invalidUTF8() {
        var bytes = Array("def f(x):\n    s = '".utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array("'\n    if x:\n        return 1\n".utf8)
        let quality = QualityAnalyzer.analyze(bytes: bytes, language: .python)
        #expect(quality.functions.map(\.ccn) == [2])
    }

    /// Each source opens a string or comment it never closes, with code after the opener. The
    /// analysis finishes and reads it exactly as lizard 1.24.3 does (`analyze_source_code`): an
    /// unclosed Python `'''` or C `/*` is not a literal, so the code after it counts; an unclosed
    /// Swift `"""`, Rust `r#"` or JavaScript template runs to the end of the file.
    @Test("unterminated strings and comments: lizard's file tokens and functions, never fatal", arguments: [
        // source, language, lizard's file token count, lizard's functions as name/CCN/tokens
        ("def f():\n    s = '''never closed\n    if x: pass\n", SourceLanguage.python, 15, ["f/2/14"]),
        ("func f() { let s = \"\"\"\nopen\n if x {} }", .swift, 9, []),
        ("func f() { let s = \"open\n if x {} }", .swift, 14, ["f/2/14"]),
        ("void f() { /* open comment if (x) {} }", .c, 16, ["f/2/15"]),
        ("function f() { const s = `open ${ if (", .javascript, 9, ["f/1/7"]),
        ("fn f() { let s = r#\"open if x {} }", .rust, 10, []),
    ])
    func unterminated(source: String, language: SourceLanguage, tokens: Int, functions: [String]) {
        let quality = QualityAnalyzer.analyze(source: source, language: language)
        #expect(quality.tokenCount == tokens)
        #expect(quality.functions.map { "\($0.name)/\($0.ccn)/\($0.tokenCount)" } == functions)
    }

    @Test("deep nesting and long files finish quickly", arguments: SourceLanguage.allCases)
    func deepNesting(language: SourceLanguage) {
        let open = language == .python ? "(" : "{"
        let close = language == .python ? ")" : "}"
        let source = "x = " + String(repeating: open, count: 20_000) + String(repeating: close, count: 20_000)
            + String(repeating: "\nif x and y: pass", count: 20_000)
        let start = ContinuousClock.now
        _ = QualityAnalyzer.analyze(source: source, language: language)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a 'GENERATED CODE' comment stops reading, as lizard does, and says so")
    func generatedCode() {
        let quality = QualityAnalyzer.analyze(source: "// GENERATED CODE\nint f() { return 1; }\n", language: .c)
        #expect(quality.functions.isEmpty)
        #expect(quality.partialReason != nil)
    }
}

@Suite("Quality: per-file time budget")
struct QualityTimeBudgetTests {
    @Test("a file that outlasts its budget is returned partially, with the reason")
    func budget() {
        let source = String(repeating: "def f(x):\n    if x and x:\n        return 1\n", count: 50_000)
        let quality = source.utf8CString.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: UInt8.self) { bytes in
                FileAnalysis.analyze(bytes: UnsafeBufferPointer(rebasing: bytes.dropLast()), language: .python,
                                     path: "slow.py", timeBudget: .zero)
            }
        }
        #expect(quality.partialReason?.contains("time budget") == true)
        #expect(quality.functions.count < 50_000)
    }
}
