import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

extension Supervisor {
    /// A process of the project ended on its own: kill the rest of its tree, look for an OOM kill, and
    /// apply the restart policy (backoff, or failed after the maximum tries).
    func processExited(_ id: ProjectID, generation: Int, pid: Int32, status: ExitStatus) async {
        guard let current = projects[id], current.generation == generation, !current.userStopping else { return }
        await acquire(id)
        defer { release(id) }
        guard var mp = projects[id], mp.generation == generation, !mp.userStopping,
              [.starting, .running, .ready].contains(mp.state) else { return }
        let log = logFor(mp)
        let processName = mp.processes.first(where: { $0.pid == pid })?.name ?? "main"
        log.note("\(processName) (pid \(pid)) \(status)")
        mp.readinessTask?.cancel()
        if let i = mp.processes.firstIndex(where: { $0.pid == pid }) { mp.processes[i].exited = true }
        projects[id] = mp

        // The rest of the tree goes too: a project is up as a whole or not at all.
        await terminate(mp, gracePeriod: 2)
        try? await Task.sleep(for: .milliseconds(50)) // let the log readers drain the last lines
        allocator.release(mp.ports, from: id.rawValue)

        var oom = false
        if let kills = mp.cgroup?.oomKills(), kills > mp.oomKillsSeen {
            oom = true
            mp.oomKillsSeen = kills
            let limit = mp.effectiveLimits.memoryBytes.map { " (memory limit \(ByteCount.format($0)))" } ?? ""
            diagnose(id, .error, "\(mp.name) was killed by the kernel's OOM killer\(limit)")
            log.note("OOM kill\(limit)")
        }
        let now = clock.now
        let ranFor = mp.startedAt.map { now.timeIntervalSince($0) } ?? 0
        if ranFor >= mp.config.restart.stableAfter { mp.tries = 0 }
        let errorLines = log.lastLines(12, stderrOnly: false).map(\.text).filter { !$0.hasPrefix("[vantage] state ") }
        mp.lastError = (oom ? ["OOM killed\(mp.effectiveLimits.memoryBytes.map { " at limit \(ByteCount.format($0))" } ?? "")"] : [])
            + Array(errorLines.suffix(10))
        let succeeded = status.isSuccess && !oom
        let policy = mp.config.restart
        projects[id] = mp

        guard policy.shouldRestart(exitSucceeded: succeeded) else {
            releaseCgroup(id)
            projects[id]?.generation += 1
            setState(id, succeeded ? .stopped : .failed)
            if !succeeded { diagnose(id, .error, "\(mp.name) \(status); last lines:\n" + mp.lastError.joined(separator: "\n")) }
            saveRecords()
            return
        }
        mp.tries += 1
        if mp.tries > policy.maxTries {
            projects[id] = mp
            releaseCgroup(id)
            projects[id]?.generation += 1
            setState(id, .failed)
            diagnose(id, .error, "\(mp.name) gave up after \(policy.maxTries) tries (\(status)); last lines:\n" + mp.lastError.joined(separator: "\n"))
            saveRecords()
            return
        }
        let delay = policy.delay(forAttempt: mp.tries)
        mp.backoffDelays.append(delay)
        projects[id] = mp
        setState(id, .backoff)
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .state, project: id,
                                            text: "\(mp.name) \(status); restart \(mp.tries)/\(policy.maxTries) in \(String(format: "%.2f", delay)) s")))
        let clock = self.clock
        projects[id]?.backoffTask = Task { [weak self] in
            try? await clock.sleep(for: .seconds(delay))
            guard !Task.isCancelled else { return }
            await self?.restartAfterBackoff(id, generation: generation)
        }
    }

    /// Removes the empty cgroup of a project that ended for good (a new one is made at the next launch).
    func releaseCgroup(_ id: ProjectID) {
        guard let cg = projects[id]?.cgroup, cg.isEmpty else { return }
        cg.remove()
        projects[id]?.cgroup = nil
    }

    func restartAfterBackoff(_ id: ProjectID, generation: Int) async {
        await acquire(id)
        defer { release(id) }
        guard let mp = projects[id], mp.generation == generation, mp.state == .backoff else { return }
        projects[id]?.restarts += 1
        do {
            try startProcesses(id)
        } catch {
            diagnose(id, .error, "\(error)")
            projects[id]?.lastError = ["\(error)"]
            setState(id, .failed)
        }
    }
}

enum ByteCount {
    static func format(_ bytes: UInt64) -> String {
        let units = ["B", "K", "M", "G", "T"]
        var v = Double(bytes)
        var i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return v == v.rounded() ? "\(Int(v))\(units[i])" : String(format: "%.1f%@", v, units[i])
    }
}
