import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageOrchestrator

/// The scheduler on a real SQLite store, driven by a manual clock: time moves only when the test
/// says, so catch-up after downtime and every timeline entry are checked without sleeping.
@Suite(.timeLimit(.minutes(3))) struct SchedulerTests {
    static let newYear = UTCTime.parseISO8601("2026-01-01T00:00:00Z")!

    /// A scheduler in UTC whose runner records each run and answers `answer`.
    final class Harness: Sendable {
        let clock = ManualClock(start: SchedulerTests.newYear)
        let bus = Bus()
        let store: Store
        let runs = Runs()
        let scheduler: Scheduler
        let events: AsyncStream<Event>
        let folder = NSTemporaryDirectory() + "vantage-scheduler-\(UUID().uuidString.prefix(8))"

        init(answer: @escaping @Sendable (ScheduledJob) async -> ScheduledJob.Outcome = { _ in .ok("counted") }) throws {
            store = try Store.open(path: folder + "/vantage.sqlite")
            events = bus.events(capacity: 10_000)
            var options = Scheduler.Options()
            options.zone = .utc
            let (runs, clock) = (self.runs, self.clock)
            scheduler = Scheduler(store: store, bus: bus, clock: clock, options: options) { job in
                await runs.add(job.id, at: clock.now)
                return await answer(job)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// The next `count` timeline entries the scheduler publishes (other events are passed over).
        func timeline(_ count: Int) async -> [TimelineEntry] {
            var out: [TimelineEntry] = []
            for await event in events {
                if case .timeline(let entry) = event { out.append(entry) }
                if out.count == count { break }
            }
            return out
        }

        /// The next job list published that holds a job.
        func schedule() async -> [ScheduledJob] {
            for await event in events { if case .schedule(let report) = event, !report.jobs.isEmpty { return report.jobs } }
            return []
        }
    }

    actor Runs {
        var all: [(id: Int64, at: Date)] = []
        func add(_ id: Int64, at: Date) { all.append((id, at)) }
    }

    static func at(_ iso: String) -> Date { UTCTime.parseISO8601(iso)! }

    @Test func aRunMissedWhileDownRunsOnceAtStartThenOnSchedule() async throws {
        let h = try Harness()
        let job = try await h.store.addScheduledJob(cron: "0 * * * *", target: .workspace, action: "count", created: h.clock.now)
        // Nothing ran for five and a half hours: five hourly slots were missed.
        h.clock.advance(by: .seconds(5 * 3600 + 1800))
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }

        let catchUp = await h.timeline(2)
        #expect(catchUp.map(\.text) == [
            "job \(job.id), count on the workspace: catching up the run due 2026-01-01 01:00, missed while Vantage was not running",
            "job \(job.id), count on the workspace: done: counted",
        ])
        #expect(catchUp.map(\.kind) == [.schedule, .schedule])
        try #require(catchUp.count > 0)
        #expect(catchUp[0].time == Self.at("2026-01-01T05:30:00Z"))
        #expect(await h.runs.all.map(\.at) == [Self.at("2026-01-01T05:30:00Z")], "once, not once per missed slot")
        let stored = try #require(try await h.store.scheduledJobs().first)
        #expect(stored.lastRun == Self.at("2026-01-01T05:30:00Z"))
        #expect(stored.lastOutcome == .ok("counted"))
        #expect(stored.nextRun == Self.at("2026-01-01T06:00:00Z"))

        // Then on its schedule, on time.
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(1800))
        #expect(await h.timeline(2).map(\.text) == [
            "job \(job.id), count on the workspace: started",
            "job \(job.id), count on the workspace: done: counted",
        ])
        #expect(await h.runs.all.map(\.at) == [Self.at("2026-01-01T05:30:00Z"), Self.at("2026-01-01T06:00:00Z")])
        #expect(try await h.store.scheduledJobs().first?.nextRun == Self.at("2026-01-01T07:00:00Z"))
    }

    @Test func aJobThatRanBeforeTheDowntimeCountsFromItsLastRun() async throws {
        let h = try Harness()
        let job = try await h.store.addScheduledJob(cron: "0 3 * * *", target: .project("web"), action: "count",
                                                    created: Self.at("2025-12-01T00:00:00Z"))
        try await h.store.recordScheduledRun(id: job.id, time: Self.at("2025-12-31T03:00:00Z"), outcome: .ok("fine"),
                                             nextRun: Self.at("2026-01-01T03:00:00Z"))
        // Started at 00:00 on 1 January: the 31 December run happened, the next is at 03:00.
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        let first = await h.schedule()
        #expect(first.map(\.nextRun) == [Self.at("2026-01-01T03:00:00Z")])
        #expect(first.map(\.lastOutcome) == [.ok("fine")])
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(3 * 3600))
        #expect(await h.timeline(2).map(\.text) == [
            "job \(job.id), count on web: started", "job \(job.id), count on web: done: counted",
        ])
        #expect(await h.runs.all.count == 1)
    }

    @Test func aJobAddedElsewhereIsSeenAtTheNextReload() async throws {
        let h = try Harness()
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        #expect(await h.clock.waitForSleepers(1))
        // `vantage schedule add` in another process writes the table.
        let job = try await h.store.addScheduledJob(cron: "*/5 * * * *", target: .workspace, action: "count", created: h.clock.now)
        h.clock.advance(by: .seconds(30))      // the reload interval
        #expect(await h.schedule().map(\.nextRun) == [Self.at("2026-01-01T00:05:00Z")])
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(270))
        #expect(await h.timeline(2).map(\.text) == [
            "job \(job.id), count on the workspace: started", "job \(job.id), count on the workspace: done: counted",
        ])
    }

    @Test func runNowRunsOutsideTheScheduleAndKeepsTheNextRun() async throws {
        let h = try Harness()
        let job = try await h.store.addScheduledJob(cron: "@yearly", target: .workspace, action: "count", created: h.clock.now)
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        #expect(await h.clock.waitForSleepers(1))
        let started = try await h.scheduler.runNow(job.id)
        #expect(started.id == job.id)
        #expect(await h.timeline(2).map(\.text) == [
            "job \(job.id), count on the workspace: run now on request", "job \(job.id), count on the workspace: done: counted",
        ])
        let stored = try #require(try await h.store.scheduledJobs().first)
        #expect(stored.lastRun == Self.newYear)
        #expect(stored.nextRun == Self.at("2027-01-01T00:00:00Z"))

        await #expect(throws: VantageError(.notFound, "there is no scheduled job 99",
                                           hint: "`vantage schedule list` shows the jobs and their ids")) {
            try await h.scheduler.runNow(99)
        }
    }

    /// The schedule overlay's Enter: `Command.runScheduledJob` on the bus runs the job as runNow
    /// does; an unknown job is an error line on the timeline, never nothing.
    @Test func aRunCommandOnTheBusRunsTheJobOrSaysWhyNot() async throws {
        let h = try Harness()
        let job = try await h.store.addScheduledJob(cron: "@yearly", target: .workspace, action: "count", created: h.clock.now)
        let commands = h.bus.commands(Scheduler.commandKinds)
        let running = Task { await h.scheduler.run() }
        let listening = Task { await h.scheduler.run(commands: commands) }
        defer { running.cancel(); listening.cancel() }
        #expect(await h.clock.waitForSleepers(1))
        #expect(h.bus.send(.runScheduledJob(job.reference)) == .delivered(to: 1))
        #expect(await h.timeline(2).map(\.text) == [
            "job \(job.id), count on the workspace: run now on request", "job \(job.id), count on the workspace: done: counted",
        ])
        h.bus.send(.runScheduledJob(.init(id: 99)))
        let refused = await h.timeline(1)
        #expect(refused.map(\.kind) == [.error])
        #expect(refused.first?.text.hasPrefix("job 99 was not run: there is no scheduled job 99") == true, "\(refused)")
    }

    @Test func aFailedRunIsAnErrorOnTheTimelineAndStored() async throws {
        let h = try Harness(answer: { _ in .failed("package-lock.json missing") })
        let job = try await h.store.addScheduledJob(cron: "* * * * *", target: .project("web"), action: "lock-check", created: h.clock.now)
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(60))
        let entries = await h.timeline(2)
        #expect(entries.map(\.kind) == [.schedule, .error])
        #expect(entries.last?.text == "job \(job.id), lock-check on web: failed: package-lock.json missing")
        #expect(try await h.store.scheduledJobs().first?.lastOutcome == .failed("package-lock.json missing"))
    }

    @Test func aRunningJobIsNotStartedTwice() async throws {
        let gate = Gate()
        let h = try Harness(answer: { _ in await gate.wait(); return .ok("slow") })
        let job = try await h.store.addScheduledJob(cron: "* * * * *", target: .workspace, action: "count", created: h.clock.now)
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(60))
        #expect(await h.timeline(1).map(\.text) == ["job \(job.id), count on the workspace: started"])
        for _ in 0 ..< 3 {
            #expect(await h.clock.waitForSleepers(1))
            h.clock.advance(by: .seconds(60))   // its next slots come while it runs
        }
        await gate.open()
        // A second start would have put "started" on the timeline before this.
        #expect(await h.timeline(1).map(\.text) == ["job \(job.id), count on the workspace: done: slow"])
        #expect(await h.runs.all.count == 1)
        #expect(await h.clock.waitForSleepers(1))
        h.clock.advance(by: .seconds(60))
        #expect(await h.timeline(1).map(\.text) == ["job \(job.id), count on the workspace: started"])
        await gate.open()
        #expect(await h.timeline(1).map(\.text) == ["job \(job.id), count on the workspace: done: slow"])
        #expect(await h.runs.all.map(\.at) == [Self.at("2026-01-01T00:01:00Z"), Self.at("2026-01-01T00:05:00Z")])
    }

    @Test func anInvalidStoredExpressionIsReportedNotRun() async throws {
        let h = try Harness()
        let job = try await h.store.addScheduledJob(cron: "61 * * * *", target: .workspace, action: "count", created: h.clock.now)
        let running = Task { await h.scheduler.run() }
        defer { running.cancel() }
        var message: String?
        for await event in h.events { if case .diagnostic(let d) = event { message = d.message; break } }
        #expect(message == "job \(job.id) (count on the workspace) never runs: its cron expression '61 * * * *' is invalid at "
                + "field 1 (minute), column 1: 61 is out of range: a minute is 0-59; remove it with `vantage schedule rm \(job.id)`")
        #expect(await h.schedule().map(\.nextRun) == [nil])
        h.clock.advance(by: .seconds(3600))
        #expect(await h.runs.all.isEmpty)
    }

    /// Holds runs until the test lets one through (in either order: a pass given first is kept).
    actor Gate {
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var passes = 0
        func wait() async {
            if passes > 0 { passes -= 1; return }
            await withCheckedContinuation { waiting.append($0) }
        }
        func open() {
            if waiting.isEmpty { passes += 1 } else { waiting.removeFirst().resume() }
        }
    }
}
