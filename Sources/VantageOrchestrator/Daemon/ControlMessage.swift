import Foundation
import VantageCore
import VantageFormats

/// What a client asks the supervisor over `$VANTAGE_HOME/vantage.sock` (one JSON object per line).
/// `command` carries the app's own `Command`s, so a TUI attached to a daemon speaks the same messages.
public enum ControlRequest: Codable, Sendable, Equatable {
    case command(Command)
    case launch(names: [String], all: Bool, environment: String?, overrides: [String: String])
    case stop(names: [String], all: Bool)
    case restart(name: String, environment: String?)
    case ps
    case logs(name: String, lines: Int, follow: Bool)
    /// Every `Event` from now on, until the client hangs up.
    case subscribe
    /// A console attaches: `ok`, then events that bring an empty console to the host's state (a
    /// snapshot: projects, states, samples, insights, council, suggestions, graph, timeline,
    /// history), then every event live. On the same connection the console sends its `command`s;
    /// each is answered `ok` or `error`, in the order sent, between the events.
    case attach
    case envShow(name: String, environment: String?)
    case envUse(name: String, environment: String)
    /// Set variables in the project's `.env.<env>.local` (`vantage env set`; nil: its current environment).
    case envSet(name: String, environment: String?, variables: [String: String])
    case limit(name: String, limits: ResourceLimits)
    case predict(name: String)
    case projects
    /// The newest `lines` output lines of every project the supervisor knows (`logLines`), for a
    /// console that attaches and wants what happened before it came.
    case backlog(lines: Int)
    /// Start a scheduled job now (`vantage schedule run-now ID`), outside its schedule.
    case runScheduledJob(id: Int64)
    /// `vantage deploy`, `vantage rollback`, `vantage releases` (Supervisor+Deploy).
    case deploy(name: String, environment: String?, ref: String?)
    case rollback(name: String, release: String?)
    case releases(name: String)
}

/// What the supervisor answers: one response per request, or a stream of `event`s for `subscribe`
/// and `logs --follow`.
public enum ControlResponse: Codable, Sendable, Equatable {
    case ok(message: String?)
    case error(message: String)
    case status([ProjectStatus])
    case event(Event)
    /// Events for an attached console in one frame (one line, one decode), oldest first, except
    /// that state changes, problems and decisions come before the batch's log lines.
    case events([Event])
    /// Secrets arrive masked.
    case environment([ResolvedVariable])
    case prediction(ResourcePrediction)
    case projects([Project])
    case logLines([LogLine])
    /// The newest lines of a project's log (`logs`): `earlier` says that older lines exist, in the
    /// log or its rotated copies, than the ones sent.
    case logTail(lines: [String], earlier: Bool)
    /// An attached console fell too far behind: the events that follow are a fresh snapshot.
    case resync
    /// Sent every second while a slow request (launch, stop, restart) is being carried out, so a
    /// client can tell a daemon at work from one that is stopped or stuck.
    case working
    case deployment(DeployOutcome)
    case releases([Release])
}

extension ControlRequest {
    /// Bounds on what a client may ask for.
    public static let maxLogLines = 1_000_000
    static let maxNames = 10_000

    /// Every field checked before the supervisor sees it: a value out of range gets an error
    /// answer, never a trap in the daemon.
    public func validate() throws(VantageError) {
        func bad(_ field: String, _ why: String) -> VantageError {
            VantageError(.usage, "the request's \(field) \(why)")
        }
        func names(_ list: [String]) throws(VantageError) {
            guard list.count <= Self.maxNames else { throw bad("names", "are more than \(Self.maxNames)") }
            for n in list where n.isEmpty || n.contains("\0") { throw bad("names", "include an empty name or one with a NUL byte") }
        }
        switch self {
        case .logs(let name, let lines, _):
            try names([name])
            guard (0...Self.maxLogLines).contains(lines) else { throw bad("line count", "must be between 0 and \(Self.maxLogLines), not \(lines)") }
        case .backlog(let lines):
            guard (0...Self.maxLogLines).contains(lines) else { throw bad("line count", "must be between 0 and \(Self.maxLogLines), not \(lines)") }
        case .launch(let list, _, let environment, let overrides):
            try names(list)
            if let environment { try names([environment]) }
            for (key, value) in overrides {
                guard DotEnvFile.isValidKey(key) else { throw bad("variable \"\(TerminalText.escaped(key))\"", "is not a valid name (letters, digits, _, . and -, not starting with a digit)") }
                guard !value.contains("\0") else { throw bad("value of \(key)", "contains a NUL byte") }
            }
        case .stop(let list, _):
            try names(list)
        case .restart(let name, let environment):
            try names([name] + (environment.map { [$0] } ?? []))
        case .envShow(let name, let environment):
            try names([name] + (environment.map { [$0] } ?? []))
        case .envUse(let name, let environment):
            try names([name, environment])
        case .envSet(let name, let environment, let variables):
            try names([name] + (environment.map { [$0] } ?? []))
            guard !variables.isEmpty else { throw bad("variables", "are missing: give at least one KEY=VALUE") }
            for (key, value) in variables {
                guard DotEnvFile.isValidKey(key) else { throw bad("variable \"\(TerminalText.escaped(key))\"", "is not a valid name (letters, digits, _, . and -, not starting with a digit)") }
                guard !value.contains("\0") else { throw bad("value of \(key)", "contains a NUL byte") }
            }
        case .limit(let name, let limits):
            try names([name])
            try limits.validate()
        case .predict(let name):
            try names([name])
        case .runScheduledJob(let id):
            guard id > 0 else { throw bad("job id", "must be a positive number, not \(id)") }
        case .deploy(let name, let environment, let ref):
            try names([name] + (environment.map { [$0] } ?? []))
            if let ref, ref.isEmpty || ref.hasPrefix("-") || ref.contains("\0") { throw bad("ref", "must name a branch, tag or commit") }
        case .rollback(let name, let release):
            try names([name])
            if let release, ReleaseID.parse(release) == nil { throw bad("release", "\"\(TerminalText.escaped(release))\" is not a release id (vantage releases NAME lists them)") }
        case .releases(let name):
            try names([name])
        case .command, .ps, .subscribe, .attach, .projects:
            break
        }
    }
}

extension ResourceLimits {
    /// Limits a person could mean: finite, and within `cpuRange`, `memoryRange`, `pidsRange` and
    /// `openFilesRange`.
    public func validate() throws(VantageError) {
        if let cpus, !(cpus.isFinite && Self.cpuRange.contains(cpus)) {
            throw VantageError(.usage, "the CPU limit must be a number of cores between \(Self.cpuRange.lowerBound) and \(Int(Self.cpuRange.upperBound)), not \(cpus)")
        }
        if let memoryBytes, !Self.memoryRange.contains(memoryBytes) {
            throw VantageError(.usage, "the memory limit must be between 1 byte and 1 PiB, not \(memoryBytes)")
        }
        if let pids, !Self.pidsRange.contains(pids) {
            throw VantageError(.usage, "the process limit must be between \(Self.pidsRange.lowerBound) and \(Self.pidsRange.upperBound), not \(pids)")
        }
        if let openFiles, !Self.openFilesRange.contains(openFiles) {
            throw VantageError(.usage, "the open-files limit must be between \(Self.openFilesRange.lowerBound) and \(Self.openFilesRange.upperBound), not \(openFiles)")
        }
    }
}

enum ControlCoding {
    static func encode<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:]) -> Data {
        let encoder = JSONEncoder()
        encoder.userInfo = userInfo
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(10)
        return data
    }
}
