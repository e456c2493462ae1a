import Foundation

/// The signals the process view offers (like htop's F9), in the order it lists them.
public enum ProcessSignal: String, Codable, Sendable, CaseIterable {
    case term = "TERM", int = "INT", hup = "HUP", kill = "KILL", usr1 = "USR1", usr2 = "USR2"

    /// "SIGHUP".
    public var name: String { "SIG" + rawValue }

    /// What it usually asks of a program, for the chooser.
    public var meaning: String {
        switch self {
        case .term: "terminate cleanly (what stop sends)"
        case .int: "interrupt, as Ctrl-C does"
        case .hup: "hang up; many servers reload their configuration"
        case .kill: "end at once, no clean shutdown"
        case .usr1: "user signal 1 (the program decides)"
        case .usr2: "user signal 2 (the program decides)"
        }
    }
}

/// One process of a project's tree as the monitor last read it.
public struct ProcessTreeRow: Codable, Sendable, Equatable {
    public var pid: Int32
    public var ppid: Int32
    /// How far below the project's top process it is (0: a top process of the project).
    public var depth: Int
    /// Its command line (arguments joined by spaces), or its short name when that cannot be read.
    public var command: String
    public var cpuPercent: Double
    public var rssBytes: UInt64
    public var threads: Int32
    /// Seconds since it started (nil when /proc/uptime could not be read).
    public var uptimeSeconds: Double?
    /// The kernel's state letter: R running, S sleeping, D disk wait, Z zombie, T stopped.
    public var state: String

    public init(pid: Int32, ppid: Int32, depth: Int, command: String, cpuPercent: Double, rssBytes: UInt64, threads: Int32,
                uptimeSeconds: Double?, state: String) {
        self.pid = pid
        self.ppid = ppid
        self.depth = depth
        self.command = command
        self.cpuPercent = cpuPercent
        self.rssBytes = rssBytes
        self.threads = threads
        self.uptimeSeconds = uptimeSeconds
        self.state = state
    }
}

/// A project's processes, parents before their children (`Command.listProcesses` asks; the
/// monitor answers with `Event.processes`).
public struct ProcessTree: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var time: Date
    public var rows: [ProcessTreeRow]

    public init(project: ProjectID, time: Date, rows: [ProcessTreeRow]) {
        self.project = project
        self.time = time
        self.rows = rows
    }
}

/// What became of a `Command.signal`: sent, or the reason it was not (in words).
public struct SignalReport: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var pid: Int32
    public var signal: ProcessSignal
    /// The process's command line as the sender saw it ("python app.py").
    public var command: String
    /// Nil: delivered. Otherwise why not ("no such process: it has already exited").
    public var failure: String?

    public init(project: ProjectID, pid: Int32, signal: ProcessSignal, command: String, failure: String?) {
        self.project = project
        self.pid = pid
        self.signal = signal
        self.command = command
        self.failure = failure
    }

    /// "sent SIGHUP to 1234 (python app.py)" or "SIGHUP to 1234 (python app.py) not sent: …".
    public var summary: String {
        let target = "\(pid)" + (command.isEmpty ? "" : " (\(command))")
        guard let failure else { return "sent \(signal.name) to \(target)" }
        return "\(signal.name) to \(target) not sent: \(failure)"
    }
}
