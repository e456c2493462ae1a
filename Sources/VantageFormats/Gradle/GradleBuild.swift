import Foundation
import VantageCore

/// `build.gradle` / `build.gradle.kts`, read as text: the dependencies declared as
/// `implementation`/`api`/`compileOnly`/`runtimeOnly`/`testImplementation` "group:name:version"
/// lines, and whether the `application` plugin is applied (what makes `gradle run` work).
public struct GradleBuild: Sendable, Equatable {
    public static let fileNames = ["build.gradle", "build.gradle.kts"]
    /// The wrapper script that pins Gradle's version.
    public static let wrapper = "gradlew"

    public struct Dependency: Sendable, Equatable {
        public var configuration: String
        public var group: String
        public var name: String
        public var version: String?
        public var line: Int
        public var isDev: Bool { configuration.hasPrefix("test") }
    }

    public var file: String
    public var dependencies: [Dependency] = []
    public var appliesApplicationPlugin = false

    public static func read(_ path: String) throws(VantageError) -> GradleBuild {
        parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) -> GradleBuild {
        var result = GradleBuild(file: file)
        let configurations: Set<String> = ["implementation", "api", "compileOnly", "runtimeOnly", "testImplementation", "testRuntimeOnly"]
        for (i, raw) in FormatText.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") { continue }
            if line.contains("application") && (line.hasPrefix("id") || line.hasPrefix("apply") || line == "application") {
                result.appliesApplicationPlugin = true
            }
            let word = line.prefix { $0.isLetter }
            guard configurations.contains(String(word)) else { continue }
            var rest = line.dropFirst(word.count).drop { $0 == " " || $0 == "(" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { continue }
            let parts = rest[..<close].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            result.dependencies.append(Dependency(configuration: String(word), group: parts[0], name: parts[1],
                                                  version: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil, line: i + 1))
        }
        return result
    }
}
