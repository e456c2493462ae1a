import Foundation
import VantageCore
import VantageStore

/// Runs the stored jobs (`ScheduledJob`) when their cron expression says, in local time.
///
/// Anacron semantics: a job's next run is counted from its last run (or from when it was added),
/// so a run missed while no scheduler was running is due at once when one starts, and it runs
/// once, not once per missed slot; the run after it is the next slot after now. Every run puts a
/// timeline entry on the bus when it starts and one with its outcome when it ends, and the outcome
/// is stored with the job (last run, last outcome, next run). The job list with those is published
/// as `Event.schedule` whenever it changes.
///
/// Jobs are added and removed in SQLite (`vantage schedule add|rm` works without a daemon): the
/// scheduler reads the table again every `reloadInterval`, and at once for `runNow`. What an
/// action does is the `runner`'s business (the command line's action table). A job still running
/// when its next slot comes is not started twice; that slot is skipped.
public actor Scheduler {
    /// Carries out one run of a job and says how it went.
    public typealias Runner = @Sendable (ScheduledJob) async -> ScheduledJob.Outcome

    public struct Options: Sendable {
        /// How often the store is read again for jobs added or removed elsewhere.
        public var reloadInterval: Duration = .seconds(30)
        /// A run starting later than this after its time is reported as catching up a missed run.
        public var lateness: Duration = .seconds(60)
        /// The zone cron expressions are read in.
        public var zone: ClockZone = .system
        public init() {}
    }

    private struct Entry {
        var job: ScheduledJob
        let cron: CronExpression?
        /// When it runs next (nil: never, its expression is invalid).
        var due: Date?
    }

    private let store: Store
    private let bus: Bus
    private let clock: any VantageClock
    private let options: Options
    private let runner: Runner
    private var entries: [Int64: Entry] = [:]
    private var running: [Int64: Task<Void, Never>] = [:]
    private var sleeper: Task<Void, Never>?
    private var reloadRequested = true
    private var lastReload: Date?
    private var published: [ScheduledJob]?

    public init(store: Store, bus: Bus, clock: any VantageClock, options: Options = Options(),
                runner: @escaping Runner) {
        self.store = store
        self.bus = bus
        self.clock = clock
        self.options = options
        self.runner = runner
    }

    /// The jobs as the scheduler sees them, by id.
    public var jobs: [ScheduledJob] {
        entries.values.map { e in var job = e.job; job.nextRun = e.due; return job }.sorted { $0.id < $1.id }
    }

    /// Runs due jobs until the task is cancelled; runs still going are cancelled with it.
    public func run() async {
        while !Task.isCancelled {
            let now = clock.now
            if reloadRequested || lastReload.map({ now.timeIntervalSince($0) >= options.reloadInterval.seconds }) ?? true {
                await reload(now: now)
            }
            for entry in entries.values.sorted(by: { $0.job.id < $1.job.id }) {
                if let due = entry.due, due <= now, running[entry.job.id] == nil { start(entry.job.id, now: now, manual: false) }
            }
            publishIfChanged()
            var wait = options.reloadInterval.seconds
            for entry in entries.values where running[entry.job.id] == nil {
                if let due = entry.due { wait = min(wait, due.timeIntervalSince(now)) }
            }
            let clock = self.clock
            let nap = Task { _ = try? await clock.sleep(for: .seconds(max(0, wait))) }
            sleeper = nap
            await withTaskCancellationHandler { await nap.value } onCancel: { nap.cancel() }
            sleeper = nil
        }
        running.values.forEach { $0.cancel() }
    }

    /// Starts a job now, outside its schedule (`vantage schedule run-now`); its next scheduled run
    /// stays as it was. Fails when there is no such job or it is running.
    @discardableResult
    public func runNow(_ id: Int64) async throws(VantageError) -> ScheduledJob {
        await reload(now: clock.now)
        guard let entry = entries[id] else {
            throw VantageError(.notFound, "there is no scheduled job \(id)", hint: "`vantage schedule list` shows the jobs and their ids")
        }
        guard running[id] == nil else {
            throw VantageError(.conflict, "job \(id) (\(entry.job.title)) is running now; its outcome will be on the timeline")
        }
        start(id, now: clock.now, manual: true)
        publishIfChanged()
        sleeper?.cancel()
        return entry.job
    }

    /// What `run(commands:)` reads.
    public static let commandKinds: Set<Command.Kind> = [.runScheduledJob]

    /// Runs each job a console asks for (`Command.runScheduledJob`, the schedule overlay's Enter);
    /// one that cannot run (no such job, still running) is said on the timeline.
    public func run(commands: AsyncStream<Command>) async {
        // A job of another host (a console attached with --connect) goes to that host's daemon.
        for await case .runScheduledJob(let job) in commands where job.host == nil {
            do { try await runNow(job.id) } catch {
                bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .error, text: "job \(job.id) was not run: \(error)")))
            }
        }
    }

    /// Reads the jobs again. A job seen before keeps its next run; a new one (or one whose
    /// expression changed) is due at the first slot after its last run, or after it was added.
    private func reload(now: Date) async {
        reloadRequested = false
        lastReload = now
        let stored: [ScheduledJob]
        do { stored = try await store.scheduledJobs() } catch {
            bus.publish(.diagnostic(Diagnostic(time: now, severity: .error, source: "scheduler",
                                               message: "cannot read the scheduled jobs: \(error)")))
            return
        }
        var next: [Int64: Entry] = [:]
        for job in stored {
            if var known = entries[job.id], known.job.cron == job.cron {
                known.job = job
                next[job.id] = known
                continue
            }
            do {
                let cron = try CronExpression(job.cron)
                let due = cron.next(after: job.lastRun ?? job.created, in: options.zone)
                next[job.id] = Entry(job: job, cron: cron, due: due)
                if due != job.nextRun { try? await store.setNextScheduledRun(id: job.id, due) }
            } catch {
                next[job.id] = Entry(job: job, cron: nil, due: nil)
                if entries[job.id] == nil {
                    bus.publish(.diagnostic(Diagnostic(time: now, severity: .error, source: "scheduler",
                                                       message: "job \(job.id) (\(job.title)) never runs: its cron expression "
                                                       + "'\(job.cron)' is invalid at \(error); remove it with `vantage schedule rm \(job.id)`")))
                }
            }
        }
        entries = next
    }

    private func start(_ id: Int64, now: Date, manual: Bool) {
        guard var entry = entries[id] else { return }
        let due = entry.due
        if !manual, let cron = entry.cron {
            // The next slot after now: slots missed meanwhile are not run one by one.
            entry.due = cron.next(after: now, in: options.zone)
            entries[id] = entry
        }
        let job = entry.job
        let why: String
        if manual {
            why = "run now on request"
        } else if let due, now.timeIntervalSince(due) > options.lateness.seconds {
            why = "catching up the run due \(options.zone.minuteStamp(due)), missed while Vantage was not running"
        } else {
            why = "started"
        }
        bus.publish(.timeline(TimelineEntry(time: now, kind: .schedule, text: "job \(id), \(job.title): \(why)")))
        let runner = self.runner
        running[id] = Task {
            let outcome = await runner(job)
            await self.finish(job, started: now, outcome: outcome)
        }
    }

    private func finish(_ job: ScheduledJob, started: Date, outcome: ScheduledJob.Outcome) async {
        running[job.id] = nil
        if var entry = entries[job.id] {
            entry.job.lastRun = started
            entry.job.lastOutcome = outcome
            // Slots that came while it ran are skipped, not run at once.
            if let cron = entry.cron, let due = entry.due, due <= clock.now { entry.due = cron.next(after: clock.now, in: options.zone) }
            entries[job.id] = entry
            do { try await store.recordScheduledRun(id: job.id, time: started, outcome: outcome, nextRun: entry.due) } catch {
                bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .error, source: "scheduler",
                                                   message: "cannot record the run of job \(job.id) (\(job.title)): \(error)")))
            }
        }
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: outcome.succeeded ? .schedule : .error,
                                            text: "job \(job.id), \(job.title): \(outcome.succeeded ? "done" : "failed"): \(outcome.message)")))
        publishIfChanged()
        sleeper?.cancel()
    }

    private func publishIfChanged() {
        let now = jobs
        guard now != published else { return }
        published = now
        bus.publish(.schedule(HostSchedule(jobs: now)))
    }
}
