import VantageFormats

/// Everything the analyzer decides per language, in one value: the tokenizer dialect, the
/// reader of function units, how blocks are delimited (for cognitive complexity, god types
/// and documentation), what makes a declaration public and documented, and the line rules
/// of the practice scanner. `LanguageSupports.all` lists one value per `SourceLanguage`;
/// adding a language is one new file holding its value and one entry in that table
/// (docs/ARCHITECTURE.md, "Add a language").
protocol LanguageSupport: Sendable {
    var language: SourceLanguage { get }
    /// The tokenizer variant (its own literals and comments).
    var dialect: LexDialect { get }
    /// Reads the function units of `stream` into `context`.
    func readUnits(stream: TokenStream, context: UnitContext)
    /// Blocks by indentation (Python) or by braces.
    var blocks: BlockSyntax { get }
    /// The brace languages' differences in cognitive complexity.
    var flow: BraceFlowRules { get }
    /// Keywords that make the declaration after them public (`public`, `pub`, `export`, …).
    var visibilityKeywords: KindSet { get }
    /// Which declarations count as public API for documentation coverage.
    var publicity: Publicity { get }
    /// A declaration at token `i`: whether it declares a function, and the index of its name.
    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration?
    /// Whether the comment right before a public declaration named `name` documents it.
    func isDocComment(_ text: String, name: String) -> Bool
    /// Line rules of the anti-pattern scanner.
    var practices: PracticeRules { get }
}

enum BlockSyntax: Sendable { case indentation, braces }

/// How cognitive complexity reads a brace language's control flow.
struct BraceFlowRules: Sendable {
    /// Whether `?:` counts (Rust's `?` is error propagation).
    var ternaryCounts = true
    /// Whether `do` opens a loop (in Swift it opens a scope or a `catch`).
    var doIsLoop = true
    /// Further keywords that count and nest like `switch` (Rust's `match`, Swift's `repeat`).
    var nestingKeywords = KindSet([])
}

/// Which declarations documentation coverage counts as public.
enum Publicity: Sendable {
    /// Those after one of `visibilityKeywords`.
    case visibilityKeyword
    /// Those whose name starts with a capital letter (Go's exported names).
    case capitalisedName
    /// Those whose name has no leading underscore and are not `static` (C and C++).
    case notUnderscoredOrStatic
    /// Module-level names without a leading underscore (Python).
    case notUnderscored
}

/// A declaration found by `LanguageSupport.declaration(at:in:)`.
struct Declaration: Equatable {
    var isFunction: Bool
    var nameIndex: Int
}

extension LanguageSupport {
    var flow: BraceFlowRules { BraceFlowRules() }
    var visibilityKeywords: KindSet { KindSet([]) }
    var publicity: Publicity { .visibilityKeyword }
    func declaration(at i: Int, in tokens: [LexToken]) -> Declaration? { nil }
    /// `///`, `/** */` or `//!`.
    func isDocComment(_ text: String, name: String) -> Bool {
        text.hasPrefix("///") || text.hasPrefix("/**") || text.hasPrefix("//!")
    }
}

extension Array where Element == LexToken {
    /// The index of the first token after `k` that is code (not a space, newline or comment).
    func nextCode(after k: Int) -> Int {
        var j = k + 1
        while j < count, self[j].kind == .space || self[j].kind == .newline || self[j].kind == .comment { j += 1 }
        return j
    }

    /// The index of the `)` closing the `(` at `open` (or the end).
    func closingParenthesis(from open: Int) -> Int {
        var depth = 0
        var k = open
        while k < count {
            if self[k].kind == .lparen { depth += 1 } else if self[k].kind == .rparen { depth -= 1; if depth == 0 { break } }
            k += 1
        }
        return k
    }
}
