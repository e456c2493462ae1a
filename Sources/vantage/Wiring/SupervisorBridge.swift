import Foundation
import VantageCore
import VantageOrchestrator

/// Gives the dashboard a supervisor: it hosts one (and serves the control socket, so `vantage
/// launch/stop/ps` reach it) when no daemon runs for this `$VANTAGE_HOME`, or attaches to the
/// daemon's: its events are replayed on the local bus and the screen's commands are sent to it.
/// Either way the screen shows the same state.
final class SupervisorBridge: @unchecked Sendable {
    private enum Mode {
        case hosted(Supervisor, SupervisorLock, ControlServer)
        case attached(ControlClient)
    }
    private let mode: Mode
    private let paths: VantagePaths
    private var commandTask: Task<Void, Never>?

    /// `true` when this process runs the supervisor itself.
    var isHosting: Bool { if case .hosted = mode { return true }; return false }
    /// The control socket's server, when this process runs the supervisor.
    var controlServer: ControlServer? { if case .hosted(_, _, let server) = mode { return server }; return nil }

    /// `workspace`: every project scanned. Compose projects run on a Docker engine (ComposeLauncher),
    /// not as processes; the supervisor only keeps their ports free of its reassignments.
    static func connect(paths: VantagePaths, bus: Bus, workspace: [Project], options: SupervisorOptions = SupervisorOptions()) async throws(VantageError) -> SupervisorBridge {
        let (compose, projects) = (workspace.filter { $0.primaryKind == .compose }, workspace.filter { $0.primaryKind != .compose })
        switch try await SupervisorConnection.attachOrHost(paths: paths, bus: bus, projects: projects, options: options,
                                                           secrets: SupervisorConnection.isDaemonRunning(paths) ? nil : openVault(paths, bus: bus)) {
        case .hosted(let supervisor, let lock):
            await supervisor.declarePorts(of: compose)
            let server = ControlServer(supervisor: supervisor, bus: bus, socketPath: paths.socket)
            try server.start()
            return SupervisorBridge(mode: .hosted(supervisor, lock, server), paths: paths)
        case .attached(let client):
            let bridge = SupervisorBridge(mode: .attached(client), paths: paths)
            bridge.follow(client, into: bus)
            bridge.forwardCommands(from: bus, for: projects)
            return bridge
        }
    }

    /// The secrets of a hosted supervisor. The screen is up, so a sealed key is opened only with
    /// `VANTAGE_PASSPHRASE`; without it (or with a wrong one) projects run without their secrets
    /// and the console says why.
    private static func openVault(_ paths: VantagePaths, bus: Bus) -> SecretVault? {
        guard FileManager.default.fileExists(atPath: paths.keyFile) else { return nil } // no secrets stored yet
        do { return try PassphrasePrompt.openVault(paths, interactive: false) } catch {
            bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .warning, source: "vantage",
                                               message: "secrets are unavailable to projects started here: \(error)")))
            return nil
        }
    }

    private init(mode: Mode, paths: VantagePaths) {
        self.mode = mode
        self.paths = paths
    }

    /// The daemon's events, read on a thread of their own (the socket calls block): first the
    /// output lines it already holds, so the log viewer (`L`) shows them, then everything live.
    private func follow(_ client: ControlClient, into bus: Bus) {
        let paths = self.paths
        Thread.detachNewThread {
            guard DaemonFeed.follow(client, paths: paths, into: bus) else { return }
            bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .warning, source: "vantage",
                                               message: "lost the connection to the Vantage daemon; restart the console to attach again")))
        }
    }

    /// The screen's commands for the projects the daemon supervises go to the daemon; its refusal
    /// (a project it does not run) or an unreachable daemon is shown as an error.
    private func forwardCommands(from bus: Bus, for projects: [Project]) {
        let inbox = bus.commandInbox(owner: "the Vantage daemon",
                                     kinds: [.launch, .stop, .restart, .pause, .resume, .kill, .useEnvironment])
        inbox.own(projects.map(\.id))
        let paths = self.paths
        commandTask = Task.detached {
            for await command in inbox.commands {
                DispatchQueue.global().async {
                    let message: String
                    do {
                        guard case .error(let refusal) = try ControlClient.connect(paths).send(.command(command)) else { return }
                        message = refusal
                    } catch {
                        message = "cannot \(command.kind.verb) \(command.project?.displayName ?? "it"): the Vantage daemon does not answer (\(error)); check it with `vantage ps`"
                    }
                    bus.publish(.diagnostic(Diagnostic(time: Date(), severity: .error, source: "daemon", project: command.project, message: message)))
                }
            }
        }
    }

    /// The projects that run under this console's own supervisor (none when attached: the
    /// daemon keeps supervising them whatever the console does).
    func runningProjects() async -> [String] {
        if case .hosted(let supervisor, _, _) = mode { return await supervisor.runningProjects }
        return []
    }

    /// Hosted: stops the projects it started (or, with `.keep`, lets go of them for a daemon to
    /// adopt), closes the socket and releases the lock.
    func stop(_ onExit: OnExit = .stop) async {
        commandTask?.cancel()
        switch mode {
        case .hosted(let supervisor, let lock, let server):
            server.stop()
            if onExit == .keep { await supervisor.handOver() } else { await supervisor.shutdown(stopProjects: true) }
            lock.release()
        case .attached:
            break
        }
    }
}
