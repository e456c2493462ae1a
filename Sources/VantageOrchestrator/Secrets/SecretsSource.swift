import VantageCore

/// Where the supervisor gets a project's secret values at launch (layer 6 of its environment).
public protocol SecretsSource: Sendable {
    /// Decrypted values of every secret of the project in that environment.
    func values(project: String, environment: String) throws(VantageError) -> [String: String]
}
