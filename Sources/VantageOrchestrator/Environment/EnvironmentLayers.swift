import Foundation
import VantageCore
import VantageFormats

/// One variable of a project's resolved environment and where its value came from.
public struct ResolvedVariable: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
    /// `path:line`, `secret (env)` or `-e on the command line`.
    public var source: String
    public var isSecret: Bool

    /// The value as it may be shown: secrets masked.
    public var displayValue: String { isSecret ? "********" : value }
}

/// Builds a project's environment from its layers, lowest first: `.env`, `.env.local`, `.env.<env>`,
/// `.env.<env>.local`, `.vantage.toml` (`env` then `[env.<env>]`), secrets, then `-e KEY=VAL`.
public enum EnvironmentLayers {
    public static let defaultEnvironment = "development"

    public static func resolve(projectPath: String, config: ProjectConfig, environment: String,
                               secrets: [String: String] = [:], overrides: [String: String] = [:]) throws(VantageError) -> [ResolvedVariable] {
        var vars: [String: ResolvedVariable] = [:]
        var order: [String] = []
        func set(_ key: String, _ value: String, _ source: String, secret: Bool = false) {
            if vars[key] == nil { order.append(key) }
            vars[key] = ResolvedVariable(key: key, value: value, source: source, isSecret: secret)
        }
        for name in [".env", ".env.local", ".env.\(environment)", ".env.\(environment).local"] {
            let path = projectPath + "/" + name
            guard let assignments = try DotEnvFile.assignments(contentsOf: path) else { continue }
            for a in assignments { set(a.key, a.value, "\(path):\(a.line)") }
        }
        let tomlFile = config.file ?? projectPath + "/" + ProjectConfigReader.fileName
        for (key, v) in config.env.sorted(by: { $0.value.line < $1.value.line }) { set(key, v.value, "\(tomlFile):\(v.line)") }
        for (key, v) in (config.environments[environment] ?? [:]).sorted(by: { $0.value.line < $1.value.line }) {
            set(key, v.value, "\(tomlFile):\(v.line)")
        }
        for (key, value) in secrets.sorted(by: { $0.key < $1.key }) { set(key, value, "secret (\(environment))", secret: true) }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) { set(key, value, "-e on the command line") }
        return order.compactMap { vars[$0] }
    }

    /// Parses `KEY=VAL` arguments given with `-e`.
    public static func parseOverrides(_ args: [String]) throws(VantageError) -> [String: String] {
        var out: [String: String] = [:]
        for a in args {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw VantageError(.usage, "expected KEY=VALUE after -e, found \"\(a)\"")
            }
            out[String(a[..<eq])] = String(a[a.index(after: eq)...])
        }
        return out
    }
}
