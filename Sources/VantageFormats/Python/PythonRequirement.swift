import Foundation

/// One PEP 508 requirement: `name[extra1,extra2] (>=1.0,<2) ; python_version < "3.8"` or
/// `name @ url`. The one reader for `requirements*.txt`, pyproject and Pipfile entries.
public struct PythonRequirement: Sendable, Equatable {
    public var name: String
    public var extras: [String]
    /// The version specifier without spaces (`>=1.0,<2`), empty when none.
    public var specifier: String
    public var url: String?
    /// The environment marker as written, after the `;`.
    public var marker: String?

    public init(name: String, extras: [String] = [], specifier: String, url: String? = nil, marker: String? = nil) {
        self.name = name
        self.extras = extras
        self.specifier = specifier
        self.url = url
        self.marker = marker
    }

    /// The version pinned by `==X` (no wildcard) or `===X`.
    public var pinnedVersion: String? {
        let clauses = specifier.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard clauses.count == 1, let c = clauses.first else { return nil }
        if c.hasPrefix("===") { return String(c.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        if c.hasPrefix("=="), !c.hasSuffix(".*") { return String(c.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        return nil
    }

    /// nil when `text` is not a requirement.
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var marker: String?
        if let semi = s.firstIndex(of: ";") {
            marker = s[s.index(after: semi)...].trimmingCharacters(in: .whitespaces)
            s = Substring(s[..<semi].trimmingCharacters(in: .whitespaces))
        }
        let nameEnd = s.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? s.endIndex
        let name = String(s[..<nameEnd])
        guard let first = name.first, first.isLetter || first.isNumber else { return nil }
        var rest = s[nameEnd...].trimmingCharacters(in: .whitespaces)
        var extras: [String] = []
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            extras = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            rest = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        if rest.hasPrefix("@") {
            self.init(name: name, extras: extras, specifier: "", url: rest.dropFirst().trimmingCharacters(in: .whitespaces), marker: marker)
            return
        }
        if rest.hasPrefix("(") && rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()) }
        let spec = rest.filter { $0 != " " && $0 != "\t" }
        if let f = spec.first, !"=<>!~".contains(f) { return nil }
        self.init(name: name, extras: extras, specifier: spec, url: nil, marker: marker)
    }
}
