/// A language the quality analyzer reads, chosen by file extension as lizard does.
public enum SourceLanguage: String, Codable, Sendable, CaseIterable {
    case python, swift, c, cpp, java, go, rust, javascript, typescript

    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "py": self = .python
        case "swift": self = .swift
        case "c": self = .c
        case "cpp", "cc", "cxx", "h", "hh", "hpp": self = .cpp
        case "java": self = .java
        case "go": self = .go
        case "rs": self = .rust
        case "js", "cjs", "mjs", "jsx": self = .javascript
        case "ts", "tsx": self = .typescript
        default: return nil
        }
    }

    var dialect: LexDialect {
        switch self {
        case .python: .python
        case .swift: .swift
        case .c, .cpp: .clike
        case .java: .java
        case .go: .go
        case .rust: .rust
        case .javascript, .typescript: .javascript
        }
    }
}
