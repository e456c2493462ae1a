import Foundation
import VantageCore
import VantageFormats

/// Starts and stops the workspace's compose projects (`s`, `x`, `R` on a compose row, the same
/// commands from the bus, and `vantage launch|stop|restart NAME` for a compose folder) on the first
/// engine that answers: through `docker compose` when the plugin exists, otherwise through the
/// Engine API with compose's labels. Folder projects of other kinds are the supervisor's.
///
/// It exists even when no engine is configured or reachable: then every command on a compose
/// project answers with why it cannot run and what to do (`noEngine`), never with silence.
public actor ComposeLauncher {
    private let bus: Bus
    private let clock: any VantageClock
    private let endpoints: [DockerEndpoint]
    private var projects: [ProjectID: Project] = [:]

    public init(bus: Bus, clock: any VantageClock, endpoints: [DockerEndpoint], projects: [Project]) {
        self.bus = bus
        self.clock = clock
        self.endpoints = endpoints
        self.projects = Self.composeProjects(projects)
    }

    /// The compose projects among these, by project id (after a rescan).
    public func update(_ projects: [Project]) {
        self.projects = Self.composeProjects(projects)
        inbox?.own(self.projects.keys)
    }

    private var inbox: CommandInbox?

    static func composeProjects(_ projects: [Project]) -> [ProjectID: Project] {
        Dictionary(projects.filter { $0.primaryKind == .compose }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public static func composeFile(in folder: String) -> String? {
        ComposeFile.fileNames
            .map { folder + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    public func run() async {
        let inbox = bus.commandInbox(owner: "the compose launcher", kinds: [.launch, .stop, .restart, .shutdown])
        self.inbox = inbox
        inbox.own(projects.keys)
        for await command in inbox.commands {
            switch command {
            case .launch(let id), .stop(let id), .restart(let id):
                guard let project = projects[id] else { continue }
                await perform(command, project)
            case .pause(let id), .resume(let id), .kill(let id), .useEnvironment(let id, _):
                // These act on a compose project's containers (their rows), not on the project.
                guard let project = projects[id] else { continue }
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: project.name, project: project.id,
                                                   message: "\(project.name) is a compose project: select one of its containers beneath it for this")))
            case .shutdown: return
            default: continue
            }
        }
    }

    /// Carries the command out and says what happened: a timeline entry, or a diagnostic (which the
    /// timeline also shows) with what to do.
    public func perform(_ command: Command, _ project: Project) async {
        do {
            let outcome = try await Self.perform(command, project, endpoints: endpoints)
            for (service, reason) in outcome.skipped.sorted(by: { $0.key < $1.key }) {
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: project.name, project: project.id,
                                                   message: "service \(service) not started: \(reason)")))
            }
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, project: project.id, text: outcome.summary)))
            bus.send(.refresh)
        } catch {
            bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: project.name, project: project.id,
                                               message: error.description)))
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .error, project: project.id, text: error.message)))
        }
    }

    /// What a compose command did.
    public struct Outcome: Sendable, Equatable {
        /// "compose project compose-stack started on local".
        public var summary: String
        public var skipped: [String: String]
    }

    /// The one path for the screen and the CLI: launch (`up`), stop (`down`) or restart a compose project.
    public static func perform(_ command: Command, _ project: Project, endpoints: [DockerEndpoint]) async throws(VantageError) -> Outcome {
        guard let path = composeFile(in: project.path) else {
            throw VantageError(.notFound, "\(project.name) has no compose file (compose.yaml, docker-compose.yml) in \(project.path)")
        }
        let file = try ComposeFile.load(path: path)
        var client: DockerClient?
        for e in endpoints { if let c = try? await DockerClient.connect(e) { client = c; break } }
        guard let client else { throw noEngine(project, tried: endpoints) }
        let runner = ComposeRunner(client: client)
        var skipped: [String: String] = [:]
        if case .stop = command { try await runner.down(file) }
        else {
            if case .restart = command { try await runner.down(file) }
            skipped = try await runner.up(file).skipped
        }
        let verb: String
        switch command {
        case .stop: verb = "stopped"
        case .restart: verb = "restarted"
        default: verb = "started"
        }
        return Outcome(summary: "compose project \(file.projectName) \(verb) on \(client.endpoint.name)", skipped: skipped)
    }

    /// Why a compose project cannot run here, and what to do: the same words on screen and in the CLI.
    public static func noEngine(_ project: Project, tried endpoints: [DockerEndpoint]) -> VantageError {
        let tried = endpoints.isEmpty
            ? "no Docker engine is configured or found (no DOCKER_HOST, no /var/run/docker.sock)"
            : "no Docker engine answers (tried \(endpoints.map { "\($0.name) at \($0.host)" }.joined(separator: ", ")))"
        return VantageError(.unavailable, "\(project.name) is a compose project and cannot start: \(tried)",
                            hint: "start the Docker engine (systemctl start docker, or dockerd), or point DOCKER_HOST or "
                                + "[[docker.engines]] in vantage.toml at one that runs")
    }
}
