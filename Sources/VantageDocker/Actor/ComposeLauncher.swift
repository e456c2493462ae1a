import Foundation
import VantageCore
import VantageFormats

/// Starts and stops the workspace's compose projects (`s`, `x`, `R` on a compose row, or the same
/// commands from the bus) on the first engine that answers: through `docker compose` when the
/// plugin exists, otherwise through the Engine API with compose's labels. Folder projects of
/// other kinds are the supervisor's.
public actor ComposeLauncher {
    private let bus: Bus
    private let endpoints: [DockerEndpoint]
    private var projects: [ProjectID: Project] = [:]

    public init(bus: Bus, endpoints: [DockerEndpoint], projects: [Project]) {
        self.bus = bus
        self.endpoints = endpoints
        self.projects = Self.composeProjects(projects)
    }

    /// The compose projects among these, by project id (after a rescan).
    public func update(_ projects: [Project]) { self.projects = Self.composeProjects(projects) }

    static func composeProjects(_ projects: [Project]) -> [ProjectID: Project] {
        Dictionary(projects.filter { $0.primaryKind == .compose }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public static func composeFile(in folder: String) -> String? {
        ComposeFile.fileNames
            .map { folder + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    public func run() async {
        for await command in bus.commands() {
            switch command {
            case .launch(let id), .stop(let id), .restart(let id):
                guard let project = projects[id] else { continue }
                await perform(command, project)
            case .shutdown: return
            default: continue
            }
        }
    }

    public func perform(_ command: Command, _ project: Project) async {
        do {
            guard let path = Self.composeFile(in: project.path) else {
                throw VantageError(.notFound, "no compose file in \(project.path)")
            }
            let file = try ComposeFile.load(path: path)
            var client: DockerClient?
            for e in endpoints { if let c = try? await DockerClient.connect(e) { client = c; break } }
            guard let client else {
                throw VantageError(.unavailable, "no Docker engine answers", hint: "start dockerd or set DOCKER_HOST")
            }
            let runner = ComposeRunner(client: client)
            if case .stop = command { try await runner.down(file) }
            else {
                if case .restart = command { try await runner.down(file) }
                let outcome = try await runner.up(file)
                for (service, reason) in outcome.skipped.sorted(by: { $0.key < $1.key }) {
                    bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .warning, source: project.name, project: project.id,
                                                       message: "service \(service) not started: \(reason)")))
                }
            }
            let verb: String
            switch command {
            case .stop: verb = "stopped"
            case .restart: verb = "restarted"
            default: verb = "started"
            }
            bus.publish(.timeline(TimelineEntry(time: Date(), kind: .state, project: project.id,
                                                text: "compose project \(file.projectName) \(verb) on \(client.endpoint.name)")))
            bus.send(.refresh)
        } catch {
            bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .error, source: project.name, project: project.id,
                                               message: (error as? VantageError)?.description ?? "\(error)")))
        }
    }
}
