import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The schedule overlay (`S`): the scheduler's jobs as `Event.schedule` carries them, selected with
/// the movement keys; Enter asks, then sends `runScheduledJob` and the schedule stays open.
@MainActor
@Suite("Schedule: the overlay of scheduled jobs, run now")
struct ScheduleOverlayTests {
    static let now = GoldenFixture.time(GoldenFixture.ticks)

    func makeApp(jobs: [ScheduledJob]? = GoldenFixture.scheduledJobs) -> App {
        let app = App(keymap: .defaults, glyphs: .ascii, timeZone: ClockZone.utc, now: Self.now)
        if let jobs { _ = app.handle(event: .schedule(HostSchedule(jobs: jobs))) }
        return app
    }

    func screen(_ app: App, _ width: Int = 120, _ height: Int = 40) -> String {
        app.view(size: Size(width: width, height: height)).lines.joined(separator: "\n")
    }

    @Test func sOpensTheListWithNextAndLastRunsAndTheSelectedJobWhole() {
        let app = makeApp()
        #expect(app.handle(key: .char("S")))
        #expect(app.state.overlay == .schedule(selected: 0))
        let first = screen(app)
        #expect(first.contains("Schedule: 3 jobs"), "\(first)")
        #expect(first.contains("> #1  analyze on the workspace  0 3 * * *  next 2026-11-19 10:07  last ok"), "\(first)")
        #expect(first.contains("#2  lock-check on shop  */30 * * * mon-fri  next 2026-11-18 11:27  last FAILED"))
        #expect(first.contains("#3  vuln-db-refresh on the workspace  @weekly  next due now  last never run"))
        #expect(first.contains("Last run  2026-11-18 10:07, ok: analysed 4 projects"))
        _ = app.handle(key: .down)
        #expect(app.state.overlay == .schedule(selected: 1))
        let second = screen(app, 60, 30)
        // The failed run's whole message, wrapped inside the box.
        #expect(second.contains("FAILED: 2 stale lock"), "\(second)")
        #expect(second.contains("no longer declares"), "\(second)")
        _ = app.handle(key: .down)
        let third = screen(app)
        #expect(third.contains("From      /srv/osv"))
        #expect(third.contains("Next run  due now: it runs at once"))
        _ = app.handle(key: .down)
        #expect(app.state.notice?.text == "down: already at the last job")
        _ = app.handle(key: .escape)
        #expect(app.state.overlay == nil)
        #expect(app.takeCommands().isEmpty)
    }

    @Test func enterAsksThenRunsTheSelectedJobAndTheScheduleStaysOpen() {
        let app = makeApp()
        _ = app.handle(key: .char("S"))
        _ = app.handle(key: .down)
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == .confirm(.runScheduledJob(.init(id: 2))))
        #expect(app.takeCommands().isEmpty, "nothing runs before the answer")
        #expect(screen(app).contains("Run job 2 now (lock-check on shop, '*/30 * * * mon-fri')?"))
        _ = app.handle(key: .char("n"))
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.overlay == .schedule(selected: 1))
        #expect(app.state.notice?.text == "job 2 not run")
        _ = app.handle(key: .enter)
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands() == [.runScheduledJob(.init(id: 2))])
        #expect(app.state.overlay == .schedule(selected: 1))
        #expect(screen(app).contains("asked to run job 2 (lock-check on shop) now"))
        // The scheduler's next list shows the outcome.
        var jobs = GoldenFixture.scheduledJobs
        jobs[1].lastOutcome = .ok("no stale lock files")
        _ = app.handle(event: .schedule(HostSchedule(jobs: jobs)))
        #expect(screen(app).contains("ok: no stale lock files"))
    }

    @Test func anEmptyScheduleSaysHowToAddAJobAndEnterSaysWhy() {
        let app = makeApp(jobs: [])
        _ = app.handle(key: .char("S"))
        let text = screen(app)
        #expect(text.contains("No scheduled jobs."))
        #expect(text.contains("Add one with: vantage schedule add --cron '0 3 * * *' --target workspace --action analyze"), "\(text)")
        _ = app.handle(key: .enter)
        #expect(app.takeCommands().isEmpty)
        #expect(app.state.notice?.text == "run now: no scheduled jobs; add one with `vantage schedule add`")
    }

    @Test func beforeAnySchedulerReportsTheOverlaySaysWhere() {
        let app = makeApp(jobs: nil)
        _ = app.handle(key: .char("S"))
        #expect(screen(app).contains("No scheduler has reported its jobs yet."))
        _ = app.handle(key: .down)
        #expect(app.state.notice?.text == "down: no scheduler has reported its jobs yet")
    }

    @Test func aShorterListKeepsTheSelectionInRange() {
        let app = makeApp()
        _ = app.handle(key: .char("S"))
        _ = app.handle(key: .char("G"))
        #expect(app.state.overlay == .schedule(selected: 2))
        _ = app.handle(event: .schedule(HostSchedule(jobs: Array(GoldenFixture.scheduledJobs.prefix(1)))))
        #expect(app.state.overlay == .schedule(selected: 0))
    }

    /// A console that attaches later gets the list in the host's snapshot.
    @Test func theAttachSnapshotCarriesTheSchedule() {
        var keeper = ConsoleStateKeeper(now: Self.now)
        keeper.fold(.schedule(HostSchedule(jobs: GoldenFixture.scheduledJobs)))
        var state = AppState(now: Self.now)
        for event in keeper.snapshot() { _ = Update.apply(.event(event), to: &state) }
        #expect(state.schedule == GoldenFixture.scheduledJobs)
    }

    /// Attached to several daemons, each host's list replaces only that host's jobs, every job
    /// shows its host, and Enter runs the selected host's job, not the same id on every host.
    @Test func eachHostKeepsItsOwnJobsAndRunsItsOwn() throws {
        let app = makeApp()
        _ = app.handle(event: .schedule(HostSchedule(host: "web1", jobs: Array(GoldenFixture.scheduledJobs.prefix(2)))))
        let all = try #require(app.state.schedule)
        #expect(all.count == GoldenFixture.scheduledJobs.count + 2)
        #expect(all.map(\.host) == Array(repeating: nil, count: GoldenFixture.scheduledJobs.count) + ["web1", "web1"])
        _ = app.handle(key: .char("S"))
        #expect(screen(app).contains("web1 #2"))
        _ = app.handle(key: .char("G"))
        _ = app.handle(key: .enter)
        #expect(app.state.overlay == .confirm(.runScheduledJob(.init(id: 2, host: "web1"))))
        #expect(screen(app).contains("Run job 2 on web1 now"))
        _ = app.handle(key: .char("y"))
        #expect(app.takeCommands() == [.runScheduledJob(.init(id: 2, host: "web1"))])
        // web1's next (empty) list clears only web1's jobs.
        _ = app.handle(event: .schedule(HostSchedule(host: "web1", jobs: [])))
        #expect(app.state.schedule == GoldenFixture.scheduledJobs)
        // The snapshot a console gets on attach keeps the hosts apart too.
        _ = app.handle(event: .schedule(HostSchedule(host: "db", jobs: Array(GoldenFixture.scheduledJobs.prefix(1)))))
        var keeper = ConsoleStateKeeper(now: Self.now)
        for report in app.state.schedules { keeper.fold(.schedule(report)) }
        var state = AppState(now: Self.now)
        for event in keeper.snapshot() { _ = Update.apply(.event(event), to: &state) }
        #expect(state.schedules == app.state.schedules)
    }
}
