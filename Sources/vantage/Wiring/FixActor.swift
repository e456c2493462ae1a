import Foundation
import VantageCore
import VantageKnowledge
import VantageStore

/// Applies the fixes the user confirms on screen (`Command.applyFix`) with `FixApplier`, the same
/// code path as `vantage troubleshoot fix`. It re-matches the problem text to get the full fix
/// (the screen carries only its name), reports the start and the outcome on the timeline, records
/// the outcome in the learned-fix memory, and hands the new confidence to the troubleshooter so
/// the Troubleshooting pane shows it (with its history as a sparkline).
actor FixActor {
    private let bus: Bus
    private let clock: any VantageClock
    private let store: Store
    private let applier: FixApplier
    private let troubleshooter: TroubleshooterActor
    /// Fixes applied so far (for tests and diagnostics).
    private(set) var applied = 0

    init(bus: Bus, clock: any VantageClock, store: Store, applier: FixApplier, troubleshooter: TroubleshooterActor) {
        self.bus = bus
        self.clock = clock
        self.store = store
        self.applier = applier
        self.troubleshooter = troubleshooter
    }

    /// Handles commands until the stream ends. Subscribe first (`bus.commands([.applyFix])`).
    func run(commands: AsyncStream<Command>) async {
        for await command in commands {
            if case .applyFix(let request) = command { await apply(request) }
        }
    }

    func apply(_ request: FixRequest) async {
        let project = await troubleshooter.project(request.project)
        let context = project.map(ProjectContext.init) ?? ProjectContext(name: request.projectName)
        let learned = (try? await store.learnedFixes()) ?? []
        guard let suggestion = TroubleshootingKB.match(request.problem, project: context, learned: learned)
            .first(where: { $0.automated?.name == request.fix }), let fix = suggestion.automated else {
            report(request, kind: .error, "\(request.projectName): the fix \"\(request.fix)\" no longer matches the problem; nothing applied")
            return
        }
        // Kind `.fix`, not `.decision`: `remember` stores the decision once, with its outcome.
        report(request, kind: .fix, "\(request.projectName): applying \(fix.summary) (asked by the user) because \(suggestion.title)")
        let outcome = await applier.apply(fix, suggestion: suggestion, project: project, name: request.projectName, value: request.value)
        applied += 1
        let verdict = outcome.succeeded ? "worked" : outcome.applied ? "failed" : "not applied"
        report(request, kind: outcome.succeeded ? .fix : .error, "\(request.projectName): fix \(verdict): \(outcome.summary)")
        if let record = await applier.remember(suggestion: suggestion, fix: fix, project: request.project, outcome: outcome, at: clock.now, store: store) {
            await troubleshooter.learn([record])
            await troubleshooter.rematch(request.problem, project: request.project)
        }
    }

    private func report(_ request: FixRequest, kind: TimelineEntry.Kind, _ text: String) {
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: kind, project: request.project, text: text)))
    }
}
