import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Hands a console's running projects to a `vantage daemon` started for them, so they keep being
/// supervised after the console quits: the console writes its records and lets go of the lock
/// (`Supervisor.handOver`), then this starts the daemon in a session of its own and waits until it
/// answers, having adopted the projects (not restarted them).
public enum DaemonHandover {
    public struct Result: Sendable {
        public var pid: Int32
        /// The daemon's view of the projects once it answered.
        public var projects: [ProjectStatus]
        /// Where the daemon writes its own messages.
        public var log: String
    }

    public static func start(executable: String, roots: [String], paths: VantagePaths,
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             timeout: Duration = .seconds(15)) async throws(VantageError) -> Result {
        let log = paths.home + "/daemon.log"
        let fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw VantageError(.io, "cannot open \(log) for the daemon's output: \(LinuxCalls.errnoText())") }
        defer { close(fd) }
        let words = [executable, "daemon"] + roots.flatMap { ["--root", $0] }
        let command = words.map(TextEscaping.shellWord).joined(separator: " ")
        var env = environment
        env["VANTAGE_HOME"] = paths.home
        let process = try ProcessLauncher.spawn(SpawnRequest(command: command, directory: FileManager.default.currentDirectoryPath,
                                                             environment: env, stdoutFD: fd, stderrFD: fd))
        process.open()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if SupervisorLock.isHeld(paths), case .status(let rows)? = try? ControlClient.request(paths, .ps) {
                return Result(pid: process.pid, projects: rows, log: log)
            }
            var status: Int32 = 0
            if waitpid(process.pid, &status, WNOHANG) == process.pid {
                throw VantageError(.unavailable, "the Vantage daemon started to keep the projects running exited at once",
                                   hint: "read \(log); the projects run on unsupervised: `vantage daemon --root DIR` adopts them")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        throw VantageError(.unavailable, "the Vantage daemon did not answer within \(timeout)",
                           hint: "read \(log); `vantage ps` shows whether it has adopted the projects since")
    }

}
