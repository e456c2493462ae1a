import Foundation
import VantageCore
import VantageDocker

/// Containers on the command line: `ps`, `logs`, `launch`, `stop`, `restart` and `limit` work on
/// them as on supervised projects, straight through the engines (no daemon needed), each engine
/// with a deadline so a frozen one never holds the command up.
enum ContainerCLI {
    /// The engines of the workspace in the current folder; a malformed `vantage.toml` is reported
    /// on standard error and its engines left out.
    static func endpoints() -> [DockerEndpoint] {
        do { return try WorkspaceConfig.dockerEngines(roots: [FileManager.default.currentDirectoryPath]) } catch {
            writeStandardError("vantage: \(error) (its engines are left out)\n")
            return DockerEndpoint.discover().endpoints
        }
    }

    /// Splits names into containers (found on an engine) and the rest (for the supervisor). The
    /// supervisor is asked first: a name it runs never waits on an engine (a frozen one costs its
    /// deadline to every lookup).
    static func partition(_ names: [String], control: ControlConnection) async throws -> (containers: [(DockerClient, ContainerSummary)], others: [String]) {
        let supervised = try control.supervisorProjects() ?? []
        let engines = names.allSatisfy(supervised.contains) ? [] : endpoints()
        var containers: [(DockerClient, ContainerSummary)] = [], others: [String] = []
        for name in names {
            if !supervised.contains(name), !engines.isEmpty, let found = await DockerFleet.find(name, in: engines) {
                containers.append(found)
            } else {
                others.append(name)
            }
        }
        return (containers, others)
    }

    static func table(_ rows: [DockerFleet.Row], unreachable: [String: String]) -> String {
        var out = ""
        if !rows.isEmpty {
            let header = ["CONTAINER", "ENGINE", "STATE", "CPU", "RSS", "HEALTH", "PORTS", "IMAGE"]
            let body = rows.map { r in
                [(r.group.map { $0 + "/" } ?? "") + r.name, r.engine, r.state.rawValue, String(format: "%.1f%%", r.cpu),
                 Bytes.human(r.rss), "\(r.health)", r.ports.map(String.init).joined(separator: ","), r.image]
            }
            let widths = header.indices.map { i in ([header[i]] + body.map { $0[i] }).map(\.count).max() ?? 0 }
            for line in [header] + body {
                out += line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ") + "\n"
            }
        }
        for (engine, reason) in unreachable.sorted(by: { $0.key < $1.key }) {
            out += "docker engine \(engine): unreachable (\(reason))\n"
        }
        return out
    }

    static func act(_ action: ContainerAction, _ targets: [(DockerClient, ContainerSummary)]) async throws {
        for (client, c) in targets {
            try await action.perform(on: c, with: client)
            print("\(c.name) on \(client.endpoint.name): \(action.done)")
        }
    }
}
