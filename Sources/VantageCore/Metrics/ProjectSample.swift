import Foundation

/// One reading of a project's process tree (or cgroup).
public struct ProjectSample: Codable, Sendable, Equatable {
    public var time: Date
    public var project: ProjectID
    public var state: RunState
    /// Share of one core, summed over the tree (can exceed 100 on several cores).
    public var cpuPercent: Double
    public var rssBytes: UInt64
    public var ioReadBytesPerSec: Double
    public var ioWriteBytesPerSec: Double
    /// Processes in the tree, and the root pid(s) found.
    public var processCount: Int
    public var pids: [Int32]
    /// Ports found listening by processes of the tree.
    public var listeningPorts: [Int]

    public init(time: Date, project: ProjectID, state: RunState, cpuPercent: Double, rssBytes: UInt64,
                ioReadBytesPerSec: Double, ioWriteBytesPerSec: Double, processCount: Int, pids: [Int32],
                listeningPorts: [Int] = []) {
        self.time = time
        self.project = project
        self.state = state
        self.cpuPercent = cpuPercent
        self.rssBytes = rssBytes
        self.ioReadBytesPerSec = ioReadBytesPerSec
        self.ioWriteBytesPerSec = ioWriteBytesPerSec
        self.processCount = processCount
        self.pids = pids
        self.listeningPorts = listeningPorts
    }
}
