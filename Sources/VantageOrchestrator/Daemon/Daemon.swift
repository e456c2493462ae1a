import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The headless supervisor behind `vantage daemon`: takes the lock, adopts what an earlier
/// supervisor left running, serves the control socket, and runs until SIGTERM or SIGINT.
public enum Daemon {
    public struct Settings: Sendable {
        public var projects: [Project]
        public var options = SupervisorOptions()
        /// Leave projects running on SIGTERM/SIGINT (the next daemon adopts them).
        public var keepProjectsRunning = false
        /// Builds the scheduler that runs the stored jobs, given the daemon's bus (nil: none).
        public var scheduler: (@Sendable (Bus) -> Scheduler?)?
        public init(projects: [Project]) { self.projects = projects }
    }

    public static func run(paths: VantagePaths, settings: Settings, secrets: (any SecretsSource)? = nil,
                           log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) async throws(VantageError) {
        let lock = try SupervisorLock.acquire(paths)
        defer { lock.release() }
        let bus = Bus()
        let supervisor = Supervisor(paths: paths, bus: bus, options: settings.options, secrets: secrets)
        await supervisor.register(settings.projects)
        let adoption = await supervisor.adoptFromRecords()
        if !adoption.adopted.isEmpty { log("adopted: \(adoption.adopted.joined(separator: ", "))") }
        if !adoption.lost.isEmpty { log("lost: \(adoption.lost.joined(separator: ", "))") }
        let server = ControlServer(supervisor: supervisor, bus: bus, socketPath: paths.socket)
        let scheduler = settings.scheduler?(bus)
        if let scheduler { server.serve(scheduler) }
        try server.start()
        await supervisor.start()
        let scheduling = scheduler.map { s in Task { await s.run() } }
        log("vantage daemon: pid \(getpid()), \(settings.projects.count) projects, socket \(paths.socket)")

        let signals = SignalWaiter([SIGTERM, SIGINT])
        let received = await signals.wait()
        log("vantage daemon: \(SignalName.of(received)) received, \(settings.keepProjectsRunning ? "leaving projects running" : "stopping projects")")
        scheduling?.cancel()
        server.stop()
        await supervisor.shutdown(stopProjects: !settings.keepProjectsRunning)
    }
}

/// Waits for one of the signals (blocked for the default handling, delivered through a dispatch source).
final class SignalWaiter: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]
    init(_ signals: [Int32]) { self.signals = signals }

    func wait() async -> Int32 {
        await withCheckedContinuation { (c: CheckedContinuation<Int32, Never>) in
            let once = OnceFlag()
            for s in signals {
                signal(s, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
                source.setEventHandler { if once.set() { c.resume(returning: s) } }
                source.resume()
                sources.append(source)
            }
        }
    }
}

final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func set() -> Bool { lock.lock(); defer { lock.unlock() }; if done { return false }; done = true; return true }
}
