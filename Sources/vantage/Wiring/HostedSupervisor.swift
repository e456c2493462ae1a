import Foundation
import VantageCore
import VantageOrchestrator

/// The supervisor of `$VANTAGE_HOME`, hosted by this process (the daemon, or a console when no
/// daemon runs): it holds the lock (one supervisor per home), adopts what an earlier supervisor
/// left running, and serves the control socket, so `vantage launch/stop/ps` and attaching
/// consoles reach it.
final class HostedSupervisor: Sendable {
    let supervisor: Supervisor
    let server: ControlServer
    private let lock: SupervisorLock
    /// What the adoption found: projects adopted, and records whose process is gone.
    let adopted: [String], lost: [String]

    /// `workspace`: every project scanned. Compose projects run on a Docker engine (ComposeLauncher),
    /// not as processes; the supervisor only keeps their ports free of its reassignments.
    static func start(paths: VantagePaths, bus: Bus, workspace: [Project], options: SupervisorOptions,
                      secrets: (any SecretsSource)?) async throws(VantageError) -> HostedSupervisor {
        let lock = try SupervisorLock.acquire(paths)
        let (compose, projects) = (workspace.filter { $0.primaryKind == .compose }, workspace.filter { $0.primaryKind != .compose })
        let supervisor = Supervisor(paths: paths, bus: bus, clock: bus.clock, options: options, secrets: secrets)
        await supervisor.register(projects)
        await supervisor.declarePorts(of: compose)
        let adoption = await supervisor.adoptFromRecords()
        await supervisor.start()
        let server = ControlServer(supervisor: supervisor, bus: bus, socketPath: paths.socket)
        do { try server.start() } catch {
            await supervisor.shutdown(stopProjects: false)
            lock.release()
            throw error
        }
        return HostedSupervisor(supervisor: supervisor, server: server, lock: lock, adopted: adoption.adopted, lost: adoption.lost)
    }

    private init(supervisor: Supervisor, server: ControlServer, lock: SupervisorLock, adopted: [String], lost: [String]) {
        self.supervisor = supervisor
        self.server = server
        self.lock = lock
        self.adopted = adopted
        self.lost = lost
    }

    /// The secrets of a supervisor started under a screen: a sealed key is opened only with
    /// `VANTAGE_PASSPHRASE`; without it (or with a wrong one) projects run without their secrets
    /// and the console says why.
    static func vaultWithoutPrompt(_ paths: VantagePaths, bus: Bus) -> SecretVault? {
        guard FileManager.default.fileExists(atPath: paths.keyFile) else { return nil } // no secrets stored yet
        do { return try PassphrasePrompt.openVault(paths, interactive: false) } catch {
            bus.publish(.diagnostic(Diagnostic(time: bus.clock.now, severity: .warning, source: "vantage",
                                               message: "secrets are unavailable to projects started here: \(error)")))
            return nil
        }
    }

    /// The projects that run now (what quitting would stop).
    func runningProjects() async -> [String] { await supervisor.runningProjects }

    /// Stops the projects it started (or, with `.keep`, lets go of them for a daemon to adopt),
    /// closes the socket and releases the lock.
    func stop(_ onExit: OnExit = .stop) async {
        server.stop()
        if onExit == .keep { await supervisor.handOver() } else { await supervisor.shutdown(stopProjects: true) }
        lock.release()
    }
}
