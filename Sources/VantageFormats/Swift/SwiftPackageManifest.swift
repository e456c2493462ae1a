import Foundation
import VantageCore

/// `Package.swift`, read as text (it is Swift code and is never executed): the `name:` given to
/// `Package(` and every `.package(...)` dependency. Comments are removed first, so a commented-out
/// dependency is not one. The one reader for the scanner and the dependency reader.
public struct SwiftPackageManifest: Sendable, Equatable {
    public static let fileName = "Package.swift"

    public struct PackageDependency: Sendable, Equatable {
        /// The `url:` argument; nil for `path:` and registry (`id:`) dependencies.
        public var url: String?
        /// The `path:` argument.
        public var path: String?
        /// What follows the URL, as written: `from: "1.0.0"`, `exact: "2.1.0"`, `"1.0.0"..<"2.0.0"`, `branch: "main"`.
        public var requirement: String
        public var line: Int

        /// The URL's last element without `.git` (`https://github.com/apple/swift-nio.git` → `swift-nio`).
        public var shortName: String? {
            guard let url else { return nil }
            var name = url.split(separator: "/").last.map(String.init) ?? url
            if name.hasSuffix(".git") { name.removeLast(4) }
            return name
        }

        /// The first quoted string of the requirement: the version of `from:`/`exact:`/ranges, or the branch or revision.
        public var firstQuoted: String? { SwiftPackageManifest.quotedStrings(requirement).first }
    }

    public var file: String
    public var name: String?
    public var dependencies: [PackageDependency] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> SwiftPackageManifest {
        parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) -> SwiftPackageManifest {
        var result = SwiftPackageManifest(file: file)
        let code = Array(stripComments(text).utf8)
        var line = 1
        var i = 0
        let packageCall = Array("Package(".utf8), dependencyCall = Array(".package(".utf8)
        func matches(_ needle: [UInt8], at i: Int) -> Bool {
            i + needle.count <= code.count && code[i..<(i + needle.count)].elementsEqual(needle)
        }
        while i < code.count {
            let c = code[i]
            if c == UInt8(ascii: "\n") { line += 1; i += 1; continue }
            if c == UInt8(ascii: "\"") { // skip a string literal (its newlines still count)
                i += 1
                while i < code.count, code[i] != UInt8(ascii: "\"") {
                    if code[i] == UInt8(ascii: "\\") { i += 1 } else if code[i] == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                i += 1
                continue
            }
            if result.name == nil, matches(packageCall, at: i), i == 0 || !isIdentifier(code[i - 1]) {
                let (args, _, _) = arguments(code, from: i + packageCall.count)
                if let range = args.range(of: #"^\s*name\s*:\s*"[^"]*""#, options: .regularExpression) {
                    result.name = quotedStrings(String(args[range])).first
                }
                i += packageCall.count
                continue
            }
            guard matches(dependencyCall, at: i) else { i += 1; continue }
            let startLine = line
            let (args, end, newlines) = arguments(code, from: i + dependencyCall.count)
            guard let end else {
                result.problems.append(FormatText.problem(file, line: startLine, field: ".package", "unbalanced parentheses in .package(...)"))
                break
            }
            line += newlines
            i = end
            if let urlRange = args.range(of: #"url\s*:\s*"[^"]*""#, options: .regularExpression) {
                let rest = args[urlRange.upperBound...].trimmingCharacters(in: .init(charactersIn: ", \n\t"))
                result.dependencies.append(PackageDependency(url: quotedStrings(String(args[urlRange])).first, path: nil, requirement: rest, line: startLine))
            } else if let pathRange = args.range(of: #"path\s*:\s*"[^"]*""#, options: .regularExpression) {
                result.dependencies.append(PackageDependency(url: nil, path: quotedStrings(String(args[pathRange])).first, requirement: "", line: startLine))
            } else if !args.contains("id:") { // a registry identity is not a URL package
                result.problems.append(FormatText.problem(file, line: startLine, field: ".package", "a package dependency without url: or path:"))
            }
        }
        if result.name == nil, !code.isEmpty, !String(decoding: code, as: UTF8.self).contains("Package(") {
            result.problems.append(FormatText.problem(file, "no 'Package(' declaration found", hint: "is this a SwiftPM manifest?"))
        }
        return result
    }

    private static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E
    }

    /// The text up to the parenthesis that closes the one opened before `start`, the index after
    /// it (nil when it is never closed), and how many newlines the arguments hold.
    private static func arguments(_ code: [UInt8], from start: Int) -> (String, Int?, Int) {
        var depth = 1, j = start, inString = false, newlines = 0
        while j < code.count && depth > 0 {
            let c = code[j]
            if c == UInt8(ascii: "\n") { newlines += 1 }
            if inString {
                if c == UInt8(ascii: "\\") { j += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") { inString = true }
            else if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth -= 1 }
            j += 1
        }
        let text = String(decoding: code[start..<max(start, depth == 0 ? j - 1 : j)], as: UTF8.self)
        return (text, depth == 0 ? j : nil, newlines)
    }

    /// The contents of every "double-quoted" string in `text`.
    public static func quotedStrings(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        var escaped = false
        for c in text {
            if var s = current {
                if escaped { s.append(c); escaped = false; current = s }
                else if c == "\\" { escaped = true }
                else if c == "\"" { out.append(s); current = nil }
                else { s.append(c); current = s }
            } else if c == "\"" { current = "" }
        }
        return out
    }

    /// Removes `//` line comments and `/* */` block comments outside string literals, keeping newlines.
    static func stripComments(_ text: String) -> String {
        let chars = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(chars.count)
        var i = 0
        var inString = false
        while i < chars.count {
            let c = chars[i]
            if inString {
                out.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < chars.count { out.append(chars[i + 1]); i += 2; continue }
                if c == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { inString = true; out.append(c); i += 1; continue }
            if c == UInt8(ascii: "/"), i + 1 < chars.count, chars[i + 1] == UInt8(ascii: "/") {
                while i < chars.count, chars[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if c == UInt8(ascii: "/"), i + 1 < chars.count, chars[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i < chars.count, !(chars[i] == UInt8(ascii: "*") && i + 1 < chars.count && chars[i + 1] == UInt8(ascii: "/")) {
                    if chars[i] == UInt8(ascii: "\n") { out.append(chars[i]) }
                    i += 1
                }
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
