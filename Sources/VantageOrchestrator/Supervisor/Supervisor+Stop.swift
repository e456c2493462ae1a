import Foundation
import VantageCore
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

extension Supervisor {
    /// Freezes the project's processes in place (`pause`) or lets them continue, at the user's
    /// request. It needs the project's cgroup (the freezer); the pressure governor leaves a project
    /// the user paused alone.
    public func setPaused(_ id: ProjectID, _ pause: Bool) async throws(VantageError) {
        guard projects[id] != nil else { throw unknown(id) }
        await acquire(id)
        defer { release(id) }
        guard let mp = projects[id] else { return }
        if pause {
            guard mp.stateBeforeUserPause == nil else { return }
            guard mp.state.isUp, mp.state != .stopping else {
                throw VantageError(.conflict, "\(mp.name) is not running (\(mp.state.rawValue)), so there is nothing to pause")
            }
            guard let cgroup = mp.cgroup, cgroup.freeze(true) else {
                throw VantageError(.unavailable, "\(mp.name) cannot be paused: it has no cgroup with a freezer on this machine",
                                   hint: "stop it instead")
            }
            projects[id]?.stateBeforeUserPause = mp.state
            setState(id, .paused)
            recordDecision(id, "\(mp.name): paused by the user")
        } else {
            guard let before = mp.stateBeforeUserPause else { return }
            mp.cgroup?.freeze(false)
            projects[id]?.stateBeforeUserPause = nil
            setState(id, before)
            recordDecision(id, "\(mp.name): resumed by the user")
        }
    }

    /// Ends the project at once: SIGKILL to every process, no grace period, then as `stop`.
    public func killNow(_ id: ProjectID) async throws(VantageError) {
        guard projects[id] != nil else { throw unknown(id) }
        await acquire(id)
        defer { release(id) }
        if let name = projects[id]?.name { recordDecision(id, "\(name): killed by the user (SIGKILL)") }
        await performStop(id, gracePeriod: 0)
    }

    /// Caller holds the project's lock. `gracePeriod` overrides the time between SIGTERM and SIGKILL.
    func performStop(_ id: ProjectID, gracePeriod: Double? = nil) async {
        guard var mp = projects[id] else { return }
        mp.backoffTask?.cancel()
        mp.backoffTask = nil
        mp.readinessTask?.cancel()
        mp.readinessTask = nil
        mp.userStopping = true
        mp.generation += 1
        projects[id] = mp
        if mp.paused || mp.stateBeforeUserPause != nil {
            mp.cgroup?.freeze(false)
            projects[id]?.paused = false
            projects[id]?.stateBeforeUserPause = nil
        }
        let leftovers = remainingProcesses(mp)
        if !leftovers.isEmpty || mp.state.isUp {
            setState(id, .stopping)
            let timeout = gracePeriod ?? options.stopTimeout ?? mp.config.stopTimeout
            await terminate(mp, gracePeriod: timeout)
            let busy = await waitForPortsFree(mp.ports)
            for port in busy {
                diagnose(id, .warning, "\(mp.name) is stopped but port \(port) is still in use (\(PortOwner.find(port: port)?.description ?? "owner unknown"))")
            }
        }
        allocator.release(mp.ports, from: id.rawValue)
        projects[id]?.processes = []
        projects[id]?.userStopping = false
        projects[id]?.cgroup?.remove()
        projects[id]?.cgroup = nil
        if mp.state != .failed || !leftovers.isEmpty { setState(id, .stopped) }
        logFor(mp).note("stopped")
        saveRecords()
    }

    /// Live processes of the project: its cgroup, its process groups, and (without a cgroup) every
    /// process that carries its marker. Zombies that reparented to us are reaped on the way.
    /// `groups`: every process by its group, read once for a whole tick (`ProcessLookup.processGroups`);
    /// nil reads /proc for this project alone.
    func remainingProcesses(_ mp: ManagedProject, groups: [pid_t: [pid_t]]? = nil) -> [pid_t] {
        var found = Set<pid_t>()
        if let cg = mp.cgroup { found.formUnion(cg.pids()) }
        for p in mp.processes where kill(-p.pid, 0) == 0 {
            found.formUnion(groups.map { $0[p.pid] ?? [] } ?? ProcessLookup.members(ofGroup: p.pid))
        }
        if mp.cgroup == nil {
            found.formUnion(ProcessLookup.pids(withEnvironmentEntry: ProjectMarker.entry(ProjectFileName.cgroupName(mp.project, home: paths.home))))
        }
        let mains = Set(mp.processes.map(\.pid))
        var live: [pid_t] = []
        for pid in found where pid != getpid() {
            if ProcessLookup.isZombie(pid) {
                if !mains.contains(pid) { ExitWatcher.reapIfZombieChild(pid) }
                continue
            }
            if LinuxCalls.isAlive(pid) { live.append(pid) }
        }
        return live.sorted()
    }

    /// SIGTERM to every process group and every process of the cgroup; after the grace period SIGKILL,
    /// repeated until nothing is left (a process that forks while dying is caught on the next pass).
    func terminate(_ mp: ManagedProject, gracePeriod: Double) async {
        func signalAll(_ sig: Int32) {
            for p in mp.processes { kill(-p.pid, sig) }
            for pid in remainingProcesses(mp) { kill(pid, sig) }
        }
        signalAll(SIGTERM)
        let graceDeadline = ContinuousClock.now + .seconds(gracePeriod)
        while ContinuousClock.now < graceDeadline {
            if remainingProcesses(mp).isEmpty { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        logFor(mp).note("still running \(gracePeriod) s after SIGTERM: sending SIGKILL")
        let killDeadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < killDeadline {
            mp.cgroup?.freeze(true)
            signalAll(SIGKILL)
            mp.cgroup?.freeze(false)
            mp.cgroup?.killAll()
            if remainingProcesses(mp).isEmpty { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        diagnose(mp.id, .error, "some processes of \(mp.name) survived SIGKILL: \(remainingProcesses(mp))")
    }

    /// Waits until every port is free; returns those still busy at the deadline.
    func waitForPortsFree(_ ports: [Int]) async -> [Int] {
        let deadline = ContinuousClock.now + .seconds(options.portFreeTimeout)
        while ContinuousClock.now < deadline {
            if ports.allSatisfy({ PortProbe.isFree($0) }) { return [] }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return ports.filter { !PortProbe.isFree($0) }
    }
}
