import Foundation
import VantageCore
/// A purpose-built reader for the indentation-structured lock files: `pnpm-lock.yaml`, yarn berry's
/// `yarn.lock` (both YAML block mappings) and yarn v1's `yarn.lock` (`key "value"` lines).
/// It reads block mappings, `- item` sequences and scalars (plain, 'single' or "double" quoted);
/// flow collections (`{...}`, `[...]`) and multi-line scalars are kept as raw text. That is all
/// these generated files use.
struct BlockNode: Sendable {
    var key: String
    var value: String?
    var line: Int
    var children: [BlockNode] = []

    subscript(_ key: String) -> BlockNode? { children.first { $0.key == key } }
    func string(_ key: String) -> String? { self[key]?.value }
}

enum IndentedBlockReader {
    /// Parses `text`; throws with the line of any line that is indented inconsistently.
    static func parse(_ text: String, path: String) throws(VantageError) -> BlockNode {
        var root = BlockNode(key: "", value: nil, line: 0)
        // Stack of (indent, path of child indexes from root).
        var stack: [(indent: Int, path: [Int])] = [(-1, [])]
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.isEmpty || body.hasPrefix("#") { continue }
            if body.hasPrefix("\t") { throw ManifestText.error(path, line: lineNo, "a tab is used for indentation") }
            if indent == 0 && (body == "---" || body.hasPrefix("%")) { continue }
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            guard let parent = stack.last else { throw ManifestText.error(path, line: lineNo, "unexpected indentation") }
            var node: BlockNode
            if body.hasPrefix("- ") || body == "-" {
                node = BlockNode(key: "-", value: unquote(body.dropFirst(1).trimmingCharacters(in: .whitespaces)), line: lineNo)
                if node.value?.isEmpty == true { node.value = nil }
            } else {
                let (k, v) = splitKeyValue(body)
                node = BlockNode(key: k, value: v, line: lineNo)
            }
            // Append to the parent at `parent.path`.
            let index = append(node, at: parent.path, in: &root)
            stack.append((indent, parent.path + [index]))
        }
        return root
    }

    private static func append(_ node: BlockNode, at path: [Int], in root: inout BlockNode) -> Int {
        if path.isEmpty { root.children.append(node); return root.children.count - 1 }
        var rest = path
        let first = rest.removeFirst()
        return append(node, at: rest, in: &root.children[first])
    }

    /// `key: value`, `"quoted key": value`, `key:` or yarn v1's `key value`.
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
                    return (key, value.isEmpty ? nil : unquote(stripComment(value)))
                }
            } else if c == " " && inQuote == nil && body[..<i].first != "\"" {
                // yarn v1: `version "1.2.3"` (no colon before the first space).
                if !body[..<i].contains(":") {
                    let key = String(body[..<i])
                    let value = body[body.index(after: i)...].trimmingCharacters(in: .whitespaces)
                    if !value.hasSuffix(":") { return (key, unquote(value)) }
                }
            }
            i = body.index(after: i)
        }
        let t = body.trimmingCharacters(in: .whitespaces)
        return (unquote(t.hasSuffix(":") ? String(t.dropLast()) : t), nil)
    }

    static func stripComment(_ s: String) -> String {
        guard !s.hasPrefix("\""), !s.hasPrefix("'"), let r = s.range(of: " #") else { return s }
        return s[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) {
            let inner = String(s.dropFirst().dropLast())
            // A key list such as `"a@^1", "a@^2"` is not one quoted string.
            if s.hasPrefix("\"") && inner.contains("\", \"") { return s }
            return s.hasPrefix("'") ? inner.replacingOccurrences(of: "''", with: "'") : inner.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return s
    }
}
