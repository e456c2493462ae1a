import Foundation
import Testing
@testable import VantageAnalyzer

@Suite("Quality: smells, duplicates, documentation, cognitive complexity")
struct QualitySmellTests {
    @Test("long, complex, many-parameter and deeply nested functions become smells with minutes")
    func functionSmells() {
        var lines = ["def big(a, b, c, d, e, f, g, h):"]
        for i in 0..<70 { lines.append("    x\(i) = a if b else c") }
        lines.append("    if a:\n        if b:\n            if c:\n                if d:\n                    if e:\n                        return 1")
        let file = QualityAnalyzer.analyze(source: lines.joined(separator: "\n") + "\n", language: .python, path: "big.py")
        let smells = SmellDetector.smells(in: file, types: [], thresholds: SmellThresholds())
        let kinds = Set(smells.map(\.kind))
        #expect(kinds == [.longFunction, .highComplexity, .tooManyParameters, .deepNesting])
        #expect(smells.allSatisfy { $0.remediationMinutes > 0 && $0.file == "big.py" && $0.line == 1 })
        let params = smells.first { $0.kind == .tooManyParameters }
        #expect(params?.remediationMinutes == 15 + 5 * (8 - 7))
    }

    @Test("a repeated block in two files is reported once, at the second copy")
    func duplicates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var block = ""
        for i in 0..<15 { block += "    total = total + values[\(i)] * weight(\(i), factor)\n" }
        try Data("def a(values):\n    total = 0\n\(block)    return total\n".utf8).write(to: dir.appendingPathComponent("a.py"))
        try Data("def b(values):\n    total = 1\n\(block)    return total\n".utf8).write(to: dir.appendingPathComponent("b.py"))
        let report = try QualityAnalyzer.analyze(path: dir.path)
        let dups = report.smells.filter { $0.kind == .duplicatedBlock }
        #expect(dups.count == 1)
        #expect(dups.first?.file.hasSuffix("b.py") == true)
        #expect((dups.first?.endLine ?? 0) - (dups.first?.line ?? 0) + 1 >= 15)
    }

    @Test("documentation coverage counts public symbols with their language's doc comment")
    func docCoverage() {
        let swift = QualityAnalyzer.analyze(source: """
        /// Documented.
        public func a() {}
        public func b() {}
        func internalOne() {}
        /** Documented type. */
        public struct T {}
        """, language: .swift)
        #expect(swift.documentation.publicSymbols == 3)
        #expect(swift.documentation.documented == 2)
        #expect(swift.documentation.undocumented.map(\.name) == ["b"])

        let python = QualityAnalyzer.analyze(source: "def a():\n    \"\"\"Doc.\"\"\"\n\ndef b():\n    pass\n\ndef _private():\n    pass\n",
                                             language: .python)
        #expect(python.documentation.publicSymbols == 2)
        #expect(python.documentation.documented == 1)

        let go = QualityAnalyzer.analyze(source: "package p\n\n// Run runs.\nfunc Run() {}\n\nfunc Stop() {}\n\nfunc local() {}\n",
                                         language: .go)
        #expect(go.documentation.publicSymbols == 2)
        #expect(go.documentation.documented == 1)
    }

    @Test("cognitive complexity of the whitepaper's examples")
    func cognitive() {
        // sumOfPrimes: for (+1), for (+2 nested), if (+3 nested), continue OUT (+1) = 7
        let java = QualityAnalyzer.analyze(source: """
        class C {
          int sumOfPrimes(int max) {
            int total = 0;
            OUT: for (int i = 1; i <= max; ++i) {
              for (int j = 2; j < i; ++j) {
                if (i % j == 0) {
                  continue OUT;
                }
              }
              total += i;
            }
            return total;
          }
        }
        """, language: .java)
        #expect(java.functions.first?.cognitiveComplexity == 7)
        #expect(java.functions.first?.maxNestingDepth == 3)

        // if (+1), elif (+1), else (+1), `and` sequence (+1), nested for (+2) = 6
        let python = QualityAnalyzer.analyze(source: """
        def f(a, b):
            if a and b:
                for x in a:
                    pass
            elif b:
                pass
            else:
                pass
        """, language: .python)
        #expect(python.functions.first?.cognitiveComplexity == 6)
    }
}

@Suite("Quality: cognitive complexity in Swift")
struct QualitySwiftCognitiveTests {
    @Test("guard, if/else, loops, nested ternary and boolean sequences")
    func swiftCognitive() {
        let source = """
        func f(_ x: Int?) -> Int {
            guard let x else { return 0 }
            if x > 0 && x < 10 || x == 20 {
                for i in 0..<x {
                    if i % 2 == 0 { continue }
                }
            } else {
                return x > 100 ? 1 : 2
            }
            return 0
        }
        """
        let f = QualityAnalyzer.analyze(source: source, language: .swift).functions.first
        // guard 1, if 1, `&&` 1, `||` 1, for 2 (nested), inner if 3, else 1, ternary 2 (nested)
        #expect(f?.cognitiveComplexity == 12)
        #expect(f?.maxNestingDepth == 3)  // if > for > if
    }
}
