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
