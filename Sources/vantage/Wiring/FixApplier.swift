import Foundation
import VantageCore
import VantageFormats
import VantageKnowledge
import VantageOrchestrator
import VantageStore

/// The one code path that applies a troubleshooting suggestion's automated fix, used by
/// `vantage troubleshoot fix` (after its own questions) and by the dashboard's `F` (through
/// `FixActor`, after the screen's confirmation). Restarts and limits go through the running
/// supervisor's control socket, so the CLI and the screen reach the same supervisor.
struct FixApplier: Sendable {
    struct Outcome: Sendable, Equatable {
        var succeeded: Bool
        /// False when nothing was changed (no value for a variable, no supervisor to restart
        /// through): such an attempt says nothing about the fix, so it is not remembered.
        var applied: Bool = true
        /// One line for a person ("installed requests with pip", "DATABASE_URL written to …/.env").
        var summary: String
        /// Commands run or files written, in order.
        var steps: [String] = []
        /// A tool's output, kept for when it fails.
        var output: String = ""
    }

    /// The memory limit `raise_memory_limit` would set.
    struct MemoryPlan: Sendable {
        var limits: ResourceLimits
        var current: UInt64
        var raised: UInt64
    }

    var paths: VantagePaths
    /// Folders to rescan for projects when judging a restart (empty: the stored projects).
    var roots: [String] = []
    /// How long a restarted project runs before the fix is judged.
    var settle: Duration = .seconds(5)

    // MARK: the fix as a whole (no questions: the caller has asked)

    func apply(_ fix: FixAction, suggestion: Suggestion, project: Project?, name: String, value: String? = nil) async -> Outcome {
        do {
            switch fix {
            case .installDependency(let package, let manager):
                guard let project else { throw VantageError(.notFound, "cannot find the folder of \(name) to install \(package) into") }
                return await offPool { install(package, manager, project: project) }
            case .reassignPort, .restartWithBackoff:
                _ = try await offPool { try restart(name) }
                return await judgeRestart(name: name, suggestion: suggestion)
            case .raiseMemoryLimit:
                let plan = try await offPool { try memoryPlan(name) }
                try await offPool { try raiseMemoryLimit(name, plan) }
                let judged = await judgeRestart(name: name, suggestion: suggestion)
                return Outcome(succeeded: judged.succeeded,
                               summary: "memory limit \(mebibytes(plan.current)) -> \(mebibytes(plan.raised)); " + judged.summary)
            case .fillEnvFromOtherEnvironment(let key):
                guard let project else { throw VantageError(.notFound, "cannot find the folder of \(name) to write \(key) into") }
                let filled = try MissingVariableFill.fill(key, value: value, projectPath: project.path)
                let written = "\(key) written to \(filled.file) (value \(filled.source == "typed" ? "typed" : "from " + filled.source))"
                // A project the supervisor runs restarts with it; otherwise it is there for the next start.
                guard (try? await offPool { try restart(name) }) != nil else {
                    return Outcome(succeeded: true, summary: written + "; start \(name) to use it", steps: [filled.file])
                }
                let judged = await judgeRestart(name: name, suggestion: suggestion)
                return Outcome(succeeded: judged.succeeded, summary: written + "; " + judged.summary, steps: [filled.file])
            }
        } catch {
            return Outcome(succeeded: false, applied: false, summary: "\(error)")
        }
    }

    // MARK: the steps, for the CLI's questions in between

    func install(_ package: String, _ manager: PackageManager, project: Project) -> Outcome {
        let result = DependencyInstaller.install(package, manager: manager, projectPath: project.path)
        return Outcome(succeeded: result.succeeded,
                       summary: result.succeeded ? "installed \(package) with \(manager.rawValue) into \(manager.environment)"
                                                 : "\(manager.rawValue) could not install \(package)",
                       steps: result.commands, output: result.output)
    }

    /// Restarts `name` through the supervisor (which moves a project off a busy port at launch and
    /// applies its restart backoff); returns its status rows.
    @discardableResult
    func restart(_ name: String) throws -> [ProjectStatus] {
        let response = try ControlClient.request(paths, .restart(name: name, environment: nil))
        switch response {
        case .status(let rows): return rows
        case .error(let message): throw VantageError(.unavailable, message)
        default: return []
        }
    }

    func memoryPlan(_ name: String) throws -> MemoryPlan {
        guard case .status(let rows) = try ControlClient.request(paths, .ps), let row = rows.first(where: { $0.name == name }) else {
            throw VantageError(.notFound, "the supervisor does not run \(name)", hint: "check the name with vantage ps")
        }
        guard let current = row.limits.memoryBytes else {
            throw VantageError(.unavailable, "\(name) has no memory limit set by Vantage, so there is none to raise",
                               hint: "the machine itself ran out of memory: stop other projects or find what grows")
        }
        // The recommended amount: the forecast's recommendation when it is higher, else half as much again.
        var recommended: UInt64?
        if case .prediction(let p) = try? ControlClient.request(paths, .predict(name: name)) { recommended = p.recommendedMemory }
        var limits = row.limits
        let raised = max(recommended ?? 0, current + current / 2)
        limits.memoryBytes = raised
        return MemoryPlan(limits: limits, current: current, raised: raised)
    }

    func raiseMemoryLimit(_ name: String, _ plan: MemoryPlan) throws {
        if case .error(let message) = try ControlClient.request(paths, .limit(name: name, limits: plan.limits)) {
            throw VantageError(.unavailable, message)
        }
        try restart(name)
    }

    /// Judges a restart by the new run: it worked when the same problem is not in its log `settle` on.
    func judgeRestart(name: String, suggestion: Suggestion) async -> Outcome {
        try? await Task.sleep(for: settle)
        let again = (try? await TroubleshootingSources.load(roots: roots).problems(of: name)) ?? []
        let worked = !again.contains { $0.1.problem == suggestion.problem }
        return Outcome(succeeded: worked, summary: worked ? "\(name) restarted; the problem is gone"
                                                          : "\(name) restarted, but it still fails: \(suggestion.title)")
    }

    /// Records the outcome as a learned-fix trial and as a user decision; returns the learned fix
    /// with its new confidence (nil when the store cannot be opened or nothing was applied).
    @discardableResult
    func remember(suggestion: Suggestion, fix: FixAction, project: ProjectID?, outcome: Outcome, at time: Date,
                  store: Store? = nil) async -> LearnedFixRecord? {
        guard outcome.applied, let store = store ?? (try? Store.open(paths: paths)) else { return nil }
        let record = try? await FixMemory(store: store).record(signature: suggestion.signature, fix: fix.name, succeeded: outcome.succeeded, at: time)
        _ = try? await store.append(decision: DecisionRecord(
            time: time, actor: .user, what: fix.summary, why: suggestion.title, inputs: [suggestion.evidence],
            outcome: outcome.succeeded ? "succeeded" : "failed", project: project))
        return record
    }
}

/// Runs blocking work (socket calls, package tools) on a thread of its own, off the cooperative pool.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}

/// "96.0 MiB".
func mebibytes(_ bytes: UInt64) -> String {
    String(format: "%.1f MiB", Double(bytes) / 1_048_576)
}
