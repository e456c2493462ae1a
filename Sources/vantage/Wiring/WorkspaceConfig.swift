import Foundation
import VantageCore
import VantageDocker

/// The optional `vantage.toml` at a workspace root.
enum WorkspaceConfig {
    /// Docker engines to watch: `DOCKER_HOST` (or the default socket when it exists), Docker
    /// contexts, and `[[docker.engines]]` of each root's `vantage.toml`.
    static func dockerEngines(roots: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws(VantageError) -> [DockerEndpoint] {
        var configured: [DockerEndpoint] = []
        for root in roots {
            let file = root + "/vantage.toml"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let table = try TOMLParser.parse(contentsOf: file)
            configured += try DockerEndpoint.configured(in: table, file: file)
        }
        return DockerEndpoint.discover(environment: environment, configured: configured).endpoints
    }
}
