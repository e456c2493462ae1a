import Foundation
import VantageCore
import VantageDetector
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// `vantage deploy` and `vantage rollback` (issue 17 §1-§2) where the project is supervised: a
/// release from git, the pipeline's steps in it, the atomic switch of `current`, the restart (or
/// SIGHUP) of the project, which runs from `current`, and its healthcheck, with an automatic
/// rollback when that fails. Every deploy and rollback is a decision on the timeline; a failing step
/// is a Troubleshooting problem with the step's output. Git and the steps run off the actor.
extension Supervisor {
    /// Deploys `ref` (HEAD when nil) of the project's repository. A failing step stops the deploy and
    /// switches nothing; the outcome says so (it is not thrown). Refusals (unknown project, a strategy
    /// not available, another deploy running, no git repository) are thrown.
    public func deploy(_ id: ProjectID, environment: String? = nil, ref: String? = nil) async throws(VantageError) -> DeployOutcome {
        guard let mp = projects[id] else { throw unknown(id) }
        let project = mp.project
        let config = try ProjectConfigReader.read(projectPath: project.path)
        let settings = config.deploy ?? DeploySettings()
        try Self.checkAvailable(settings)
        let layout = ReleaseLayout.of(project, settings: settings, home: paths.home)
        let lock = try DeployLock(layout)
        defer { lock.release() }
        let ref = ref ?? "HEAD"

        let built: Result<Release, VantageError> = await ReadinessChecker.offPool {
            Result { () throws(VantageError) in try ReleaseBuilder.build(repository: project.path, ref: ref, shared: settings.shared, in: layout) }
        }
        let release = try built.get()
        let short = String((release.commit ?? "").prefix(8))
        let steps = settings.steps ?? DeploySteps.defaults(project.kinds, folder: release.path)
        // The steps see the variables the project is launched with (layers, secrets), so a
        // migration reaches the same database.
        let launch = try Self.launchVariables(project: project, environment: environment ?? mp.environment, secrets: secrets,
                                              overrides: [:], port: mp.ports.first)
        let environmentVariables = ProcessInfo.processInfo.environment.filter { $0.key != ProjectMarker.variable }
            .merging(launch.variables.map { ($0.key, $0.value) }) { _, new in new }
        var reports: [StepReport] = []
        for step in steps {
            let report = await ReadinessChecker.offPool {
                StepRunner.run(name: step.name, command: step.command, in: release.path, environment: environmentVariables, timeout: step.timeout)
            }
            reports.append(report)
            guard report.state == .succeeded else {
                try? FileManager.default.removeItem(atPath: release.path)
                let output = report.outputTail.suffix(15).joined(separator: "\n")
                diagnose(id, .error, "deploy of \(mp.name) \(short) stopped at step '\(step.name)' (\(report.note ?? "failed")); nothing was switched. "
                         + "Run `\(step.command)` in the project to see why." + (output.isEmpty ? "" : "\n" + output))
                recordDecision(id, "deploy of \(short) stopped: step '\(step.name)' failed (\(report.note ?? "failed")); \(layout.currentID().map { "release \($0) stays current" } ?? "nothing is deployed")")
                return DeployOutcome(project: mp.name, current: layout.currentID(), release: nil, commit: release.commit, steps: reports,
                                     switched: false, rolledBack: false, succeeded: false,
                                     message: "step '\(step.name)' failed (\(report.note ?? "failed")): nothing was switched; \(layout.currentID().map { "release \($0) is still current" } ?? "nothing is deployed yet")")
            }
        }

        let previous = layout.currentID()
        try layout.activate(release.id)
        recordDecision(id, "deployed \(short) as release \(release.id)\(previous.map { " (was \($0))" } ?? "")")
        if let problem = await reloadAndCheck(id, settings: settings, config: config, environment: environment) {
            guard let previous else {
                diagnose(id, .error, "release \(release.id) of \(mp.name) failed its healthcheck (\(problem)) and there is no earlier release to go back to")
                recordDecision(id, "release \(release.id) failed its healthcheck (\(problem)); no earlier release to roll back to")
                return DeployOutcome(project: mp.name, current: release.id, release: release.id, commit: release.commit, steps: reports,
                                     switched: true, rolledBack: false, succeeded: false,
                                     message: "release \(release.id) is current but failed its healthcheck: \(problem). Fix it and deploy again (no earlier release to roll back to)")
            }
            try layout.activate(previous)
            let back = await reloadAndCheck(id, settings: settings, config: config, environment: environment)
            diagnose(id, .error, "release \(release.id) of \(mp.name) failed its healthcheck (\(problem)); rolled back to \(previous) automatically"
                     + (back.map { ", which fails too: \($0)" } ?? ""))
            recordDecision(id, "rolled back to \(previous) automatically: release \(release.id) failed its healthcheck (\(problem))")
            return DeployOutcome(project: mp.name, current: previous, release: release.id, commit: release.commit, steps: reports,
                                 switched: true, rolledBack: true, succeeded: false,
                                 message: "release \(release.id) failed its healthcheck (\(problem)): rolled back to \(previous) automatically"
                                     + (back.map { "; \(previous) fails its healthcheck too: \($0)" } ?? ""))
        }
        let removed = (try? layout.prune(keep: settings.keep)) ?? []
        return DeployOutcome(project: mp.name, current: release.id, release: release.id, commit: release.commit, steps: reports,
                             switched: true, rolledBack: false, succeeded: true,
                             message: "deployed \(short) as release \(release.id); \(mp.name) runs from it and passed its healthcheck"
                                 + (removed.isEmpty ? "" : "; removed \(removed.count) old release\(removed.count == 1 ? "" : "s")"))
    }

    /// Points `current` back at the previous release (or `release`), restarts the project from it and
    /// checks its health.
    public func rollbackDeploy(_ id: ProjectID, to release: String? = nil) async throws(VantageError) -> DeployOutcome {
        guard let mp = projects[id] else { throw unknown(id) }
        let config = try ProjectConfigReader.read(projectPath: mp.project.path)
        let settings = config.deploy ?? DeploySettings()
        try Self.checkAvailable(settings)
        let layout = ReleaseLayout.of(mp.project, settings: settings, home: paths.home)
        let lock = try DeployLock(layout)
        defer { lock.release() }
        let (from, to) = try layout.rollback(to: release)
        recordDecision(id, "rolled back from \(from ?? "nothing") to release \(to)")
        let problem = await reloadAndCheck(id, settings: settings, config: config, environment: nil)
        if let problem { diagnose(id, .error, "after the rollback to \(to), \(mp.name) fails its healthcheck: \(problem)") }
        return DeployOutcome(project: mp.name, current: to, release: to, commit: layout.commit(of: to), steps: [], switched: true,
                             rolledBack: false, succeeded: problem == nil,
                             message: "rolled back from \(from ?? "nothing") to release \(to)" + (problem.map { "; it fails its healthcheck: \($0)" } ?? "; \(mp.name) passed its healthcheck"))
    }

    /// The project's releases, oldest first.
    public func releases(_ id: ProjectID) throws(VantageError) -> [Release] {
        guard let mp = projects[id] else { throw unknown(id) }
        let config = try ProjectConfigReader.read(projectPath: mp.project.path)
        return ReleaseLayout.of(mp.project, settings: config.deploy, home: paths.home).releases()
    }

    /// The folder the project runs in: `current` (plus `cwd`) once it has been deployed, else its own folder.
    func runDirectory(_ project: Project, config: ProjectConfig) -> String {
        var base = project.path
        if config.deploy != nil {
            let layout = ReleaseLayout.of(project, settings: config.deploy, home: paths.home)
            if layout.currentID() != nil { base = layout.currentLink }
        }
        return config.cwd.map { $0.hasPrefix("/") ? $0 : base + "/" + $0 } ?? base
    }

    static func checkAvailable(_ settings: DeploySettings) throws(VantageError) {
        guard settings.strategy == .release else {
            throw VantageError(.unavailable, "the deploy strategy \"\(settings.strategy.rawValue)\" is not yet available; only \"release\" is",
                               at: settings.strategyLocation, hint: "set strategy = \"release\" in [deploy], or remove the key")
        }
    }

    /// Restarts the project (or sends its processes SIGHUP when `reload = "sighup"` and it runs), then
    /// runs the healthcheck until it passes or `healthcheck_timeout` passes; nil when healthy, else why not.
    private func reloadAndCheck(_ id: ProjectID, settings: DeploySettings, config: ProjectConfig, environment: String?) async -> String? {
        guard let mp = projects[id] else { return "the project is no longer known" }
        let running = [.starting, .running, .ready].contains(mp.state)
        do throws(VantageError) {
            if settings.reload == .sighup && running {
                for process in mp.processes where !process.exited { kill(-process.pid, SIGHUP) }
                recordDecision(id, "sent SIGHUP to \(mp.name) to load the new release")
            } else if running {
                try await restart(id, environment: environment)
            } else {
                try await launch(id, environment: environment)
            }
        } catch {
            return "it did not start: \(error.message)"
        }
        let timeout = settings.healthcheckTimeout
        guard let spec = settings.healthcheck ?? config.readiness ?? ProjectDetector.defaultReadiness(kind: mp.project.primaryKind, ports: projects[id]?.ports ?? []) else {
            // Nothing to probe: healthy when it reaches ready (the supervisor's own grace period).
            let state = await waitFor(id, [.ready, .failed, .stopped], timeout: .seconds(timeout))
            return state == .ready ? nil : "it is \(state?.rawValue ?? "unknown"), not ready, after \(String(format: "%g", timeout)) s"
        }
        guard let current = projects[id] else { return "the project is no longer known" }
        let context = ReadinessChecker.Context(ports: current.ports, directory: runDirectory(current.project, config: config),
                                               environment: ProcessInfo.processInfo.environment, log: logFor(current), logStart: current.logStart)
        var checker = ReadinessChecker(spec, context)
        let deadline = ContinuousClock.now + .seconds(timeout)
        var attempt = 0
        var last = "no probe ran"
        while ContinuousClock.now < deadline {
            if projects[id]?.state == .failed { return "it failed: \(projects[id]?.lastError.last ?? "see its log")" }
            switch await checker.check() {
            case .ready:
                // Healthy; the supervisor's own readiness probe says ready too before the deploy ends.
                let state = await waitFor(id, [.ready, .failed], timeout: max(.milliseconds(100), deadline - ContinuousClock.now))
                return state == .failed ? "it failed: \(projects[id]?.lastError.last ?? "see its log")" : nil
            case .notYet(let seen): last = seen
            case .misconfigured(let problem): return problem
            }
            try? await Task.sleep(for: .seconds(ReadinessChecker.delay(afterAttempt: attempt, interval: config.readinessTiming.interval)))
            attempt += 1
        }
        return "not healthy after \(String(format: "%g", timeout)) s (\(last))"
    }
}
