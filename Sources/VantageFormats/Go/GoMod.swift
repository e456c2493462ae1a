import VantageCore

/// `go.mod`: the module path, `require` lines and blocks (`// indirect` marks transitive ones)
/// and `replace` directives. The one reader for the scanner and the dependency reader.
public struct GoMod: Sendable, Equatable {
    public static let fileName = "go.mod"

    public struct Require: Sendable, Equatable {
        public var module: String
        public var version: String
        public var indirect: Bool
        public var line: Int
    }

    public struct Replace: Sendable, Equatable {
        public var old: String
        public var oldVersion: String?
        /// A module path, or a local directory (`./fork`, `/src/x`).
        public var new: String
        public var newVersion: String?
        public var line: Int
        public var isLocal: Bool { new.hasPrefix(".") || new.hasPrefix("/") }
    }

    public var file: String
    public var module: String?
    public var requires: [Require] = []
    public var replaces: [Replace] = []
    public var problems: [VantageError] = []

    /// The module path's last element (`github.com/acme/inventory` → `inventory`).
    public var shortName: String? { module.map { $0.split(separator: "/").last.map(String.init) ?? $0 } }

    /// The replacement that applies to a requirement, if any (the last one written wins).
    public func replacement(for r: Require) -> Replace? {
        replaces.last { $0.old == r.module && ($0.oldVersion == nil || $0.oldVersion == r.version) }
    }

    public static func read(_ path: String) throws(VantageError) -> GoMod {
        parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) -> GoMod {
        var result = GoMod(file: file)
        func problem(_ line: Int, _ field: String, _ message: String) {
            result.problems.append(FormatText.problem(file, line: line, field: field, message))
        }
        func handle(_ directive: String, _ w: [String], _ lineNo: Int, _ indirect: Bool) {
            switch directive {
            case "require":
                guard w.count >= 2 else { problem(lineNo, "require", "a requirement needs a module path and a version"); return }
                result.requires.append(Require(module: unquote(w[0]), version: w[1], indirect: indirect, line: lineNo))
            case "replace":
                guard let arrow = w.firstIndex(of: "=>"), arrow >= 1, arrow + 1 < w.count else {
                    problem(lineNo, "replace", "expected `old [version] => new [version]`")
                    return
                }
                result.replaces.append(Replace(old: unquote(w[0]), oldVersion: arrow == 2 ? w[1] : nil, new: unquote(w[arrow + 1]),
                                               newVersion: arrow + 2 < w.count ? w[arrow + 2] : nil, line: lineNo))
            default: break
            }
        }
        var block: (directive: String, line: Int)?
        for (i, raw) in FormatText.lines(text).enumerated() {
            let lineNo = i + 1
            var line = raw.trimmingCharacters(in: .whitespaces)
            let indirect = line.contains("// indirect")
            if let c = line.range(of: "//") { line = String(line[..<c.lowerBound]).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { continue }
            if line == ")" { block = nil; continue }
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let block {
                handle(block.directive, words, lineNo, indirect)
                continue
            }
            let directive = words.removeFirst()
            if words.first == "(" { block = (directive, lineNo); continue }
            switch directive {
            case "module":
                guard let m = words.first else { problem(lineNo, "module", "'module' needs a module path"); continue }
                result.module = unquote(m)
            case "require", "replace":
                handle(directive, words, lineNo, indirect)
            default:
                continue
            }
        }
        if let block {
            problem(block.line, block.directive, "a '\(block.directive) (' block is never closed")
        }
        return result
    }

    static func unquote(_ s: String) -> String {
        s.count >= 2 && (s.hasPrefix("\"") && s.hasSuffix("\"") || s.hasPrefix("`") && s.hasSuffix("`")) ? String(s.dropFirst().dropLast()) : s
    }
}
