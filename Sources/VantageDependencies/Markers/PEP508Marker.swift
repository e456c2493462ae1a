import Foundation

/// A PEP 508 environment marker (`python_version < "3.8" and sys_platform == "win32"`), parsed once
/// and evaluated against a `MarkerEnvironment`.
///
/// Evaluation follows `packaging.markers` (26.x), which pip and uv use:
/// - for `python_version`, `python_full_version`, `implementation_version` and `platform_release`,
///   an operator and the other side that form a valid PEP 440 specifier (`<"3.8"`) are a version
///   test (pre-releases allowed); a left side that is not a PEP 440 version then fails the test;
/// - otherwise it is a string test: `==`, `!=`, `in`, `not in`; `<=`/`>=` mean equal, `<`/`>` are
///   false, and `~=`/`===` are an error (undefined comparison);
/// - `extra` is compared after PEP 503 normalisation of both sides;
/// - `and` binds tighter than `or`; parentheses group.
///
/// A chain of `and`/`or` terms is one node with a list of terms, evaluated in a loop, so 100,000
/// terms cost no stack; only parentheses nest, and at most `maxDepth` deep (a located error beyond).
public struct PEP508Marker: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Node: Sendable, Hashable {
        /// Every term holds (at least two terms).
        case and([Node])
        /// Some term holds (at least two terms).
        case or([Node])
        case compare(Operand, Operator, Operand)
    }

    /// How deep parentheses may nest. Real markers use one or two levels.
    public static let maxDepth = 64

    public enum Operand: Sendable, Hashable {
        case variable(String)
        case literal(String)
    }

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        // Longest first, so the tokenizer prefers `===` over `==` and `<=` over `<`.
        case arbitrary = "===", lessOrEqual = "<=", notEqual = "!=", equal = "==", greaterOrEqual = ">=",
             compatible = "~=", less = "<", greater = ">", isIn = "in", notIn = "not in"
    }

    /// Why a marker could not be read or evaluated; `position` is a character offset into the marker.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var position: Int?
        public var description: String { reason + (position.map { " (at character \($0 + 1))" } ?? "") }
    }

    /// The variables PEP 508 defines. `python_implementation` is the legacy spelling packaging still reads.
    public static let variables: Set<String> = [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra",
    ]
    static let aliases = ["python_implementation": "platform_python_implementation"]
    /// Compared as PEP 440 versions when the other side is a valid specifier.
    static let versionVariables: Set<String> = ["python_version", "python_full_version", "implementation_version", "platform_release"]

    public let text: String
    public let root: Node

    public var description: String { text }

    public init(parsing text: String) throws(Failure) {
        self.text = text
        var parser = Parser(tokens: try Self.tokenize(text), end: text.count)
        root = try parser.parseOr()
        if let extra = parser.peek {
            throw Failure(reason: "unexpected '\(extra.text)' after a complete marker", position: extra.position)
        }
    }

    /// Whether the marker holds in `environment`. With `anyExtra`, every comparison with `extra`
    /// holds: a lock-file edge guarded by an extra is followed, because the lock records which
    /// extras its parent was installed with only indirectly, and skipping a package that is in fact
    /// installed would hide its vulnerabilities (a false "checked" is worse than an extra check).
    public func evaluate(_ environment: MarkerEnvironment, anyExtra: Bool = false) throws(Failure) -> Bool {
        try Self.evaluate(root, environment, anyExtra: anyExtra)
    }

    /// Recursion follows parentheses only (at most `maxDepth`); the terms of a chain are a loop.
    static func evaluate(_ node: Node, _ env: MarkerEnvironment, anyExtra: Bool) throws(Failure) -> Bool {
        switch node {
        case .and(let terms):
            for term in terms where !(try evaluate(term, env, anyExtra: anyExtra)) { return false }
            return true
        case .or(let terms):
            for term in terms where try evaluate(term, env, anyExtra: anyExtra) { return true }
            return false
        case .compare(let l, let op, let r):
            if anyExtra, case .variable("extra") = l { return true }
            if anyExtra, case .variable("extra") = r { return true }
            let key: String
            var lhs: String, rhs: String
            switch (l, r) {
            case (.variable(let v), .literal(let s)): key = v; lhs = env.value(of: v); rhs = s
            case (.literal(let s), .variable(let v)): key = v; lhs = s; rhs = env.value(of: v)
            case (.variable(let a), .variable(let b)):
                throw Failure(reason: "'\(a) \(op.rawValue) \(b)' compares two variables; one side must be a quoted string")
            case (.literal(let a), .literal(let b)):
                throw Failure(reason: "'\"\(a)\" \(op.rawValue) \"\(b)\"' compares two strings; one side must be a marker variable")
            }
            if key == "extra" { lhs = Self.canonicalName(lhs); rhs = Self.canonicalName(rhs) }
            return try compare(lhs, op, rhs, key: key)
        }
    }

    static func compare(_ lhs: String, _ op: Operator, _ rhs: String, key: String) throws(Failure) -> Bool {
        if versionVariables.contains(key), op != .isIn, op != .notIn,
           let clause = try? PEP440Clause(parsing: op.rawValue + rhs) {
            // packaging's Specifier.contains(lhs, prereleases=True): an invalid version never matches.
            if clause.op == .arbitrary { return clause.contains(PEP440Version(lhs) ?? PEP440Version(release: [0]), text: lhs) }
            guard let v = PEP440Version(lhs) else { return false }
            return clause.contains(v)
        }
        switch op {
        case .isIn: return rhs.contains(lhs)
        case .notIn: return !rhs.contains(lhs)
        case .equal, .lessOrEqual, .greaterOrEqual: return lhs == rhs
        case .notEqual: return lhs != rhs
        case .less, .greater: return false
        case .compatible, .arbitrary:
            throw Failure(reason: "'\(op.rawValue)' is undefined between '\(lhs)' and '\(rhs)' (not PEP 440 versions)")
        }
    }

    /// PEP 503: lowercase, runs of `-`, `_` and `.` become one `-`.
    static func canonicalName(_ s: String) -> String {
        var out = ""
        var separator = false
        for c in s.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !separator { out.append("-") }
                separator = true
            } else {
                out.append(c)
                separator = false
            }
        }
        return out
    }

    // MARK: tokens

    struct Token: Sendable {
        enum Kind: Sendable, Equatable { case open, close, string(String), word(String), op(Operator) }
        var kind: Kind
        var text: String
        var position: Int
    }

    static func tokenize(_ text: String) throws(Failure) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "(" { tokens.append(Token(kind: .open, text: "(", position: i)); i += 1; continue }
            if c == ")" { tokens.append(Token(kind: .close, text: ")", position: i)); i += 1; continue }
            if c == "\"" || c == "'" {
                guard let end = chars[(i + 1)...].firstIndex(of: c) else {
                    throw Failure(reason: "a string opened with \(c) is never closed", position: i)
                }
                let s = String(chars[(i + 1)..<end])
                tokens.append(Token(kind: .string(s), text: String(chars[i...end]), position: i))
                i = end + 1
                continue
            }
            if let op = Operator.allCases.first(where: { o in
                o != .isIn && o != .notIn && chars[i...].starts(with: o.rawValue)
            }) {
                tokens.append(Token(kind: .op(op), text: op.rawValue, position: i))
                i += op.rawValue.count
                continue
            }
            if c.isLetter || c == "_" || c == "." || c.isNumber {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "." { j += 1 }
                let w = String(chars[i..<j])
                tokens.append(Token(kind: .word(w), text: w, position: i))
                i = j
                continue
            }
            throw Failure(reason: "unexpected character '\(c)'", position: i)
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var index = 0
        let end: Int
        /// Parentheses open around the current position.
        var depth = 0

        init(tokens: [Token], end: Int) { self.tokens = tokens; self.end = end }

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        mutating func parseOr() throws(Failure) -> Node {
            var terms = [try parseAnd()]
            while case .word("or")? = peek?.kind {
                index += 1
                terms.append(try parseAnd())
            }
            return terms.count == 1 ? terms[0] : .or(terms)
        }

        mutating func parseAnd() throws(Failure) -> Node {
            var terms = [try parseAtom()]
            while case .word("and")? = peek?.kind {
                index += 1
                terms.append(try parseAtom())
            }
            return terms.count == 1 ? terms[0] : .and(terms)
        }

        mutating func parseAtom() throws(Failure) -> Node {
            if let open = peek, case .open = open.kind {
                guard depth < PEP508Marker.maxDepth else {
                    throw Failure(reason: "parentheses nest more than \(PEP508Marker.maxDepth) levels deep", position: open.position)
                }
                index += 1
                depth += 1
                defer { depth -= 1 }
                let inner = try parseOr()
                guard case .close? = peek?.kind else {
                    throw Failure(reason: "expected ')' to close the parenthesis", position: peek?.position ?? end)
                }
                index += 1
                return inner
            }
            let lhs = try operand()
            let op = try comparison()
            let rhs = try operand()
            return .compare(lhs, op, rhs)
        }

        mutating func operand() throws(Failure) -> Operand {
            guard let t = peek else { throw Failure(reason: "expected a marker variable or a quoted string, found the end", position: end) }
            switch t.kind {
            case .string(let s):
                index += 1
                return .literal(s)
            case .word(let w):
                let name = PEP508Marker.aliases[w] ?? w
                guard PEP508Marker.variables.contains(name) else {
                    throw Failure(reason: "unknown marker variable '\(w)' (PEP 508 defines \(PEP508Marker.variables.sorted().joined(separator: ", ")))", position: t.position)
                }
                index += 1
                return .variable(name)
            default:
                throw Failure(reason: "expected a marker variable or a quoted string, found '\(t.text)'", position: t.position)
            }
        }

        mutating func comparison() throws(Failure) -> Operator {
            guard let t = peek else { throw Failure(reason: "expected a comparison operator, found the end", position: end) }
            switch t.kind {
            case .op(let op): index += 1; return op
            case .word("in"): index += 1; return .isIn
            case .word("not"):
                index += 1
                guard case .word("in")? = peek?.kind else { throw Failure(reason: "expected 'in' after 'not'", position: peek?.position ?? end) }
                index += 1
                return .notIn
            default:
                throw Failure(reason: "expected one of <=, <, !=, ==, >=, >, ~=, ===, in, not in; found '\(t.text)'", position: t.position)
            }
        }
    }
}
