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
    public let temperatures: TemperatureReader
    public private(set) var projects: [Project]
    private var attribution: ProjectAttribution
    private var rates: ProcessRateTracker
    private var previousSystem: SystemCounters?
    /// Pids never attributed: Vantage itself, and (found each tick) the processes it runs under:
    /// the shell that started `vantage` in a project folder is waiting for Vantage, not running
    /// that project.
    private let excluded: Set<Int32>
    private let excludeAncestors: Bool
    /// Listening sockets seen last tick, and the socket inodes of each process scanned since.
    private var lastListening: [UInt64: Int] = [:]
    private var socketsByProcess: [ProcessKey: [UInt64]] = [:]
    /// The last tick's processes, and which of them belonged to a project.
    private var lastTable: ProcessTable?
    private var lastOwned: Set<Int32> = []
    /// The last tick's owner of each attributed pid (an index into `projects`) and CPU rates, for
    /// a project's process tree between ticks.
    private var lastOwner: [Int32: Int] = [:]
    private var lastRates: [Int32: ProcessRate] = [:]
    private var tick = 0
    /// Processes outside every project are read again (stat and cwd) only every `refreshTicks`
    /// ticks, staggered by pid; so is a known process's cwd. New processes and the processes of
    /// projects are read every tick. This divides the cost of a tick on a quiet machine.
    public var refreshTicks = 5

    public init(projects: [Project], procRoot: String = "/proc", sysRoot: String = "/sys", excluding excluded: Set<Int32> = [getpid()],
                excludeAncestors: Bool = true) {
        self.excludeAncestors = excludeAncestors
        reader = ProcReader(root: procRoot)
        temperatures = TemperatureReader(root: sysRoot)
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
    public func sample(at time: Date) -> (system: SystemSample, projects: [ProjectSample]) {
        let counters = reader.systemCounters()
        var system = SystemSample(time: time, current: counters, previous: previousSystem)
        system.temperatures = temperatures.read()
        previousSystem = counters

        var table = readProcesses()
        let excluded = excludedProcesses(in: table)
        var owner = attribution.assign(table, excluding: excluded)
        if refreshCarriedOver(owned: owner, in: &table) {
            owner = attribution.assign(table, excluding: excluded)
        }
        lastOwned = Set(owner.keys)
        lastOwner = owner
        readTreeFiles(owned: owner, in: &table)
        let perProcess = rates.advance(to: table)
        lastRates = perProcess
        let ports = listeningPorts(of: owner, in: table)
        lastTable = table
        return (system, projectSamples(time: time, table: table, owner: owner, rates: perProcess, ports: ports))
    }

    /// The processes of `project` as the last tick saw them, as a tree (empty before the first
    /// tick, for a project not watched, or one with no process on this machine).
    public func processTree(of project: ProjectID, at time: Date) -> ProcessTree {
        guard let index = projects.firstIndex(where: { $0.id == project }), let table = lastTable else {
            return ProcessTree(project: project, time: time, rows: [])
        }
        let members = Set(lastOwner.compactMap { $0.value == index ? $0.key : nil })
        let reader = self.reader
        let rows = ProcessTreeBuilder.rows(members: members, table: table, rates: lastRates,
                                           ticksPerSecond: reader.ticksPerSecond, commandLine: { reader.commandLine($0) })
        return ProcessTree(project: project, time: time, rows: rows)
    }

    /// A process carried over from an earlier tick that now belongs to a project is read now.
    /// Returns true when the table changed.
    private func refreshCarriedOver(owned owner: [Int32: Int], in table: inout ProcessTable) -> Bool {
        var changed = false
        for pid in owner.keys where table.processes[pid]?.readAt != nil {
            if var p = reader.process(pid, withCWD: false) {
                p.cwd = p.key == table.processes[pid]?.key ? table.processes[pid]?.cwd : reader.cwd(pid)
                table.processes[pid] = p
            } else {
                table.processes[pid] = nil
            }
            changed = true
        }
        if changed {
            table = ProcessTable(processes: table.processes, monotonicSeconds: table.monotonicSeconds,
                                 uptimeSeconds: table.uptimeSeconds)
        }
        return changed
    }

    /// The per-tree files, only for the processes that belong to a project. RSS from statm:
    /// stat's rss field is the kernel's approximate read of per-CPU counters, statm's the exact sum.
    private func readTreeFiles(owned owner: [Int32: Int], in table: inout ProcessTable) {
        for pid in owner.keys {
            guard var p = table.processes[pid] else { continue }
            if let rss = reader.residentBytes(pid) { p.rssBytes = rss }
            if let io = reader.io(pid) {
                p.ioReadBytes = io.read
                p.ioWriteBytes = io.write
            }
            table.processes[pid] = p
        }
    }

    /// One sample per project: the sums over the processes it owns (none: stopped).
    private func projectSamples(time: Date, table: ProcessTable, owner: [Int32: Int], rates perProcess: [Int32: ProcessRate],
                                ports: [Int32: Set<Int>]) -> [ProjectSample] {
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
        return samples
    }

    private func excludedProcesses(in table: ProcessTable) -> Set<Int32> {
        guard excludeAncestors else { return excluded }
        var result = excluded
        for pid in excluded {
            var current = table.processes[pid]?.ppid ?? 0
            while current > 1, result.insert(current).inserted, let parent = table.processes[current] {
                current = parent.ppid
            }
        }
        return result
    }

    /// One pass over the pids: fresh readings for new processes, for the processes of projects
    /// and for those whose turn it is; the last reading for the others.
    private func readProcesses() -> ProcessTable {
        tick &+= 1
        let uptime = reader.uptime()
        let now = ProcReader.monotonicSeconds()
        let pids = reader.processIDs()
        let last = lastTable
        let every = max(1, refreshTicks)
        var processes: [Int32: ProcessReading] = [:]
        processes.reserveCapacity(pids.count)
        for pid in pids {
            let due = (Int(pid) &+ tick) % every == 0
            let known = last?.processes[pid]
            if let known, !due, !lastOwned.contains(pid) {
                var carried = known
                carried.readAt = known.readAt ?? last?.monotonicSeconds
                processes[pid] = carried
                continue
            }
            guard var p = reader.process(pid, withCWD: false) else { continue }
            if !due, let known, known.key == p.key {
                p.cwd = known.cwd
            } else {
                p.cwd = reader.cwd(pid)
            }
            processes[pid] = p
        }
        reader.forgetProcesses(notIn: processes)
        return ProcessTable(processes: processes, monotonicSeconds: now, uptimeSeconds: uptime)
    }

    /// Ports each attributed process listens on. Finding a socket's owner means reading the fd
    /// links of processes, so a process is scanned only when it has lived one tick (short-lived
    /// processes such as compilers never are) and then again only when a new listening socket
    /// appears somewhere; otherwise its last answer stands, minus sockets that closed.
    private func listeningPorts(of owner: [Int32: Int], in table: ProcessTable) -> [Int32: Set<Int>] {
        guard !owner.isEmpty else {
            lastListening = [:]
            socketsByProcess.removeAll()
            return [:]
        }
        let listening = reader.listeningSockets()
        let appeared = listening.keys.contains { lastListening[$0] == nil }
        lastListening = listening
        var kept: [ProcessKey: [UInt64]] = [:]
        var result: [Int32: Set<Int>] = [:]
        for pid in owner.keys {
            guard let p = table.processes[pid] else { continue }
            let known = socketsByProcess[p.key]
            let inodes: [UInt64]
            if let known, !appeared {
                inodes = known.filter { listening[$0] != nil }
            } else if known != nil || lastTable?.processes[pid]?.key == p.key {
                inodes = listening.isEmpty ? [] : reader.socketInodes(pid).filter { listening[$0] != nil }
            } else {
                continue    // first tick of this process: scanned next tick if it is still there
            }
            kept[p.key] = inodes
            for inode in inodes { if let port = listening[inode] { result[pid, default: []].insert(port) } }
        }
        socketsByProcess = kept
        return result
    }
}
