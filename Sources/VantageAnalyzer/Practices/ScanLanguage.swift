import VantageFormats

/// The languages the anti-pattern scanner knows, from the file extension.
enum ScanLanguage: String, Equatable {
    case python, swift, go, rust, java, kotlin, javascript, typescript, c, cpp, csharp, ruby, php

    /// From `ProgrammingLanguage`'s extension table.
    init?(path: String) {
        guard let language = ProgrammingLanguage(path: path), let known = ScanLanguage(rawValue: language.rawValue) else { return nil }
        self = known
    }

    var hasBraceCatch: Bool {
        switch self {
        case .swift, .java, .kotlin, .javascript, .typescript, .cpp, .csharp, .php: return true
        default: return false
        }
    }

    func isCommentLine(_ trimmed: Substring) -> Bool {
        switch self {
        case .python, .ruby: return trimmed.hasPrefix("#")
        case .php: return trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || trimmed.hasPrefix("/*") || trimmed.hasPrefix("*")
        default: return trimmed.hasPrefix("//") || trimmed.hasPrefix("/*") || trimmed.hasPrefix("*")
        }
    }

    /// The print-debugging call the line starts with, if any.
    func printCall(in trimmed: Substring) -> String? {
        let calls: [String]
        switch self {
        case .python: calls = ["print("]
        case .swift: calls = ["print(", "debugPrint(", "dump("]
        case .go: calls = ["fmt.Println(", "fmt.Printf(", "fmt.Print(", "println("]
        case .rust: calls = ["println!(", "print!(", "dbg!(", "eprintln!("]
        case .java: calls = ["System.out.println(", "System.out.print(", "System.err.println(", "e.printStackTrace("]
        case .kotlin: calls = ["println(", "print("]
        case .javascript, .typescript: calls = ["console.log(", "console.debug(", "console.dir("]
        case .c, .cpp: calls = []
        case .csharp: calls = ["Console.WriteLine("]
        case .ruby: calls = ["puts ", "p ", "pp "]
        case .php: calls = ["var_dump(", "print_r("]
        }
        return calls.first { trimmed.hasPrefix($0) }.map { String($0.dropLast($0.hasSuffix("(") ? 1 : 0)) + "(...)" }
    }
}

/// Where a file sits in a project: tests, scripts and entry points are not library code.
enum SourcePaths {
    private static let testDirs: Set<String> = ["test", "tests", "Tests", "spec", "specs", "__tests__", "testing", "e2e"]
    private static let programDirs: Set<String> = ["scripts", "script", "bin", "cmd", "examples", "example", "tools", "benchmarks", "bench"]

    static func components(_ path: String) -> [Substring] { path.split(separator: "/") }

    static func isTest(_ path: String) -> Bool {
        let parts = components(path)
        if parts.dropLast().contains(where: { testDirs.contains(String($0)) }) { return true }
        let name = parts.last.map(String.init) ?? path
        return name.hasPrefix("test_") || name.contains("_test.") || name.contains(".test.") || name.contains(".spec.")
            || name.hasSuffix("Tests.swift") || name.hasSuffix("Test.java") || name.hasSuffix("Test.kt") || name == "conftest.py"
    }

    /// Scripts, commands and `main` files, where printing is the point.
    static func isEntryPoint(_ path: String, text: String) -> Bool {
        let parts = components(path)
        if parts.dropLast().contains(where: { programDirs.contains(String($0)) }) { return true }
        let name = String(parts.last ?? "")
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if ["main", "__main__", "cli", "manage", "setup", "conftest"].contains(stem) { return true }
        if name == "build.rs" { return true }
        if text.contains("if __name__ == \"__main__\"") || text.contains("if __name__ == '__main__'") { return true }
        if name.hasSuffix(".go"), text.contains("package main") { return true }
        if name.hasSuffix(".swift"), text.contains("@main") { return true }
        return false
    }
}
