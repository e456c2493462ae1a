/// One process as read from /proc/PID in one tick.
public struct ProcessReading: Sendable, Equatable {
    public var pid: Int32
    public var ppid: Int32
    public var pgid: Int32
    public var sid: Int32
    /// The state letter: R running, S sleeping, D disk wait, Z zombie, T stopped, ...
    public var state: UInt8
    /// The short name from /proc/PID/stat (what `comm` holds), at most 15 bytes.
    public var comm: String
    /// utime + stime, in clock ticks.
    public var cpuTicks: UInt64
    /// When the process started, in clock ticks after boot. With the pid it names the process uniquely.
    public var startTicks: UInt64
    public var threads: Int32
    /// Resident memory (pages × page size): from /proc/PID/stat (the kernel's quick, approximate
    /// read of its per-CPU counters), replaced by the exact figure of `statm` for project processes.
    public var rssBytes: UInt64
    /// Storage bytes read and written so far (from /proc/PID/io), when that file could be read.
    public var ioReadBytes: UInt64?
    public var ioWriteBytes: UInt64?
    /// The working directory, when readable. A deleted directory keeps its old path.
    public var cwd: String?
    /// When this reading was taken (monotonic seconds) if it is older than the table holding it:
    /// the monitor re-reads processes outside every project only every few ticks. Nil: fresh.
    public var readAt: Double?

    public init(pid: Int32, ppid: Int32, pgid: Int32, sid: Int32, state: UInt8, comm: String, cpuTicks: UInt64,
                startTicks: UInt64, threads: Int32, rssBytes: UInt64, ioReadBytes: UInt64? = nil,
                ioWriteBytes: UInt64? = nil, cwd: String? = nil) {
        self.pid = pid
        self.ppid = ppid
        self.pgid = pgid
        self.sid = sid
        self.state = state
        self.comm = comm
        self.cpuTicks = cpuTicks
        self.startTicks = startTicks
        self.threads = threads
        self.rssBytes = rssBytes
        self.ioReadBytes = ioReadBytes
        self.ioWriteBytes = ioWriteBytes
        self.cwd = cwd
    }

    /// The identity that survives pid reuse.
    public var key: ProcessKey { ProcessKey(pid: pid, startTicks: startTicks) }
    public var isZombie: Bool { state == UInt8(ascii: "Z") }
    /// Stopped by a signal (SIGSTOP, `T`) or by a tracer such as a debugger (`t`).
    public var isStopped: Bool { state == UInt8(ascii: "T") || state == UInt8(ascii: "t") }
}

/// A process's identity: a pid is reused, a pid with its start time is not.
public struct ProcessKey: Hashable, Sendable {
    public var pid: Int32
    public var startTicks: UInt64
    public init(pid: Int32, startTicks: UInt64) {
        self.pid = pid
        self.startTicks = startTicks
    }
}
