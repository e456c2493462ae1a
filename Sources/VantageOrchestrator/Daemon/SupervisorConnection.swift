import Foundation
import VantageCore

/// How a console reaches the supervisor of `$VANTAGE_HOME`: attached to a running daemon over its
/// socket, or hosting one in-process (holding the same lock, so there is still only one).
public enum SupervisorConnection: Sendable {
    case attached(ControlClient)
    case hosted(Supervisor, SupervisorLock)

    /// Whether a supervisor (a daemon or another console) already runs for `$VANTAGE_HOME`.
    public static func isDaemonRunning(_ paths: VantagePaths) -> Bool { SupervisorLock.isHeld(paths) }

    /// Attaches when a supervisor holds the lock, otherwise hosts one (registered, adopting what an
    /// earlier supervisor left running, commands followed from the bus).
    public static func attachOrHost(paths: VantagePaths, bus: Bus, projects: [Project],
                                    options: SupervisorOptions = SupervisorOptions(),
                                    secrets: (any SecretsSource)? = nil) async throws(VantageError) -> SupervisorConnection {
        if SupervisorLock.isHeld(paths) {
            return .attached(try ControlClient.connect(paths))
        }
        let lock = try SupervisorLock.acquire(paths)
        let supervisor = Supervisor(paths: paths, bus: bus, options: options, secrets: secrets)
        await supervisor.register(projects)
        await supervisor.adoptFromRecords()
        await supervisor.start()
        return .hosted(supervisor, lock)
    }
}
