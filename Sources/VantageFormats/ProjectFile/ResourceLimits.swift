import VantageCore

/// Limits applied to a project's cgroup and rlimits. nil means "no limit".
public struct ResourceLimits: Codable, Sendable, Equatable {
    /// CPU in cores (0.5 = half of one core).
    public var cpus: Double?
    public var memoryBytes: UInt64?
    public var pids: Int?
    /// RLIMIT_NOFILE for the project's processes.
    public var openFiles: Int?

    public init(cpus: Double? = nil, memoryBytes: UInt64? = nil, pids: Int? = nil, openFiles: Int? = nil) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.pids = pids
        self.openFiles = openFiles
    }

    public var isEmpty: Bool { cpus == nil && memoryBytes == nil && pids == nil && openFiles == nil }

    /// What each limit may be, wherever it comes from (`.vantage.toml`, `vantage limit`, a request).
    public static let cpuRange = 0.01...4096.0
    public static let memoryRange: ClosedRange<UInt64> = 1...(1 << 50)
    public static let pidsRange = 1...4_194_304
    public static let openFilesRange = 1...1_048_576

    /// Later values win where they are set.
    public func merged(with other: ResourceLimits) -> ResourceLimits {
        ResourceLimits(cpus: other.cpus ?? cpus, memoryBytes: other.memoryBytes ?? memoryBytes,
                       pids: other.pids ?? pids, openFiles: other.openFiles ?? openFiles)
    }

    /// A memory limit written as `256M`, `1G`, `512k` or bytes (read by `ByteSize`); nil unless positive.
    public static func parseBytes(_ text: String) -> UInt64? {
        ByteSize.parse(text).flatMap { $0 > 0 ? UInt64(exactly: $0) : nil }
    }
}

/// How important a project is: maps to nice, I/O priority and OOM score, and orders throttling.
public enum PriorityLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case background, normal, critical

    public var nice: Int32 { switch self { case .critical: -5; case .normal: 0; case .background: 10 } }
    /// (class, level) for ioprio_set: best effort 0 for critical, best effort 4 for normal, idle for background.
    public var ioPriority: (ioClass: Int, level: Int) {
        switch self { case .critical: (2, 0); case .normal: (2, 4); case .background: (3, 0) }
    }
    public var oomScoreAdjust: Int { switch self { case .critical: -500; case .normal: 0; case .background: 500 } }

    public static func < (a: PriorityLevel, b: PriorityLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

import Foundation
