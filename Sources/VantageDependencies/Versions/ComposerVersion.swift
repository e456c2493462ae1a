import Foundation

/// Packagist versions the way Composer orders them: `VersionParser::normalize` (`v1.2` becomes
/// `1.2.0.0`; `a`/`b`/`rc`/`p`/`pl` expand to alpha/beta/RC/patch; `-stable` and `+build` are
/// dropped; a `-dev` suffix is kept), then PHP's `version_compare` on the result: parts split at
/// `.`, `-`, `_`, `+` and at digit/letter changes; numbers compare numerically; the special forms
/// order `dev < alpha = a < beta = b < RC = rc < (a number) < pl = p = patch`; any other word is
/// below `dev`. So `1.0.0-dev < 1.0.0-alpha1 < 1.0.0-beta2 < 1.0.0-RC1 < 1.0.0 < 1.0.0-patch1`.
/// Branch names (`dev-main`, `1.x-dev`) are not orderable versions.
public struct ComposerVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The normalised form Composer stores in composer.lock's `version_normalized`.
    public let normalized: String
    public let description: String

    public init?(_ text: String) {
        guard let n = Self.normalize(text) else { return nil }
        normalized = n
        description = text
    }

    /// Composer's `VersionParser::normalize` for versions (not branches or constraints).
    static func normalize(_ text: String) -> String? {
        var v = text.trimmingCharacters(in: .whitespaces)
        // `1.0.0 as 1.0.x-dev` aliases, `@stable` flags and `+build` metadata.
        if let r = v.range(of: #"^([^,\s]+) +as +[^,\s]+$"#, options: .regularExpression) { v = String(v[r].split(separator: " ")[0]) }
        if let at = v.range(of: #"@(stable|RC|beta|alpha|dev)$"#, options: [.regularExpression, .caseInsensitive]) { v.removeSubrange(at) }
        if let plus = v.firstIndex(of: "+"), !v[plus...].contains(" ") { v = String(v[..<plus]) }
        guard !v.isEmpty else { return nil }
        let modifier = #"[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*+)?)?([.-]?dev)?"#
        let classical = #"^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?"# + modifier + "$"
        let date = #"^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3}){0,2})"# + modifier + "$"
        let groups: [String?]
        var result: String
        if let g = match(classical, v) {
            result = g[1]! + (g[2].flatMap { $0.isEmpty ? nil : $0 } ?? ".0") + (g[3].flatMap { $0.isEmpty ? nil : $0 } ?? ".0")
                + (g[4].flatMap { $0.isEmpty ? nil : $0 } ?? ".0")
            groups = Array(g[5...])
        } else if let g = match(date, v) {
            result = g[1]!.replacingOccurrences(of: #"\D"#, with: ".", options: .regularExpression)
            groups = Array(g[2...])
        } else {
            return nil
        }
        if let stability = groups[0], !stability.isEmpty {
            if stability.lowercased() == "stable" { return result }
            let number = (groups[1] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
            result += "-" + expand(stability) + number
        }
        if let dev = groups[2], !dev.isEmpty { result += "-dev" }
        return result
    }

    static func expand(_ stability: String) -> String {
        switch stability.lowercased() {
        case "a": return "alpha"
        case "b": return "beta"
        case "p", "pl": return "patch"
        case "rc": return "RC"
        default: return stability
        }
    }

    /// The capture groups of a case-insensitive whole-string match (nil for a group that did not take part).
    static func match(_ pattern: String, _ s: String) -> [String?]? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: s).map { String(s[$0]) } }
    }

    // MARK: PHP version_compare

    /// `php_canonicalize_version`: `-`, `_`, `+` become `.`, and a `.` goes between digits and non-digits.
    static func canonicalParts(_ v: String) -> [String] {
        var out = ""
        var last: Character?
        for c in v {
            let isDigit = c.isASCII && c.isNumber
            if c == "-" || c == "_" || c == "+" {
                if out.last != "." { out.append(".") }
            } else if let l = last, l != ".", (l.isASCII && l.isNumber) != isDigit, c != "." {
                if out.last != "." { out.append(".") }
                out.append(c)
            } else if !(c.isLetter || c.isNumber || c == ".") {
                if out.last != "." { out.append(".") }
            } else {
                out.append(c)
            }
            last = c
        }
        return out.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// `compare_special_version_forms`: the order of a word, by prefix; a number is "#" (4).
    static func specialOrder(_ form: String) -> Int {
        let forms: [(String, Int)] = [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5)]
        return forms.first { form.hasPrefix($0.0) }?.1 ?? -1
    }

    static func isNumeric(_ part: String) -> Bool { part.first.map { $0.isASCII && $0.isNumber } ?? false }

    static func comparePart(_ a: String, _ b: String) -> Int {
        switch (isNumeric(a), isNumeric(b)) {
        case (true, true):
            let x = Int(a.prefix { $0.isNumber }) ?? 0, y = Int(b.prefix { $0.isNumber }) ?? 0
            return x == y ? 0 : (x < y ? -1 : 1)
        case (false, false): return (specialOrder(a) - specialOrder(b)).signum()
        case (true, false): return (specialOrder("#N#") - specialOrder(b)).signum()
        case (false, true): return (specialOrder(a) - specialOrder("#N#")).signum()
        }
    }

    /// PHP's `version_compare($a, $b)`: -1, 0 or 1.
    public static func versionCompare(_ a: String, _ b: String) -> Int {
        let l = canonicalParts(a), r = canonicalParts(b)
        for i in 0..<min(l.count, r.count) {
            let c = comparePart(l[i], r[i])
            if c != 0 { return c }
        }
        if l.count > r.count { return isNumeric(l[r.count]) ? 1 : comparePart(l[r.count], "#N#") }
        if r.count > l.count { return isNumeric(r[l.count]) ? -1 : comparePart("#N#", r[l.count]) }
        return 0
    }

    public var isPrerelease: Bool {
        let lower = normalized.lowercased()
        return lower.hasSuffix("-dev") || ["-alpha", "-beta", "-rc"].contains { lower.contains($0) }
    }

    public static func == (a: ComposerVersion, b: ComposerVersion) -> Bool { versionCompare(a.normalized, b.normalized) == 0 }
    public func hash(into h: inout Hasher) { h.combine(normalized.lowercased()) }
    public static func < (a: ComposerVersion, b: ComposerVersion) -> Bool { versionCompare(a.normalized, b.normalized) < 0 }
}
