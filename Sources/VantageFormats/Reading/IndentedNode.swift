import Foundation
import VantageCore
import Yams

/// A tree of keyed nodes read from an indentation-structured lock file: `pnpm-lock.yaml` and
/// yarn berry's `yarn.lock` (YAML, read with Yams) or yarn v1's `yarn.lock` (`key "value"`
/// lines, which are not YAML: see `YarnV1Lock`). A mapping's children are its keys in order; a
/// sequence's children have the key `-`; a scalar is a `value`.
public struct IndentedNode: Sendable, Equatable {
    public var key: String
    public var value: String?
    public var line: Int
    public var children: [IndentedNode] = []

    public init(key: String, value: String?, line: Int, children: [IndentedNode] = []) {
        self.key = key
        self.value = value
        self.line = line
        self.children = children
    }

    public subscript(_ key: String) -> IndentedNode? { children.first { $0.key == key } }
    public func string(_ key: String) -> String? { self[key]?.value }

    /// A YAML document as a tree. Invalid YAML throws with its line; flow and block collections,
    /// quoted and multi-line scalars are all read as YAML reads them.
    public static func yaml(_ text: String, file: String) throws(VantageError) -> IndentedNode {
        guard let root = try YAMLDocument.parse(text, file: file) else { return IndentedNode(key: "", value: nil, line: 0) }
        return convert(root, key: "", line: 0)
    }

    private static func convert(_ node: Node, key: String, line: Int) -> IndentedNode {
        switch node {
        case .scalar(let s):
            return IndentedNode(key: key, value: node.null != nil ? nil : s.string, line: line)
        case .sequence(let seq):
            return IndentedNode(key: key, value: nil, line: line,
                                children: seq.map { convert($0, key: "-", line: $0.mark?.line ?? line) })
        case .mapping(let map):
            return IndentedNode(key: key, value: nil, line: line, children: map.map { k, v in
                convert(v, key: k.scalar?.string ?? "", line: k.mark?.line ?? line)
            })
        case .alias:
            return IndentedNode(key: key, value: nil, line: line)
        }
    }
}

/// yarn v1's `yarn.lock`: not YAML (`version "1.2.3"` has no colon, and a key may list several
/// comma-separated specs), so Yams cannot read it. Block keys end with `:`; values are
/// `key "value"` or `key value` pairs; nesting is by indentation. Deeper nesting than
/// `maxDepth` is an error (yarn writes three levels).
public enum YarnV1Lock {
    public static let maxDepth = 32

    /// Whether `text` is a yarn v1 lock file (its header says so).
    public static func isV1(_ text: String) -> Bool { text.contains("# yarn lockfile v1") }

    public static func tree(_ text: String, file: String) throws(VantageError) -> IndentedNode {
        // Nodes under construction, one per open indentation level: (indent, node).
        var stack: [(indent: Int, node: IndentedNode)] = [(-1, IndentedNode(key: "", value: nil, line: 0))]
        func closeLevel() {
            let done = stack.removeLast().node
            stack[stack.count - 1].node.children.append(done)
        }
        for (index, raw) in FormatText.lines(text).enumerated() {
            let lineNo = index + 1
            let indent = raw.prefix { $0 == " " }.count
            let body = raw.dropFirst(indent)
            if body.isEmpty || body.hasPrefix("#") { continue }
            if body.hasPrefix("\t") { throw FormatText.problem(file, line: lineNo, "a tab is used for indentation") }
            while stack.count > 1, stack[stack.count - 1].indent >= indent { closeLevel() }
            guard stack.count <= maxDepth else {
                throw FormatText.problem(file, line: lineNo, "nested more than \(maxDepth) levels deep", hint: "regenerate the file with yarn install")
            }
            let (key, value) = splitKeyValue(body)
            stack.append((indent, IndentedNode(key: key, value: value, line: lineNo)))
        }
        while stack.count > 1 { closeLevel() }
        return stack[0].node
    }

    /// `key: value`, `"quoted key": value`, `key:` or `key value`.
    static func splitKeyValue(_ body: Substring) -> (String, String?) {
        var inQuote: Character?
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if let q = inQuote { if c == q { inQuote = nil } }
            else if c == "\"" || c == "'" { inQuote = c }
            else if c == ":" {
                let next = body.index(after: i)
                if next == body.endIndex || body[next] == " " {
                    let key = unquote(body[..<i].trimmingCharacters(in: .whitespaces))
                    let value = body[next...].trimmingCharacters(in: .whitespaces)
                    return (key, value.isEmpty ? nil : unquote(value))
                }
            } else if c == " " && body[..<i].first != "\"" && !body[..<i].contains(":") {
                // `version "1.2.3"` (no colon before the first space).
                let key = String(body[..<i])
                let value = body[body.index(after: i)...].trimmingCharacters(in: .whitespaces)
                if !value.hasSuffix(":") { return (key, unquote(value)) }
            }
            i = body.index(after: i)
        }
        let t = body.trimmingCharacters(in: .whitespaces)
        return (unquote(t.hasSuffix(":") ? String(t.dropLast()) : t), nil)
    }

    /// Removes one pair of surrounding quotes. A key list such as `"a@^1", "a@^2"` is not one quoted string.
    public static func unquote(_ s: String) -> String {
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) {
            let inner = String(s.dropFirst().dropLast())
            if s.hasPrefix("\"") && inner.contains("\", \"") { return s }
            return s.hasPrefix("'") ? inner.replacingOccurrences(of: "''", with: "'") : inner.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return s
    }
}
