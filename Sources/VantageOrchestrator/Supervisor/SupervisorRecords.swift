import Foundation
import VantageCore
import VantageFormats
import VantageProbes

/// What the supervisor remembers on disk about the projects it runs, so that a supervisor started
/// after a crash can adopt them (or mark them lost) instead of starting duplicates.
struct SupervisorRecords: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var project: Project
        var processes: [RunningProcess]
        var ports: [Int]
        var cgroup: ProjectCgroup?
        var environment: String
        var startedAt: Date?
        var restarts: Int
        var decisions: [String]
        var limits: ResourceLimits
    }
    var supervisorPid: Int32
    var entries: [Entry]

    static func path(_ paths: VantagePaths) -> String { paths.home + "/supervisor-state.json" }

    static func load(_ paths: VantagePaths) -> SupervisorRecords? {
        guard let data = FileManager.default.contents(atPath: path(paths)) else { return nil }
        return try? JSONDecoder().decode(SupervisorRecords.self, from: data)
    }

    /// Written to a temporary file (0600) and renamed, so a crash never leaves half a file.
    func save(_ paths: VantagePaths) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? AtomicFile.write(data, to: Self.path(paths))
    }
}

extension Supervisor {
    func saveRecords() {
        let entries = projects.values.filter { !$0.processes.isEmpty && $0.state != .stopped && $0.state != .failed }.map {
            SupervisorRecords.Entry(project: $0.project, processes: $0.processes.filter { !$0.exited }, ports: $0.ports, cgroup: $0.cgroup,
                                    environment: $0.environment, startedAt: $0.startedAt, restarts: $0.restarts,
                                    decisions: $0.decisions, limits: $0.limitsOverride)
        }
        SupervisorRecords(supervisorPid: getpid(), entries: entries.sorted { $0.project.name < $1.project.name }).save(paths)
    }

    /// Reads the records left by an earlier supervisor: projects whose processes (same pid and start
    /// time) or cgroup are still alive are adopted as running; the others are marked lost.
    /// Returns the names adopted and lost.
    @discardableResult
    public func adoptFromRecords() async -> (adopted: [String], lost: [String]) {
        var records = SupervisorRecords.load(paths) ?? SupervisorRecords(supervisorPid: 0, entries: [])
        // Projects with no record whose own cgroup still holds processes (the records were lost).
        if options.useCgroups {
            for mp in projects.values where !records.entries.contains(where: { $0.project.id == mp.id }) && !mp.state.isUp {
                guard let cg = ProjectCgroup.existing(name: ProjectFileName.cgroupName(mp.project, home: paths.home), root: options.cgroupRoot) else { continue }
                let pids = cg.pids().filter { !ProcessLookup.isZombie($0) }
                guard !pids.isEmpty else { cg.remove(); continue }
                let leaders = pids.filter { ProcessLookup.stat($0)?.pgid == $0 }
                let mains = (leaders.isEmpty ? [pids[0]] : leaders).enumerated().map { i, pid in
                    RunningProcess(name: i == 0 ? "main" : "process\(i + 1)", pid: pid, startTicks: ProcessLookup.stat(pid)?.startTicks ?? 0)
                }
                records.entries.append(SupervisorRecords.Entry(project: mp.project, processes: mains, ports: ProcessLookup.listeningPorts(of: pids),
                                                               cgroup: cg, environment: mp.environment, startedAt: nil, restarts: 0,
                                                               decisions: [], limits: ResourceLimits()))
            }
        }
        var adopted: [String] = []
        var lost: [String] = []
        for entry in records.entries {
            let id = entry.project.id
            if projects[id] == nil { projects[id] = ManagedProject(project: entry.project) }
            guard var mp = projects[id] else { continue }
            mp.config = (try? ProjectConfigReader.read(projectPath: mp.project.path, lastGood: lastGoodConfigs)) ?? ProjectConfig()
            let alive = entry.processes.filter { p in
                guard let s = ProcessLookup.stat(p.pid), !s.isZombie else { return false }
                return p.startTicks == 0 || s.startTicks == p.startTicks
            }
            let cgroupPids = entry.cgroup?.pids() ?? []
            mp.environment = entry.environment
            mp.restarts = entry.restarts
            mp.decisions = entry.decisions
            mp.limitsOverride = entry.limits
            mp.cgroup = entry.cgroup.flatMap { cgroupPids.isEmpty && alive.isEmpty ? nil : $0 }
            if alive.isEmpty && cgroupPids.isEmpty {
                entry.cgroup?.remove()
                projects[id] = mp
                setState(id, .lost)
                diagnose(id, .warning, "\(mp.name) was running under an earlier supervisor and is gone")
                lost.append(mp.name)
                continue
            }
            mp.processes = alive.isEmpty ? entry.processes : alive
            mp.ports = entry.ports
            for port in entry.ports { allocator.reserve(port, for: id.rawValue) }
            mp.startedAt = entry.startedAt
            mp.generation += 1
            let generation = mp.generation
            let log = logFor(mp)
            mp.logStart = log.nextSequence
            projects[id] = mp
            for p in mp.processes {
                let fifoBase = "\(paths.home)/run/\(ProjectFileName.of(mp.project)).\(p.name)"
                let processName = mp.processes.count > 1 ? p.name : nil
                OutputCapture.startReading(fifo: fifoBase + ".out", stream: .stdout, process: processName, into: log)
                OutputCapture.startReading(fifo: fifoBase + ".err", stream: .stderr, process: processName, into: log)
                let pid = p.pid
                ExitWatcher.watch(pid) { [weak self] status in
                    Task { await self?.processExited(id, generation: generation, pid: pid, status: status) }
                }
            }
            setState(id, .running)
            log.note("adopted from an earlier supervisor (pids \(mp.processes.map(\.pid)))")
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, project: id, text: "\(mp.name) adopted after a supervisor restart")))
            startReadiness(id, generation: generation)
            adopted.append(mp.name)
        }
        saveRecords()
        return (adopted.sorted(), lost.sorted())
    }
}
