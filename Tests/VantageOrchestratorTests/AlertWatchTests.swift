import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// The alert rules evaluated on a real bus, with the clock moved by the test: a condition fires
/// once after it has held for its `for` duration, not before and not again while it holds, and is
/// resolved when it stops holding; windows (restarts per hour, errors per minute) count what
/// happened inside them only.
@Suite(.timeLimit(.minutes(2))) struct AlertWatchTests {
    final class Harness: Sendable {
        let clock = ManualClock()
        let bus: Bus
        let out: AsyncStream<Event>
        let watch: AlertWatch
        let api = Project(name: "api", path: "/srv/api", kinds: [.node])
        let worker = Project(name: "worker", path: "/srv/worker", kinds: [.python])

        init(_ rules: [AlertWatch.Rule], health: @escaping @Sendable (ProjectID) async -> Int? = { _ in 100 }) {
            bus = Bus(clock: clock)
            out = bus.events([.diagnostic, .timeline], capacity: 10_000)
            watch = AlertWatch(bus: bus, clock: clock, rules: rules, health: health)
        }

        /// Hands the watch what the bus would (`run(events:)` does the same for each batch).
        func send(_ events: Event...) async { await watch.handle(events) }

        func start() async { await send(.scanned(roots: ["/srv"], projects: [api, worker])) }

        func sample(_ project: Project, cpu: Double = 0, rss: UInt64 = 10 << 20, state: RunState = .ready) async {
            await send(.projectsSampled([ProjectSample(time: clock.now, project: project.id, state: state, cpuPercent: cpu, rssBytes: rss,
                                                       ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: 1, pids: [42])]))
        }

        /// Samples every `step` seconds for `seconds`, moving the clock.
        func sampleFor(_ seconds: Int, step: Int = 10, _ body: () async -> Void) async {
            for _ in 0..<(seconds / step) {
                await body()
                clock.advance(by: .seconds(step))
            }
        }

        /// The alert diagnostics and timeline entries published so far, in order; ends at a marker
        /// published after them (one subscriber receives in publishing order).
        func published() async -> [String] {
            bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .scan, text: "end of test")))
            var texts: [String] = []
            for await event in out {
                switch event {
                case .diagnostic(let d) where d.source == "alert": texts.append("\(d.severity.rawValue) \(d.project?.displayName ?? "-"): \(d.message)")
                case .timeline(let e) where e.kind == .alert: texts.append("timeline \(e.project?.displayName ?? "-"): \(e.text)")
                case .timeline(let e) where e.text == "end of test": return texts
                default: break
                }
            }
            return texts
        }
    }

    @Test func aConditionFiresAfterItsDurationOnceAndIsResolved() async throws {
        let h = Harness([AlertWatch.Rule(condition: try AlertCondition.parse("cpu > 80% for 2m").get())])
        await h.start()
        await h.sampleFor(110) { await h.sample(h.api, cpu: 95) }
        // 110 s of 95 %: not yet.
        #expect(await h.published().isEmpty)
        await h.sampleFor(60) { await h.sample(h.api, cpu: 95); await h.sample(h.worker, cpu: 10) }
        await h.sample(h.api, cpu: 5)
        let texts = await h.published()
        #expect(texts == [
            "warning api: cpu > 80% for 2m (api at 95%, held 120 s)",
            "timeline api: fired: cpu > 80% for 2m (95%)",
            "info api: resolved: cpu > 80% for 2m (api now 5%)",
            "timeline api: resolved: cpu > 80% for 2m (now 5%)",
        ], "\(texts)")
    }

    @Test func aBreakRestartsTheDurationAndAStoppedProjectResolves() async throws {
        let h = Harness([AlertWatch.Rule(condition: try AlertCondition.parse("memory > 100MB for 1m").get(), project: "worker")])
        await h.start()
        await h.sampleFor(50) { await h.sample(h.worker, rss: 200 << 20); await h.sample(h.api, rss: 900 << 20) }
        await h.sample(h.worker, rss: 50 << 20)
        await h.sampleFor(50) { await h.sample(h.worker, rss: 200 << 20) }
        #expect(await h.published().isEmpty, "50 s, a dip, 50 s: never a minute without a break; api is not covered")
        await h.sampleFor(20) { await h.sample(h.worker, rss: 200 << 20) }
        await h.sample(h.worker, state: .stopped)
        let texts = await h.published()
        #expect(texts.count == 4, "\(texts)")
        #expect(texts.first == "warning worker: memory > 100MB for 1m (worker at 200M, held 60 s)")
        #expect(texts.last == "timeline worker: resolved: memory > 100MB for 1m (not running)")
    }

    @Test func restartsAndErrorsCountOnlyInsideTheirWindow() async throws {
        let h = Harness([AlertWatch.Rule(condition: try AlertCondition.parse("restarts >= 3 per hour").get()),
                         AlertWatch.Rule(condition: try AlertCondition.parse("errors > 2 per minute").get())])
        await h.start()
        for _ in 0..<2 {
            await h.send(.stateChanged(project: h.api.id, from: .running, to: .backoff))
            h.clock.advance(by: .seconds(40 * 60))
        }
        await h.send(.stateChanged(project: h.api.id, from: .running, to: .backoff))
        await h.sample(h.api)
        #expect(await h.published().isEmpty, "three crashes, but the first was 80 minutes ago")
        await h.send(.stateChanged(project: h.api.id, from: .running, to: .backoff))
        await h.sample(h.api)
        for text in ["ERROR: db down", "ERROR: db down", "all fine", "ERROR: db down"] {
            await h.send(.log(LogLine(time: h.clock.now, project: h.worker.id, stream: .stderr, text: text)))
        }
        await h.sample(h.worker)
        h.clock.advance(by: .seconds(61))
        await h.sample(h.worker)
        let texts = await h.published()
        #expect(texts == [
            "warning api: restarts >= 3 per hour (api at 3 restarts in the last hour)",
            "timeline api: fired: restarts >= 3 per hour (3 restarts in the last hour)",
            "warning worker: errors > 2 per minute (worker at 3 error lines in the last minute)",
            "timeline worker: fired: errors > 2 per minute (3 error lines in the last minute)",
            "info worker: resolved: errors > 2 per minute (worker now 0 error lines in the last minute)",
            "timeline worker: resolved: errors > 2 per minute (now 0 error lines in the last minute)",
        ], "\(texts)")
    }

    @Test func healthIsTheSupervisorsScore() async throws {
        let h = Harness([AlertWatch.Rule(condition: try AlertCondition.parse("health < 50").get())]) { id in
            id.displayName == "api" ? 40 : nil
        }
        await h.start()
        await h.sample(h.api)
        await h.sample(h.worker)
        #expect(await h.published() == ["warning api: health < 50 (api at health 40)", "timeline api: fired: health < 50 (health 40)"])
    }
}

/// `new vulnerability`: each dependency an analysis adds fires once (the first analysis is the
/// baseline), each it drops resolves, and only its own warning goes.
@Suite(.timeLimit(.minutes(2))) struct NewVulnerabilityAlertTests {
    func insight(_ project: Project, _ packages: [ProjectInsight.VulnerablePackage], checked: Bool = true) -> Event {
        .insight(ProjectInsight(project: project.id, time: Date(timeIntervalSince1970: 0),
                                quality: .init(files: 0, functions: 0, averageCCN: 0, maxCCN: 0, worstFunctions: [], smells: 0),
                                debt: .init(minutes: 0, ratio: 0, rating: "A", linesOfCode: 0), documentation: 1, coveragePercent: nil,
                                dependencies: .init(checked: checked, vulnerablePackages: packages), status: "ok"))
    }

    @Test func eachNewlyVulnerableDependencyFiresAndIsResolvedWhenGone() async throws {
        let rule = AlertWatch.Rule(condition: try AlertCondition.parse("new vulnerability").get(), project: "api")
        #expect(AlertWatch.eventKinds(for: [rule]).contains(.insight))
        let h = AlertWatchTests.Harness([rule])
        await h.start()
        let lodash = ProjectInsight.VulnerablePackage(ecosystem: "npm", name: "lodash", version: "4.17.20", severity: "HIGH",
                                                      advisories: ["GHSA-35jh-r3h4-6jhm"], fixedIn: "4.17.21")
        let minimist = ProjectInsight.VulnerablePackage(ecosystem: "npm", name: "minimist", version: "1.2.5", severity: "CRITICAL",
                                                        advisories: ["GHSA-xvch-5gv4-984h"], fixedIn: nil)
        await h.send(insight(h.api, [lodash]))
        await h.send(insight(h.worker, []))
        await h.send(insight(h.api, [lodash, minimist]), insight(h.worker, [minimist]))
        await h.send(insight(h.api, [], checked: false))
        await h.send(insight(h.api, [minimist]))
        await h.send(insight(h.api, [lodash]))
        let texts = await h.published()
        #expect(texts == [
            "warning api: new vulnerability minimist 1.2.5 (api: minimist 1.2.5 (npm, CRITICAL: GHSA-xvch-5gv4-984h))",
            "timeline api: fired: new vulnerability: minimist 1.2.5 (npm, CRITICAL: GHSA-xvch-5gv4-984h)",
            "warning api: new vulnerability lodash 4.17.20 (api: lodash 4.17.20 (npm, HIGH: GHSA-35jh-r3h4-6jhm; fixed in 4.17.21))",
            "timeline api: fired: new vulnerability: lodash 4.17.20 (npm, HIGH: GHSA-35jh-r3h4-6jhm; fixed in 4.17.21)",
            "info api: resolved: new vulnerability minimist 1.2.5 (api: no longer listed)",
            "timeline api: resolved: new vulnerability: minimist 1.2.5 no longer listed",
        ], "the baseline's lodash fires nothing and resolves nothing when dropped; the other project's minimist fires nothing; an unchecked analysis changes nothing: \(texts)")
        let t = Date(timeIntervalSince1970: 0)
        let firedMinimist = Diagnostic(time: t, severity: .warning, source: "alert", project: h.api.id,
                                       message: "new vulnerability minimist 1.2.5 (api: minimist 1.2.5 (npm, CRITICAL: GHSA-xvch-5gv4-984h))")
        let firedLodash = Diagnostic(time: t, severity: .warning, source: "alert", project: h.api.id,
                                     message: "new vulnerability lodash 4.17.20 (api: lodash 4.17.20 (npm, HIGH: GHSA-35jh-r3h4-6jhm; fixed in 4.17.21))")
        let resolvedLodash = Diagnostic(time: t, severity: .info, source: "alert", project: h.api.id,
                                        message: "resolved: new vulnerability lodash 4.17.20 (api: no longer listed)")
        #expect(resolvedLodash.resolvesAlert(firedLodash))
        #expect(!resolvedLodash.resolvesAlert(firedMinimist))
    }
}

/// The resolution names the warning it ends: same rule, same project, nothing else.
@Suite struct AlertResolutionTests {
    @Test func aResolutionEndsOnlyItsOwnWarning() {
        let t = Date(timeIntervalSince1970: 0)
        let api = ProjectID("/srv/api"), worker = ProjectID("/srv/worker")
        let fired = Diagnostic(time: t, severity: .warning, source: "alert", project: api, message: "cpu > 80% for 2m (api at 95%, held 120 s)")
        let resolved = Diagnostic(time: t, severity: .info, source: "alert", project: api, message: "resolved: cpu > 80% for 2m (api now 5%)")
        #expect(resolved.resolvesAlert(fired))
        #expect(!resolved.resolvesAlert(Diagnostic(time: t, severity: .warning, source: "alert", project: worker, message: fired.message)))
        #expect(!resolved.resolvesAlert(Diagnostic(time: t, severity: .warning, source: "alert", project: api, message: "cpu > 80% for 5m (api at 95%)")))
        #expect(!resolved.resolvesAlert(Diagnostic(time: t, severity: .warning, source: "api", project: api, message: fired.message)))
        #expect(!fired.resolvesAlert(fired))
    }
}
