/// CPU time counters from the `cpu` lines of /proc/stat, in clock ticks.
public struct CPUTimes: Sendable, Equatable {
    /// user + nice + system + idle + iowait + irq + softirq + steal (guest time is inside user).
    public var total: UInt64
    /// idle + iowait.
    public var idle: UInt64

    public init(total: UInt64, idle: UInt64) {
        self.total = total
        self.idle = idle
    }

    public var busy: UInt64 { total &- min(idle, total) }

    /// Busy share 0...100 between an earlier reading and this one.
    public func busyPercent(since earlier: CPUTimes) -> Double {
        guard total > earlier.total else { return 0 }
        let dTotal = Double(total - earlier.total)
        let dIdle = Double(idle >= earlier.idle ? idle - earlier.idle : 0)
        return max(0, min(100, (dTotal - dIdle) / dTotal * 100))
    }
}

/// /proc/stat: the aggregate line and one per CPU.
public struct CPUStat: Sendable, Equatable {
    public var all: CPUTimes
    public var perCPU: [CPUTimes]
    public init(all: CPUTimes, perCPU: [CPUTimes]) {
        self.all = all
        self.perCPU = perCPU
    }
}

/// The lines of /proc/meminfo that Vantage shows, in bytes.
public struct MemoryInfo: Sendable, Equatable {
    public var totalBytes: UInt64 = 0
    public var availableBytes: UInt64 = 0
    public var swapTotalBytes: UInt64 = 0
    public var swapFreeBytes: UInt64 = 0
    public init(totalBytes: UInt64 = 0, availableBytes: UInt64 = 0, swapTotalBytes: UInt64 = 0, swapFreeBytes: UInt64 = 0) {
        self.totalBytes = totalBytes
        self.availableBytes = availableBytes
        self.swapTotalBytes = swapTotalBytes
        self.swapFreeBytes = swapFreeBytes
    }
    public var swapUsedBytes: UInt64 { swapTotalBytes &- min(swapFreeBytes, swapTotalBytes) }
}

/// /proc/loadavg.
public struct LoadAverage: Sendable, Equatable {
    public var one: Double, five: Double, fifteen: Double
    public init(one: Double, five: Double, fifteen: Double) {
        self.one = one
        self.five = five
        self.fifteen = fifteen
    }
}

/// Cumulative byte counters: network (received/sent over non-loopback interfaces) or disk
/// (read/written over whole disks).
public struct ByteCounters: Sendable, Equatable {
    public var inBytes: UInt64
    public var outBytes: UInt64
    public init(inBytes: UInt64, outBytes: UInt64) {
        self.inBytes = inBytes
        self.outBytes = outBytes
    }
}

/// Everything read from the system-wide /proc files in one tick. Fields stay nil when their file
/// could not be read (a container without /proc/diskstats, say).
public struct SystemCounters: Sendable, Equatable {
    /// Monotonic time of the reading, in seconds.
    public var monotonicSeconds: Double
    public var cpu: CPUStat?
    public var memory: MemoryInfo?
    public var load: LoadAverage?
    public var network: ByteCounters?
    public var disk: ByteCounters?

    public init(monotonicSeconds: Double, cpu: CPUStat? = nil, memory: MemoryInfo? = nil, load: LoadAverage? = nil,
                network: ByteCounters? = nil, disk: ByteCounters? = nil) {
        self.monotonicSeconds = monotonicSeconds
        self.cpu = cpu
        self.memory = memory
        self.load = load
        self.network = network
        self.disk = disk
    }
}
