import Foundation
import VantageCore
import VantageFormats
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

extension Supervisor {
    /// One tick: CPU and memory of every running project, OOM kills that did not end the main process,
    /// and the pressure governor.
    func monitorTick() async {
        let now = ContinuousClock.now
        // One walk of /proc for every project's process groups (it was one per project per tick:
        // half of an idle daemon's CPU with 12 projects on a busy machine).
        var groups: [pid_t: [pid_t]]?
        for id in projects.keys {
            guard var mp = projects[id], [.starting, .running, .ready].contains(mp.state) else { continue }
            if groups == nil { groups = ProcessLookup.processGroups() }
            let pids = remainingProcesses(mp, groups: groups)
            let readings = ProcessLookup.stats(pids)
            var nanos: UInt64 = 0
            if let n = mp.cgroup?.cpuNanoseconds() { nanos = n }
            else {
                let ticks = readings.map(\.cpuTicks).reduce(0, +)
                nanos = UInt64(Double(ticks) / ProcessLookup.ticksPerSecond * 1e9)
            }
            if let last = mp.lastCPUSample {
                let elapsed = Double((now - last.time).components.attoseconds) / 1e18 + Double((now - last.time).components.seconds)
                if elapsed > 0, nanos >= last.nanos { mp.cpuPercent = Double(nanos - last.nanos) / 1e9 / elapsed * 100 }
            }
            mp.lastCPUSample = (now, nanos)
            mp.rssBytes = readings.map(\.rssBytes).reduce(0, +)
            mp.history.append(cpu: mp.cpuPercent, memory: mp.rssBytes)
            var read: UInt64 = 0, written: UInt64 = 0
            for pid in pids {
                let io = ProcessLookup.io(pid) ?? (0, 0)
                read += io.read
                written += io.write
            }
            if let last = mp.lastIOSample {
                let elapsed = Double((now - last.time).components.seconds) + Double((now - last.time).components.attoseconds) / 1e18
                if elapsed > 0 {
                    mp.ioReadBytesPerSec = read >= last.read ? Double(read - last.read) / elapsed : 0
                    mp.ioWriteBytesPerSec = written >= last.write ? Double(written - last.write) / elapsed : 0
                }
            }
            mp.lastIOSample = (now, read, written)
            mp.recentErrorLines = logFor(mp).lastLines(ProjectLog.tailCapacity).filter { LogSeverity.isError($0.text) }.count
            if let kills = mp.cgroup?.oomKills(), kills > mp.oomKillsSeen {
                mp.oomKillsSeen = kills
                let limit = mp.effectiveLimits.memoryBytes.map { " (limit \(ByteCount.format($0)))" } ?? ""
                diagnose(id, .error, "the OOM killer killed a process of \(mp.name)\(limit)")
                logFor(mp).note("OOM kill\(limit)")
            }
            projects[id] = mp
        }
        if options.pressure.enabled { applyPressurePolicy() }
    }

    /// Sets a project's limits now (cgroup and rlimits of its running processes) and for its next runs.
    public func setLimits(_ id: ProjectID, _ limits: ResourceLimits) throws(VantageError) {
        guard var mp = projects[id] else { throw unknown(id) }
        mp.limitsOverride = mp.limitsOverride.merged(with: limits)
        if mp.cgroup == nil, options.useCgroups, mp.state.isUp {
            mp.cgroup = ProjectCgroup.create(name: ProjectFileName.cgroupName(mp.project, home: paths.home), root: options.cgroupRoot)
            for pid in remainingProcesses(mp) { mp.cgroup?.add(pid) }
        }
        mp.cgroup?.apply(mp.effectiveLimits)
        if mp.throttled { mp.cgroup?.setCPUQuota(min(options.pressure.throttledCPU, mp.effectiveLimits.cpus ?? .infinity)) }
        for pid in remainingProcesses(mp) { ResourceApplier.apply(priority: mp.config.priority, limits: mp.effectiveLimits, to: pid) }
        projects[id] = mp
        recordDecision(id, "\(mp.name): limits set to \(LimitText.describe(mp.effectiveLimits))")
        saveRecords()
        saveSettings()
    }

    /// CPU and memory forecasts and recommended limits for a project, from its recorded usage.
    public func prediction(_ id: ProjectID) throws(VantageError) -> ResourcePrediction {
        guard let mp = projects[id] else { throw unknown(id) }
        return ResourcePrediction.make(history: mp.history, memoryLimit: mp.effectiveLimits.memoryBytes,
                                       sampleInterval: options.monitorInterval)
    }
}

enum LimitText {
    static func describe(_ l: ResourceLimits) -> String {
        var parts: [String] = []
        if let c = l.cpus { parts.append("cpu \(c)") }
        if let m = l.memoryBytes { parts.append("memory \(ByteCount.format(m))") }
        if let p = l.pids { parts.append("pids \(p)") }
        if let f = l.openFiles { parts.append("nofile \(f)") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
