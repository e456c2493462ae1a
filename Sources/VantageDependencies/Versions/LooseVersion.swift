import Foundation
/// An ordering for ecosystems whose own rules are not implemented here (RubyGems, Packagist,
/// Maven): the version is split into numeric and alphabetic tokens; numbers compare numerically,
/// and a text token (`a`, `beta`, `rc`, `pre`) after the common prefix marks a pre-release,
/// which sorts before the release. `1.0.0.beta1 < 1.0.0 < 1.0.0.1`.
public struct LooseVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Token: Sendable, Hashable { case number(UInt64), text(String) }
    public let tokens: [Token]
    public let description: String

    public init?(_ text: String) {
        var tokens: [Token] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit, let n = UInt64(current) { tokens.append(.number(n)) }
            else { tokens.append(.text(current.lowercased())) }
            current = ""
        }
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("v") || s.hasPrefix("V"), s.dropFirst().first?.isNumber == true { s = s.dropFirst() }
        for c in s {
            if c.isASCII && c.isNumber {
                if !currentIsDigit { flush(); currentIsDigit = true }
                current.append(c)
            } else if c.isLetter {
                if currentIsDigit { flush(); currentIsDigit = false }
                current.append(c)
            } else { flush() }
        }
        flush()
        // Trailing zeros do not change the version (1.0 == 1.0.0).
        while tokens.count > 1, tokens.last == .number(0) { tokens.removeLast() }
        guard !tokens.isEmpty else { return nil }
        self.tokens = tokens
        self.description = text
    }

    public static func == (a: LooseVersion, b: LooseVersion) -> Bool { a.tokens == b.tokens }
    public func hash(into h: inout Hasher) { h.combine(tokens) }

    public static func < (a: LooseVersion, b: LooseVersion) -> Bool {
        for i in 0..<max(a.tokens.count, b.tokens.count) {
            let x = i < a.tokens.count ? a.tokens[i] : nil
            let y = i < b.tokens.count ? b.tokens[i] : nil
            switch (x, y) {
            case (.number(let p)?, .number(let q)?): if p != q { return p < q }
            case (.text(let p)?, .text(let q)?): if p != q { return p < q }
            case (.number?, .text?): return false
            case (.text?, .number?): return true
            case (nil, .number?): return true
            case (nil, .text?): return false      // 1.0 > 1.0.beta
            case (.number?, nil): return false
            case (.text?, nil): return true
            case (nil, nil): return false
            }
        }
        return false
    }
}
