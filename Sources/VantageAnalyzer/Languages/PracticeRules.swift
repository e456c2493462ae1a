import VantageFormats

/// The anti-pattern scanner's line rules for one language: which lines are comments, which
/// calls are print debugging, and which catch-all form it looks for.
struct PracticeRules: Sendable {
    /// A line starting with one of these (after indentation) is a comment.
    var commentPrefixes: [String]
    /// Calls that print for debugging (`print(`, `console.log(`, …).
    var printCalls: [String]
    /// Empty `catch { }` blocks are looked for.
    var hasBraceCatch: Bool
    /// Python's `except:` and `except Exception: pass` are looked for.
    var hasExceptClause = false

    static let slashComments = ["//", "/*", "*"]

    func isCommentLine(_ trimmed: Substring) -> Bool {
        commentPrefixes.contains { trimmed.hasPrefix($0) }
    }

    /// The print-debugging call the line starts with, if any.
    func printCall(in trimmed: Substring) -> String? {
        printCalls.first { trimmed.hasPrefix($0) }.map { String($0.dropLast($0.hasSuffix("(") ? 1 : 0)) + "(...)" }
    }

    /// The languages the practice scanner reads line by line without measuring them.
    static let scannedOnly: [ProgrammingLanguage: PracticeRules] = [
        .kotlin: PracticeRules(commentPrefixes: slashComments, printCalls: ["println(", "print("], hasBraceCatch: true),
        .csharp: PracticeRules(commentPrefixes: slashComments, printCalls: ["Console.WriteLine("], hasBraceCatch: true),
        .ruby: PracticeRules(commentPrefixes: ["#"], printCalls: ["puts ", "p ", "pp "], hasBraceCatch: false),
        .php: PracticeRules(commentPrefixes: ["#"] + slashComments, printCalls: ["var_dump(", "print_r("], hasBraceCatch: true),
    ]
}
