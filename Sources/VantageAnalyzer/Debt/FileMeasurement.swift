/// What a check finds in one file: its lines of code and its remediation items.
public struct FileMeasurement: Sendable, Equatable {
    public var linesOfCode: Int
    public var items: [RemediationItem]

    public init(linesOfCode: Int, items: [RemediationItem]) {
        self.linesOfCode = linesOfCode
        self.items = items
    }
}

/// Lines of code as SonarQube counts them (`ncloc`), approximated without a language lexer: lines
/// that hold something other than whitespace, a comment marker line (`//`, `#`, `--`, `*`, `/*`,
/// `*/`) or a lone bracket. Quality's per-language lexers give exact figures when wired in.
public enum LinesOfCode {
    public static func count(_ text: some StringProtocol) -> Int {
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let t = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if t.isEmpty { continue }
            if t.hasPrefix("//") || t.hasPrefix("#") || t.hasPrefix("--") || t.hasPrefix("/*")
                || t.hasPrefix("*") { continue }
            n += 1
        }
        return n
    }
}
