import Foundation

/// Removes secret values (4 characters or more) and their URL-encoded forms from text.
public struct LogRedactor: Sendable, Equatable {
    public static let mask = "[redacted]"
    /// Longest first, so a secret that contains another is removed whole.
    private(set) var needles: [String] = []

    public init(secrets: [String] = []) {
        var set = Set<String>()
        for s in secrets where s.count >= 4 {
            set.insert(s)
            if let encoded = s.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed), encoded != s { set.insert(encoded) }
            if let encoded = s.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != s { set.insert(encoded) }
        }
        needles = set.sorted { $0.count > $1.count }
    }

    public var isEmpty: Bool { needles.isEmpty }

    public func redact(_ text: String) -> String {
        guard !needles.isEmpty else { return text }
        var out = text
        for n in needles where out.contains(n) { out = out.replacingOccurrences(of: n, with: Self.mask) }
        return out
    }
}

extension CharacterSet {
    /// Characters left as they are in a URL query value (what `encodeURIComponent` keeps).
    static let urlQueryValueAllowed: CharacterSet = {
        var s = CharacterSet.alphanumerics
        s.insert(charactersIn: "-_.!~*'()")
        return s
    }()
}
