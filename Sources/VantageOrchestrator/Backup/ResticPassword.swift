import VantageCore

/// Where a project's repository password comes from: its secret `RESTIC_PASSWORD` in the vault,
/// of the environment asked for, else of the default environment.
public enum ResticPassword {
    public static let key = "RESTIC_PASSWORD"

    public static func lookup(_ secrets: any SecretsSource, project: String, environment: String) throws(VantageError) -> String {
        for env in [environment, EnvironmentLayers.defaultEnvironment] {
            if let value = try secrets.values(project: project, environment: env)[key], !value.isEmpty { return value }
        }
        throw VantageError(.notFound, "no \(key) secret for \(project)",
                           hint: "store the repository's password with `vantage secret set \(project) \(key)` (read from stdin)")
    }
}
