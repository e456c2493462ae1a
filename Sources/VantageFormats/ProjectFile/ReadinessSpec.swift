import Foundation

/// How Vantage decides that a started project is ready to serve.
public enum ReadinessSpec: Codable, Sendable, Equatable {
    /// An HTTP GET answered with 2xx or 3xx. `port` nil means the project's first port.
    case http(path: String, port: Int?)
    /// A TCP connect succeeds. `port` nil means the project's first port.
    case tcp(port: Int?)
    /// A command exits with status 0.
    case exec(command: String)
    /// A line of the project's output matches the regular expression.
    case logLine(pattern: String)
}

/// When and how often to try.
public struct ReadinessTiming: Codable, Sendable, Equatable {
    public var interval: Double
    /// Give up and report the project as running but not ready after this many seconds.
    public var timeout: Double
    public init(interval: Double = 0.1, timeout: Double = 60) {
        self.interval = interval
        self.timeout = timeout
    }
}

/// Whether and how a project that exits is started again.
public struct RestartPolicy: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable { case always, onFailure = "on-failure", never }
    public var mode: Mode
    /// Tries after which the project is marked failed.
    public var maxTries: Int
    /// First backoff delay, seconds; doubles on each try.
    public var initialDelay: Double
    /// Cap of the backoff delay, seconds.
    public var maxDelay: Double
    /// Fraction of the delay removed at random (0.2: between 80 % and 100 % of it).
    public var jitter: Double
    /// A run that lasted this long resets the try counter.
    public var stableAfter: Double

    public init(mode: Mode = .onFailure, maxTries: Int = 5, initialDelay: Double = 0.5, maxDelay: Double = 30,
                jitter: Double = 0.2, stableAfter: Double = 30) {
        self.mode = mode
        self.maxTries = maxTries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.stableAfter = stableAfter
    }

    /// The delay before try `attempt` (1-based): capped exponential, jitter only ever shortens it.
    public func delay(forAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let base = min(maxDelay, initialDelay * pow(2, exponent))
        return base * (1 - jitter * random)
    }

    public func shouldRestart(exitSucceeded: Bool) -> Bool {
        switch mode {
        case .always: return true
        case .onFailure: return !exitSucceeded
        case .never: return false
        }
    }
}

/// A project this one needs, and how far it must have come.
public struct DependencyRequirement: Codable, Sendable, Equatable {
    public enum Condition: String, Codable, Sendable { case started, healthy, completed }
    public var name: String
    public var condition: Condition
    public init(name: String, condition: Condition) {
        self.name = name
        self.condition = condition
    }
}
