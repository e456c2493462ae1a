import Foundation
import VantageCore
import VantageDocker
import VantageFormats
import VantageOrchestrator

/// The optional `vantage.toml` at a workspace root.
enum WorkspaceConfig {
    /// Docker engines to watch: `DOCKER_HOST` (or the default socket when it exists), Docker
    /// contexts, and `[[docker.engines]]` of each root's `vantage.toml`.
    static func dockerEngines(roots: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws(VantageError) -> [DockerEndpoint] {
        var configured: [DockerEndpoint] = []
        for root in roots {
            guard let workspace = try WorkspaceFileReader.read(root: root) else { continue }
            configured += try DockerEndpoint.configured(workspace.engines, file: workspace.file)
        }
        return DockerEndpoint.discover(environment: environment, configured: configured).endpoints
    }

    /// The alert rules of every root's `vantage.toml` (`[[alerts]]`), in file order.
    static func alertRules(roots: [String]) throws(VantageError) -> [AlertWatch.Rule] {
        var rules: [AlertWatch.Rule] = []
        for root in roots {
            guard let workspace = try WorkspaceFileReader.read(root: root) else { continue }
            rules += workspace.alerts.map { AlertWatch.Rule(condition: $0.condition, project: $0.project) }
        }
        return rules
    }

    /// The notification receivers of every root's `vantage.toml` (`[[notify]]`), in file order.
    static func notifyTargets(roots: [String]) throws(VantageError) -> [NotifyTarget] {
        var targets: [NotifyTarget] = []
        for root in roots {
            guard let workspace = try WorkspaceFileReader.read(root: root) else { continue }
            targets += workspace.notify
        }
        return targets
    }

    /// Whether pressure throttling is on: `[resources] governor = true` in a root's `vantage.toml`.
    static func governor(roots: [String]) throws(VantageError) -> Bool {
        for root in roots where try WorkspaceFileReader.read(root: root)?.governor == true { return true }
        return false
    }

    /// `[api]` of the first root whose `vantage.toml` has one: the address, and the TLS files
    /// resolved against that root.
    static func api(roots: [String]) throws(VantageError) -> (listen: ListenAddress, file: String, certificate: String?, key: String?)? {
        for root in roots {
            guard let workspace = try WorkspaceFileReader.read(root: root), let listen = workspace.apiListen else { continue }
            func resolved(_ path: String?) -> String? { path.map { $0.hasPrefix("/") ? $0 : root + "/" + $0 } }
            return (listen, workspace.file, resolved(workspace.apiTLSCertificate), resolved(workspace.apiTLSKey))
        }
        return nil
    }
}
