import Foundation
import VantageCore
/// A package ecosystem, spelled as OSV spells it (`affected[].package.ecosystem`).
public enum Ecosystem: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case npm = "npm"
    case pypi = "PyPI"
    case crates = "crates.io"
    case go = "Go"
    case swift = "SwiftURL"
    case rubygems = "RubyGems"
    case packagist = "Packagist"
    case maven = "Maven"

    public static func < (a: Ecosystem, b: Ecosystem) -> Bool { a.rawValue < b.rawValue }

    /// Accepts OSV spellings and common aliases (`pypi`, `cargo`, `swift`).
    public init?(osvName: String) {
        if let e = Ecosystem(rawValue: osvName) { self = e; return }
        switch osvName.lowercased() {
        case "pypi", "pip", "python": self = .pypi
        case "crates.io", "cargo", "rust": self = .crates
        case "go", "golang": self = .go
        case "swifturl", "swift", "swiftpm": self = .swift
        case "npm", "node": self = .npm
        case "rubygems", "gem", "ruby": self = .rubygems
        case "packagist", "composer", "php": self = .packagist
        case "maven": self = .maven
        default: return nil
        }
    }

    /// The name under which a package is looked up: PEP 503 for PyPI (lower case, runs of `-_.`
    /// become `-`); lower case for npm, Go, SwiftURL and Packagist (case-insensitive there); as
    /// published elsewhere.
    public func normalise(_ name: String) -> String {
        switch self {
        case .pypi: return Ecosystem.pep503(name)
        case .npm, .packagist: return name.lowercased()
        case .go, .swift: return Ecosystem.normaliseURLName(name)
        case .crates, .rubygems, .maven: return name
        }
    }

    static func pep503(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.count)
        var inRun = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !inRun { out.append("-"); inRun = true }
            } else { out.append(c); inRun = false }
        }
        return out
    }

    static func normaliseURLName(_ name: String) -> String {
        var s = name.lowercased()
        for p in ["https://", "http://", "ssh://", "git@"] where s.hasPrefix(p) { s.removeFirst(p.count) }
        if s.hasSuffix(".git") { s.removeLast(4) }
        if s.hasSuffix("/") { s.removeLast() }
        return s.replacingOccurrences(of: ":", with: "/")
    }
}
