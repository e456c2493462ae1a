import Foundation
import VantageCore
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// Runs one readiness probe, attempt after attempt. A probe never harms the server it asks: HTTP
/// sends a proper request and reads the whole reply, TCP connects and leaves with a FIN on both
/// sides (`PeerSocket`), and a log pattern runs with a time budget off Swift's cooperative pool.
struct ReadinessChecker: Sendable {
    struct Context: Sendable {
        var ports: [Int]
        var directory: String
        var environment: [String: String]
        var log: ProjectLog
        /// Log lines from this sequence number on belong to the current run.
        var logStart: Int
    }

    /// What one attempt found.
    enum Outcome: Sendable, Equatable {
        case ready
        /// Not yet; what the probe saw, for the message shown when readiness times out.
        case notYet(String)
        /// The probe itself cannot work (a pattern over its budget): a configuration problem.
        case misconfigured(String)
    }

    let spec: ReadinessSpec
    let context: Context
    /// The log pattern, compiled once.
    private let pattern: Result<ReadinessPattern, VantageError>?
    /// The first log line not yet matched against the pattern.
    private var nextLogLine: Int

    init(_ spec: ReadinessSpec, _ context: Context) {
        self.spec = spec
        self.context = context
        nextLogLine = context.logStart
        if case .logLine(let source) = spec { pattern = Result { () throws(VantageError) in try ReadinessPattern(source) } } else { pattern = nil }
    }

    /// Blocking socket probes run here, off Swift's cooperative pool (which has one thread per core).
    static let probeQueue = DispatchQueue(label: "vantage.readiness", attributes: .concurrent)

    static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in probeQueue.async { c.resume(returning: body()) } }
    }

    /// Seconds to wait after failed probe number `attempt` (0 for the first, which runs at once):
    /// quick servers are caught within milliseconds (10, 20, 50 ms, ...), slow ones are then polled
    /// less and less often, never less often than the configured `interval`.
    static let ramp: [Double] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
    static func delay(afterAttempt attempt: Int, interval: Double) -> Double {
        min(max(interval, 0.005), attempt < ramp.count ? ramp[attempt] : .infinity)
    }

    mutating func check() async -> Outcome {
        switch spec {
        case .tcp(let port):
            guard let p = port ?? context.ports.first else { return .ready }
            return await Self.offPool { PortProbe.accepts(p) } ? .ready : .notYet("nothing accepts connections on port \(p)")
        case .http(let path, let port):
            guard let p = port ?? context.ports.first else { return .notYet("no port to send GET \(path) to") }
            let reply = await Self.offPool { HTTPProbe.get(port: p, path: path) }
            switch reply {
            case .status(let code) where (200..<400).contains(code): return .ready
            case .status(let code): return .notYet("GET \(path) on port \(p) answered \(code)")
            case .noAnswer(let why): return .notYet("GET \(path) on port \(p): \(why)")
            }
        case .exec(let command):
            let status = await ProcessLauncher.run(command, directory: context.directory, environment: context.environment, timeout: .seconds(5))
            return status == 0 ? .ready : .notYet("`\(command)` exited with \(status.map(String.init) ?? "no status (timed out)")")
        case .logLine(let source):
            let compiled: ReadinessPattern
            switch pattern {
            case .success(let p): compiled = p
            case .failure(let error): return .misconfigured(error.description)
            case nil: return .misconfigured("no pattern")
            }
            let entries = context.log.entries(since: nextLogLine)
            if let last = entries.last { nextLogLine = last.sequence + 1 }
            let lines = entries.map(\.line.text)
            switch await compiled.firstMatch(in: lines) {
            case .matched: return .ready
            case .noMatch: return .notYet("no output line matched \(source) yet")
            case .overBudget(let line):
                return .misconfigured("the readiness pattern \(source) took more than \(ReadinessPattern.budgetMillis) ms on one output line "
                                      + "(\(line.count) characters) and was stopped; a pattern with nested repetition like (a+)+ "
                                      + "backtracks exponentially: simplify [readiness] pattern in .vantage.toml")
            }
        }
    }
}
