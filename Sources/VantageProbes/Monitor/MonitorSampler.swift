import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// One tick of monitoring, without any concurrency: reads the system files and every process,
/// attributes processes to projects by cwd, and turns two ticks into rates. The `Monitor` actor
/// drives it on a timer; `vantage status` and the benchmark drive it directly.
///
/// Not thread-safe: owned by one actor or one task.
public final class MonitorSampler {
    public let reader: ProcReader
    public private(set) var projects: [Project]
    private var attribution: ProjectAttribution
    private var rates: ProcessRateTracker
    private var previousSystem: SystemCounters?
    /// Pids never attributed: Vantage itself.
    private let excluded: Set<Int32>
    /// Listening sockets seen last tick, and the socket inodes of each process scanned since.
    private var lastListening: [UInt64: Int] = [:]
    private var socketsByProcess: [ProcessKey: [UInt64]] = [:]
    /// Working directories of processes already seen. A known process's cwd is read again every
    /// `cwdRefreshTicks` ticks (staggered by pid); a new process's at once.
    private var cwdByProcess: [ProcessKey: String] = [:]
    private var tick = 0
    public var cwdRefreshTicks = 5

    public init(projects: [Project], procRoot: String = "/proc", excluding excluded: Set<Int32> = [getpid()]) {
        reader = ProcReader(root: procRoot)
        self.projects = projects
        attribution = ProjectAttribution(paths: projects.map(\.path))
        rates = ProcessRateTracker(ticksPerSecond: reader.ticksPerSecond)
        self.excluded = excluded
    }

    public func updateProjects(_ projects: [Project]) {
        self.projects = projects
        attribution = ProjectAttribution(paths: projects.map(\.path))
    }

    /// Reads everything now. Rates cover the time since the previous call (zero on the first).
    public func sample(at time: Date = Date()) -> (system: SystemSample, projects: [ProjectSample]) {
        let counters = reader.systemCounters()
        let system = SystemSample(time: time, current: counters, previous: previousSystem)
        previousSystem = counters

        var table = ProcessTable.read(from: reader, withCWD: false)
        fillWorkingDirectories(&table)
        let owner = attribution.assign(table, excluding: excluded)

        // Per-tree files only for the processes that belong to a project. (RSS comes from stat,
        // which holds the same counter as statm's resident field: one file fewer per process.)
        for pid in owner.keys {
            guard var p = table.processes[pid] else { continue }
            if let io = reader.io(pid) {
                p.ioReadBytes = io.read
                p.ioWriteBytes = io.write
            }
            table.processes[pid] = p
        }
        let perProcess = rates.advance(to: table)
        let ports = listeningPorts(of: owner, in: table)

        var members = [[Int32]](repeating: [], count: projects.count)
        for (pid, index) in owner { members[index].append(pid) }

        var samples: [ProjectSample] = []
        samples.reserveCapacity(projects.count)
        for (index, project) in projects.enumerated() {
            let pids = members[index]
            var cpu = 0.0, read = 0.0, write = 0.0
            var rss: UInt64 = 0
            var roots: [Int32] = []
            var projectPorts = Set<Int>()
            for pid in pids {
                guard let p = table.processes[pid] else { continue }
                if let r = perProcess[pid] {
                    cpu += r.cpuPercent
                    read += r.ioReadBytesPerSec
                    write += r.ioWriteBytesPerSec
                }
                rss &+= p.rssBytes
                if owner[p.ppid] != index { roots.append(pid) }
                if let found = ports[pid] { projectPorts.formUnion(found) }
            }
            samples.append(ProjectSample(time: time, project: project.id, state: pids.isEmpty ? .stopped : .external,
                                         cpuPercent: cpu, rssBytes: rss, ioReadBytesPerSec: read,
                                         ioWriteBytesPerSec: write, processCount: pids.count,
                                         pids: roots.sorted(), listeningPorts: projectPorts.sorted()))
        }
        return (system, samples)
    }

    private func fillWorkingDirectories(_ table: inout ProcessTable) {
        tick &+= 1
        var next: [ProcessKey: String] = [:]
        next.reserveCapacity(table.processes.count)
        for (pid, var p) in table.processes {
            let key = p.key
            let due = (Int(pid) &+ tick) % max(1, cwdRefreshTicks) == 0
            if !due, let known = cwdByProcess[key] {
                p.cwd = known
            } else {
                p.cwd = reader.cwd(pid)
            }
            if let cwd = p.cwd { next[key] = cwd }
            table.processes[pid] = p
        }
        cwdByProcess = next
    }

    /// Ports each attributed process listens on. Processes are only scanned (their fd links read)
    /// when they are new or when the set of listening sockets changed since the last tick.
    private func listeningPorts(of owner: [Int32: Int], in table: ProcessTable) -> [Int32: Set<Int>] {
        let listening = reader.listeningSockets()
        guard !listening.isEmpty, !owner.isEmpty else {
            lastListening = listening
            socketsByProcess.removeAll()
            return [:]
        }
        let changed = Set(listening.keys) != Set(lastListening.keys)
        lastListening = listening
        var kept: [ProcessKey: [UInt64]] = [:]
        var result: [Int32: Set<Int>] = [:]
        for pid in owner.keys {
            guard let p = table.processes[pid] else { continue }
            let inodes: [UInt64]
            if !changed, let known = socketsByProcess[p.key] {
                inodes = known
            } else {
                inodes = reader.socketInodes(pid).filter { listening[$0] != nil }
            }
            kept[p.key] = inodes
            for inode in inodes { if let port = listening[inode] { result[pid, default: []].insert(port) } }
        }
        socketsByProcess = kept
        return result
    }
}
