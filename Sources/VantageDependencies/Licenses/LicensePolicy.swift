import Foundation
import VantageCore

/// A licence policy (`--policy FILE`, TOML): `allow = [...]`, `deny = [...]`, and
/// `[[approvals]] name, version, who, why` for reviewed exceptions.
public struct LicensePolicy: Sendable, Equatable {
    public struct Approval: Sendable, Equatable, Codable {
        public var name: String
        /// A version, or `*` for all.
        public var version: String
        public var who: String
        public var why: String
    }
    public var allow: [String]
    public var deny: [String]
    public var approvals: [Approval]

    public init(allow: [String] = [], deny: [String] = [], approvals: [Approval] = []) {
        self.allow = allow; self.deny = deny; self.approvals = approvals
    }

    public static func load(_ path: String) throws(VantageError) -> LicensePolicy {
        let t = try TOMLParser.parse(contentsOf: path)
        func strings(_ key: String) throws(VantageError) -> [String] {
            guard let v = t[key] else { return [] }
            guard let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) else {
                throw VantageError(.config, "expected an array of SPDX identifiers", at: SourceLocation(file: path, line: t.line(of: key), field: key))
            }
            return a.compactMap(\.stringValue)
        }
        var approvals: [Approval] = []
        for (i, v) in (t["approvals"]?.arrayValue ?? []).enumerated() {
            guard let a = v.tableValue else { throw VantageError(.config, "expected [[approvals]] tables", at: SourceLocation(file: path, field: "approvals")) }
            for key in ["name", "who", "why"] where a[key]?.stringValue == nil {
                throw VantageError(.config, "an approval needs \(key)", at: SourceLocation(file: path, line: a.line, field: "approvals[\(i)].\(key)"),
                                   hint: "write who approved it and why")
            }
            approvals.append(Approval(name: a["name"]!.stringValue!, version: a["version"]?.stringValue ?? "*", who: a["who"]!.stringValue!, why: a["why"]!.stringValue!))
        }
        return LicensePolicy(allow: try strings("allow"), deny: try strings("deny"), approvals: approvals)
    }

    public enum Verdict: Sendable, Equatable {
        case allowed
        case approved(Approval)
        case violation(String)
    }

    public func evaluate(_ f: LicenseFinding) -> Verdict {
        if let a = approvals.first(where: { $0.name.lowercased() == f.name.lowercased() && ($0.version == "*" || $0.version == f.version) }) {
            return .approved(a)
        }
        if f.licenses.isEmpty { return (allow.isEmpty && deny.isEmpty) ? .allowed : .violation("licence unknown") }
        // `GPL-3.0`, `GPL-3.0-only`, `GPL-3.0-or-later` and `GPL-3.0+` name the same text; a list entry covers them all.
        func base(_ id: String) -> String {
            var s = id.lowercased()
            for suffix in ["-only", "-or-later", "+"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
            return s
        }
        let allowSet = Set(allow.map(base)), denySet = Set(deny.map(base))
        for expression in f.licenses {
            // `A OR B`: one acceptable choice is enough; `A AND B`: every part must be acceptable.
            let choices = expression.components(separatedBy: " OR ").map {
                $0.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
                  .components(separatedBy: " AND ").map { base($0.trimmingCharacters(in: .whitespaces)) }
            }
            let acceptable = choices.contains { parts in
                parts.allSatisfy { !denySet.contains($0) && (allowSet.isEmpty || allowSet.contains($0)) }
            }
            if !acceptable {
                let denied = choices.flatMap { $0 }.filter { denySet.contains($0) }
                return .violation(denied.isEmpty ? "\(expression) is not in the allow list" : "\(expression) is denied")
            }
        }
        return .allowed
    }
}
