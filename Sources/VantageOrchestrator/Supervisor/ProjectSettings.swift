import Foundation
import VantageCore
import VantageFormats

/// Choices a user made at run time that outlive a supervisor: the environment chosen with
/// `vantage env use` and limits set with `vantage limit`, by project path, in
/// `$VANTAGE_HOME/project-settings.json` (written atomically).
struct ProjectSettings: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var environment: String?
        var limits: ResourceLimits?
    }
    var projects: [String: Entry] = [:]

    static func path(_ paths: VantagePaths) -> String { paths.home + "/project-settings.json" }

    static func load(_ paths: VantagePaths) -> ProjectSettings {
        guard let data = FileManager.default.contents(atPath: path(paths)),
              let settings = try? JSONDecoder().decode(ProjectSettings.self, from: data) else { return ProjectSettings() }
        return settings
    }

    func save(_ paths: VantagePaths) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.path(paths)), options: .atomic)
    }
}

extension Supervisor {
    func saveSettings() {
        var settings = ProjectSettings()
        for mp in projects.values {
            let env = mp.environment == EnvironmentLayers.defaultEnvironment ? nil : mp.environment
            let limits = mp.limitsOverride.isEmpty ? nil : mp.limitsOverride
            if env != nil || limits != nil { settings.projects[mp.project.path] = .init(environment: env, limits: limits) }
        }
        settings.save(paths)
    }

    func applySavedSettings() {
        let settings = ProjectSettings.load(paths)
        for (path, entry) in settings.projects {
            let id = ProjectID(path)
            guard projects[id] != nil else { continue }
            if let env = entry.environment { projects[id]?.environment = env }
            if let limits = entry.limits { projects[id]?.limitsOverride = limits }
        }
    }
}
