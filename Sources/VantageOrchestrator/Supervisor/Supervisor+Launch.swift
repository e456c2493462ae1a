import Foundation
import VantageCore
import VantageFormats
import VantageDetector
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

extension Supervisor {
    func launch(_ id: ProjectID, environment: String?, overrides: [String: String]?, visiting: Set<ProjectID>) async throws(VantageError) {
        guard projects[id] != nil else { throw unknown(id) }
        await acquire(id)
        defer { release(id) }
        guard var mp = projects[id] else { throw unknown(id) }
        if [.starting, .running, .ready].contains(mp.state) {
            if environment == nil || environment == mp.environment { return } // never a duplicate
        }
        mp.backoffTask?.cancel()
        mp.backoffTask = nil
        do {
            mp.config = try ProjectConfigReader.read(projectPath: mp.project.path, lastGood: lastGoodConfigs)
        } catch {
            projects[id] = mp
            launchFailed(id, error)
            throw error
        }
        if let environment, environment != mp.environment {
            mp.environment = environment
            projects[id] = mp
            saveSettings()
        }
        if let overrides { mp.overrides = overrides }
        mp.tries = 0
        mp.backoffDelays = []
        mp.lastError = []
        projects[id] = mp

        do {
            try await startDependencies(of: id, visiting: visiting.union([id]))
            try startProcesses(id)
        } catch {
            launchFailed(id, error)
            throw error
        }
    }

    /// A launch that failed before the project ran: said on the bus, kept as the last error, and
    /// written to the project's log, where `troubleshoot` and the Troubleshooting pane read it.
    private func launchFailed(_ id: ProjectID, _ error: VantageError) {
        if let mp = projects[id] { logFor(mp).append(ProjectLogFile.launchFailedNote + "\(error)", stream: .stderr) }
        projects[id]?.lastError = ["\(error)"]
        diagnose(id, .error, "\(error)")
        setState(id, .failed)
    }

    private func startDependencies(of id: ProjectID, visiting: Set<ProjectID>) async throws(VantageError) {
        guard let mp = projects[id] else { return }
        for dep in mp.config.dependsOn {
            guard let depID = projects.values.first(where: { $0.name == dep.name })?.id else {
                throw VantageError(.config, "\(mp.name) depends on \"\(dep.name)\", which is not a known project",
                                   at: SourceLocation(file: mp.config.file ?? mp.project.path, field: "depends_on"),
                                   hint: "known projects: \(projects.values.map(\.name).sorted().joined(separator: ", "))")
            }
            if visiting.contains(depID) {
                throw VantageError(.config, "dependency cycle: \(mp.name) and \(dep.name) depend on each other",
                                   at: SourceLocation(file: mp.config.file ?? mp.project.path, field: "depends_on"))
            }
            let state = projects[depID]?.state ?? .stopped
            let alreadyDone = dep.condition == .completed && state == .stopped && projects[depID]?.lastError.isEmpty == true && projects[depID]?.startedAt != nil
            if !alreadyDone && ![.starting, .running, .ready].contains(state) {
                try await launch(depID, environment: nil, overrides: nil, visiting: visiting)
            }
            let wanted: Set<RunState>
            switch dep.condition {
            case .started: wanted = [.running, .ready]
            case .healthy: wanted = [.ready]
            case .completed: wanted = [.stopped]
            }
            let timeout = options.readinessTimeout ?? projects[depID]?.config.readinessTiming.timeout ?? 60
            let reached = await waitFor(depID, wanted.union([.failed]), timeout: .seconds(timeout))
            guard let reached, wanted.contains(reached) else {
                throw VantageError(.unavailable, "\(mp.name) waits for \(dep.name) to be \(dep.condition.rawValue), but it is \(reached?.rawValue ?? "unknown")")
            }
        }
    }

    /// Spawns the project's processes (used by launch and by restarts after backoff). Caller holds the lock.
    func startProcesses(_ id: ProjectID) throws(VantageError) {
        guard var mp = projects[id] else { throw unknown(id) }
        let log = logFor(mp)
        let project = mp.project
        let config = mp.config
        let secretValues = try secrets?.values(project: mp.name, environment: mp.environment) ?? [:]
        let layers = try EnvironmentLayers.resolve(projectPath: project.path, config: config, environment: mp.environment,
                                                   secrets: secretValues, overrides: mp.overrides)
        let directory = runDirectory(project, config: config)
        let declaredPort = layers.last(where: { $0.key == "PORT" }).flatMap { Int($0.value) }
        let plan = try LaunchPlan.make(project: project, config: config, directory: directory, declaredPort: declaredPort)

        var base = ProcessInfo.processInfo.environment
        base.removeValue(forKey: ProjectMarker.variable)
        for (k, v) in plan.kindEnvironment { base[k] = v }
        for v in layers { base[v.key] = v.value }

        // Ports: the preferred one when free, else the next free one, as a recorded decision.
        allocator.release(mp.ports, from: id.rawValue)
        var ports: [Int?] = []
        var decisions: [String] = []
        for process in plan.processes {
            guard let preferred = process.preferredPort else { ports.append(nil); continue }
            guard let a = allocator.assign(preferred: preferred, to: id.rawValue, avoiding: portsDeclared(byOthersThan: id)) else {
                throw VantageError(.conflict, "no free port from \(preferred) up for \(mp.name)")
            }
            if a.wasReassigned {
                let label = plan.processes.count > 1 ? "\(mp.name)/\(process.name)" : mp.name
                var holder = a.holder ?? "owner unknown"
                for other in projects.values where holder.contains("project \(other.id.rawValue)") {
                    holder = holder.replacingOccurrences(of: "project \(other.id.rawValue)", with: "project \(other.name)")
                }
                decisions.append("\(label): \(a.preferred) busy (\(holder)), assigned \(a.assigned)")
            }
            ports.append(a.assigned)
        }
        if let first = ports.compactMap({ $0 }).first { base["PORT"] = String(first) }
        do {
            _ = try TemplateRenderer.renderAll(config.templates, projectPath: project.path, variables: base)
        } catch {
            allocator.release(ports.compactMap { $0 }, from: id.rawValue)
            throw error
        }
        log.setRedactor(LogRedactor(secrets: Array(secretValues.values)))

        if options.useCgroups && mp.cgroup == nil {
            mp.cgroup = ProjectCgroup.create(name: ProjectFileName.cgroupName(project, home: paths.home), root: options.cgroupRoot)
        }
        mp.cgroup?.apply(mp.effectiveLimits)
        if mp.throttled { mp.cgroup?.setCPUQuota(min(options.pressure.throttledCPU, mp.effectiveLimits.cpus ?? .infinity)) }
        mp.oomKillsSeen = mp.cgroup?.oomKills() ?? 0
        mp.generation += 1
        mp.userStopping = false
        mp.processes = []
        mp.ports = ports.compactMap { $0 }
        mp.logStart = log.nextSequence
        let generation = mp.generation
        let marker = ProjectFileName.cgroupName(project, home: paths.home)
        projects[id] = mp
        for d in decisions { recordDecision(id, d) }
        if !mp.ports.isEmpty { bus.publish(.portsInUse(project: id, ports: mp.ports)) }
        setState(id, .starting)

        var started: [RunningProcess] = []
        for (i, process) in plan.processes.enumerated() {
            var env = base
            if let port = ports[i] { env["PORT"] = String(port) }
            env[ProjectMarker.variable] = marker
            let fifoBase = "\(paths.home)/run/\(ProjectFileName.of(project)).\(process.name)"
            do throws(VantageError) {
                let outFD = try OutputCapture.childDescriptor(fifo: fifoBase + ".out")
                let errFD: Int32
                do { errFD = try OutputCapture.childDescriptor(fifo: fifoBase + ".err") } catch { close(outFD); throw error }
                let gated: GatedProcess
                do {
                    gated = try ProcessLauncher.spawn(SpawnRequest(command: process.command, directory: directory, environment: env,
                                                                   stdoutFD: outFD, stderrFD: errFD))
                } catch { close(outFD); close(errFD); throw error }
                // Several processes (a Procfile): each line says which one wrote it.
                let processName = plan.processes.count > 1 ? process.name : nil
                OutputCapture.startReading(fifo: fifoBase + ".out", stream: .stdout, process: processName, into: log)
                OutputCapture.startReading(fifo: fifoBase + ".err", stream: .stderr, process: processName, into: log)
                close(outFD)
                close(errFD)
                mp.cgroup?.add(gated.pid)
                ResourceApplier.apply(priority: config.priority, limits: mp.effectiveLimits, to: gated.pid)
                gated.open()
                let pid = gated.pid
                let startTicks = ProcessLookup.stat(pid)?.startTicks ?? 0
                started.append(RunningProcess(name: process.name, pid: pid, startTicks: startTicks, port: ports[i]))
                log.note("started \(process.name) (pid \(pid))\(ports[i].map { " on port \($0)" } ?? ""): \(process.command)")
                ExitWatcher.watch(pid) { [weak self] status in
                    Task { await self?.processExited(id, generation: generation, pid: pid, status: status) }
                }
            } catch {
                // Undo what was started: no half-launched project.
                for p in started { kill(-p.pid, SIGKILL) }
                mp.cgroup?.signalAll(SIGKILL)
                allocator.release(mp.ports, from: id.rawValue)
                projects[id]?.processes = started
                throw error
            }
        }
        projects[id]?.processes = started
        projects[id]?.startedAt = clock.now
        setState(id, .running)
        saveRecords()
        startReadiness(id, generation: generation)
    }

    func startReadiness(_ id: ProjectID, generation: Int) {
        guard let mp = projects[id] else { return }
        let spec = mp.config.readiness ?? ProjectDetector.defaultReadiness(kind: mp.project.primaryKind, ports: mp.ports)
        guard let spec else {
            // Nothing to probe: ready once it has stayed up for a moment (a crash at start never shows ready).
            let grace = options.noProbeGrace
            projects[id]?.readinessTask = Task { [weak self] in
                try? await Task.sleep(for: .seconds(grace))
                guard !Task.isCancelled else { return }
                await self?.markReady(id, generation: generation)
            }
            return
        }
        let env = ProcessInfo.processInfo.environment
        let ctx = ReadinessChecker.Context(ports: mp.ports, directory: mp.project.path, environment: env,
                                           log: logFor(mp), logStart: mp.logStart)
        let interval = mp.config.readinessTiming.interval
        let timeout = options.readinessTimeout ?? mp.config.readinessTiming.timeout
        projects[id]?.readinessTask = Task { [weak self] in
            var checker = ReadinessChecker(spec, ctx)
            let deadline = ContinuousClock.now + .seconds(timeout)
            var attempt = 0
            var last = "no probe ran"
            while !Task.isCancelled && ContinuousClock.now < deadline {
                switch await checker.check() {
                case .ready:
                    await self?.markReady(id, generation: generation)
                    return
                case .notYet(let seen):
                    last = seen
                case .misconfigured(let problem):
                    if !Task.isCancelled { await self?.readinessMisconfigured(id, generation: generation, problem) }
                    return
                }
                try? await Task.sleep(for: .seconds(ReadinessChecker.delay(afterAttempt: attempt, interval: interval)))
                attempt += 1
            }
            if !Task.isCancelled { await self?.readinessTimedOut(id, generation: generation, after: timeout, lastSeen: last) }
        }
    }

    func markReady(_ id: ProjectID, generation: Int) {
        guard let mp = projects[id], mp.generation == generation, mp.state == .running else { return }
        setState(id, .ready)
    }

    func readinessTimedOut(_ id: ProjectID, generation: Int, after seconds: Double, lastSeen: String) {
        guard let mp = projects[id], mp.generation == generation, mp.state == .running else { return }
        diagnose(id, .warning, "\(mp.name) runs but is not ready after \(Int(seconds)) s (probe: \(ReadinessDescription.of(mp.config.readiness, ports: mp.ports)); last: \(lastSeen))")
    }

    /// The probe cannot work (a pattern over its budget): said once as a configuration problem; the
    /// project keeps running, not ready.
    func readinessMisconfigured(_ id: ProjectID, generation: Int, _ problem: String) {
        guard let mp = projects[id], mp.generation == generation, mp.state == .running else { return }
        let file = mp.config.file ?? mp.project.path + "/" + ProjectConfigReader.fileName
        diagnose(id, .error, "\(mp.name): readiness cannot be checked: \(problem) (\(file))")
    }
}

/// A readiness probe as a person reads it: "GET / on port 4105", "TCP connect to port 4105".
enum ReadinessDescription {
    static func of(_ spec: ReadinessSpec?, ports: [Int]) -> String {
        let first = ports.first.map { "port \($0)" } ?? "no port"
        switch spec ?? .tcp(port: nil) {
        case .tcp(let p): return "TCP connect to \(p.map { "port \($0)" } ?? first)"
        case .http(let path, let p): return "GET \(path) on \(p.map { "port \($0)" } ?? first)"
        case .exec(let command): return "`\(command)` exits 0"
        case .logLine(let pattern): return "an output line matches \(pattern)"
        }
    }
}
