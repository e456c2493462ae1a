import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `--timeout` of every command that talks to the supervisor.
struct ControlOptions: ParsableArguments {
    // Optional so the help states the default once, in its own words (it may come from VANTAGE_TIMEOUT).
    @Option(name: .long, help: "Seconds to wait for the supervisor's answer (default 10, or VANTAGE_TIMEOUT).")
    var timeout: Double?

    func validate() throws { if let timeout { try ControlConnection.check(timeout) } }

    var connection: ControlConnection { ControlConnection(timeout: timeout ?? ControlClient.defaultTimeout) }
    func request(_ request: ControlRequest) throws(VantageError) -> ControlResponse { try connection.request(request) }
    func connect() throws(VantageError) -> ControlClient { try connection.connect() }
    func knownToSupervisor(_ name: String) throws(VantageError) -> Bool { try connection.knownToSupervisor(name) }
}

/// Requests to the supervisor of `$VANTAGE_HOME`, each waiting at most `timeout` seconds.
struct ControlConnection {
    var timeout: Double = ControlClient.defaultTimeout
    var paths = VantagePaths.fromEnvironment()

    static func check(_ timeout: Double) throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds between 0 and 86400, not \(timeout)")
        }
    }

    /// One request on a new connection; an `error` answer becomes a thrown error.
    func request(_ request: ControlRequest) throws(VantageError) -> ControlResponse {
        try ControlClient.request(paths, request, timeout: timeout)
    }

    func connect() throws(VantageError) -> ControlClient {
        try ControlClient.connect(paths, timeout: timeout)
    }

    /// The names (and folders) of the supervisor's projects; nil when no supervisor runs. A
    /// daemon that does not answer in time is an error, not "no daemon".
    func supervisorProjects() throws(VantageError) -> Set<String>? {
        guard SupervisorConnection.isDaemonRunning(paths) else { return nil }
        guard case .projects(let projects) = try request(.projects) else { return [] }
        return Set(projects.flatMap { [$0.name, $0.path] })
    }

    /// Whether the supervisor runs a project of this name (false when no supervisor runs).
    func knownToSupervisor(_ name: String) throws(VantageError) -> Bool {
        try supervisorProjects()?.contains(name) ?? false
    }
}
