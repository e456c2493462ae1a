import Foundation
import VantageCore
import VantageFormats

/// Starts and stops a compose project. With the `docker compose` plugin it delegates to it;
/// without, it creates the containers through the Engine API with compose's own labels, for the
/// services whose image is present locally (no registry is ever asked).
public struct ComposeRunner: Sendable {
    public static let projectLabel = "com.docker.compose.project"
    public static let serviceLabel = "com.docker.compose.service"

    public let client: DockerClient

    public init(client: DockerClient) { self.client = client }

    public struct Outcome: Sendable, Equatable {
        public var started: [String] = []
        /// Services that could not be started, with the reason (e.g. image not present locally).
        public var skipped: [String: String] = [:]
    }

    /// Whether `docker compose` answers here.
    public static func pluginAvailable() -> Bool {
        (try? ChildProcess.run(["docker", "compose", "version"]))?.status == 0
    }

    public func up(_ file: ComposeFile) async throws(VantageError) -> Outcome {
        if Self.pluginAvailable() {
            let r = try ChildProcess.runChecked(["docker", "-H", client.endpoint.host, "compose", "-f", file.path,
                                                  "-p", file.projectName, "up", "-d", "--pull", "never"])
            _ = r
            return Outcome(started: file.services.map(\.name))
        }
        var outcome = Outcome()
        let existing = try await client.listContainers(all: true, labelFilter: "\(Self.projectLabel)=\(file.projectName)")
        for service in file.startOrder {
            if let current = existing.first(where: { $0.composeService == service.name }) {
                if current.State != "running" { try await client.start(current.Id) }
                outcome.started.append(service.name)
                continue
            }
            guard let image = service.image else {
                outcome.skipped[service.name] = "no image (build: is not supported without the compose plugin)"
                continue
            }
            var labels = service.labels
            labels[Self.projectLabel] = file.projectName
            labels[Self.serviceLabel] = service.name
            labels["com.docker.compose.container-number"] = "1"
            labels["com.docker.compose.oneoff"] = "False"
            labels["com.docker.compose.project.config_files"] = file.path
            var hostConfig: [String: Any] = [:]
            if let mode = service.networkMode { hostConfig["NetworkMode"] = mode }
            if let m = service.memLimit { hostConfig["Memory"] = m }
            if let c = service.cpus { hostConfig["NanoCpus"] = Int64(c * 1e9) }
            var config: [String: Any] = ["Image": image, "Labels": labels, "HostConfig": hostConfig,
                                         "Env": service.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }]
            if let cmd = service.command { config["Cmd"] = cmd }
            do {
                let id = try await client.create(name: "\(file.projectName)-\(service.name)-1", config: config)
                try await client.start(id)
                outcome.started.append(service.name)
            } catch where error.category == .notFound {
                outcome.skipped[service.name] = "image \(image) is not present locally (Vantage never pulls)"
            }
        }
        return outcome
    }

    /// Stops and removes the project's containers (the API path), or `docker compose down`.
    public func down(_ file: ComposeFile, graceSeconds: Int = 10) async throws(VantageError) {
        if Self.pluginAvailable() {
            _ = try ChildProcess.runChecked(["docker", "-H", client.endpoint.host, "compose", "-f", file.path,
                                              "-p", file.projectName, "down"])
            return
        }
        let containers = try await client.listContainers(all: true, labelFilter: "\(Self.projectLabel)=\(file.projectName)")
        for c in containers {
            if c.State == "running" || c.State == "paused" { try await client.stop(c.Id, graceSeconds: graceSeconds) }
            try await client.remove(c.Id, force: true)
        }
    }
}
