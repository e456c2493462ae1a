import Foundation

/// Reads the quality fixtures: source files stored as `NAME.EXT.txt` (so SwiftPM does not
/// compile them) and lizard 1.24.3's `--csv` output for them, produced once with
/// `lizard --csv` and checked by hand against the rules in specs/complexity.md.
enum QualityFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/quality")

    /// Source text of the fixture that lizard saw as `name` (e.g. `p.py`).
    static func source(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    /// lizard's CSV rows for the fixture `name`, in lizard's order.
    static func lizardRows(for name: String) throws -> [String] {
        let csv = try String(contentsOf: directory.appendingPathComponent("lizard-1.24.3.csv.txt"), encoding: .utf8)
        return csv.split(separator: "\n").map(String.init).filter { $0.contains(",\"\(name)\",") }
    }

    static let sourceNames = ["p.py", "s.swift", "c.cpp", "J.java", "g.go", "r.rs",
                              "rules.py", "rules.swift", "rules.c", "rules.go", "rules.rs", "j.js", "g2.go", "r2.rs", "t.ts",
                              "unbalanced.rs", "unbalanced.go"]
}
