import Foundation
import VantageCore
import VantageFormats

/// The environments a project has: the default (`development`), one per `.env.<NAME>` file (and
/// `.env.<NAME>.local`), and one per `[env.<NAME>]` section of `.vantage.toml`. `.env.example`,
/// `.env.sample` and `.env.template` describe variables, not an environment, and `.env.local`
/// belongs to every environment.
public enum ProjectEnvironments {
    static let notEnvironments: Set<String> = ["local", "example", "sample", "template", "dist", "defaults"]

    public static func available(projectPath: String, config: ProjectConfig) -> [String] {
        var names: Set<String> = [EnvironmentLayers.defaultEnvironment]
        for file in (try? FileManager.default.contentsOfDirectory(atPath: projectPath)) ?? [] where file.hasPrefix(".env.") {
            var name = String(file.dropFirst(".env.".count))
            if name.hasSuffix(".local") { name.removeLast(".local".count) }
            if !name.isEmpty, !notEnvironments.contains(name), !name.contains("/") { names.insert(name) }
        }
        names.formUnion(config.environments.keys)
        return names.sorted()
    }

    /// `name` when the project has it; otherwise an error that lists the ones it has.
    public static func check(_ name: String, project: String, available: [String]) throws(VantageError) {
        guard !available.contains(name) else { return }
        throw VantageError(.notFound, "\(project) has no environment \"\(name)\"",
                           hint: "its environments: \(available.joined(separator: ", ")) (a .env.NAME file or an [env.NAME] section in .vantage.toml makes one)")
    }
}
