import Foundation
import VantageCore

/// How containers appear as projects: the same grid row, meters, actions and health as a folder
/// project, with kind `container`.
public enum ContainerProjects {
    public static let scheme = "docker://"

    /// `docker://<engine>/<container name>`: stable across restarts of the container.
    public static func id(engine: String, container: String) -> ProjectID {
        ProjectID(scheme + engine + "/" + container)
    }

    /// Splits a container project id into engine and container name.
    public static func parse(_ id: ProjectID) -> (engine: String, container: String)? {
        guard id.rawValue.hasPrefix(scheme) else { return nil }
        let rest = id.rawValue.dropFirst(scheme.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
    }

    public static func project(engine: String, summary: ContainerSummary) -> Project {
        let ports = (summary.Ports ?? []).compactMap(\.PublicPort)
        return Project(name: summary.name, path: id(engine: engine, container: summary.name).rawValue,
                       kinds: [.container], command: summary.Image, ports: Array(Set(ports)).sorted(),
                       engine: engine, group: summary.composeProject)
    }

    /// Docker's state (and health, where the container has a HEALTHCHECK) mapped to Vantage's.
    public static func state(summaryState: String, details: ContainerDetails?) -> RunState {
        switch summaryState {
        case "running":
            switch details?.State.Health?.Status {
            case "healthy": return .ready
            case "starting": return .starting
            default: return .running
            }
        case "restarting": return .backoff
        case "removing": return .stopping
        case "exited", "dead":
            // 137 and 143 are SIGKILL and SIGTERM: what `docker stop` ends a container with.
            if let d = details, d.State.OOMKilled || ![0, 137, 143].contains(d.State.ExitCode) { return .failed }
            return .stopped
        case "paused": return .paused
        default:  // created
            return .stopped
        }
    }
}
