import VantageCore

/// The schedule overlay (`S`): the scheduler's stored jobs (`Event.schedule`, the list
/// `vantage schedule list` prints), selected with the movement keys; Enter asks, then sends
/// `Command.runScheduledJob` (what `vantage schedule run-now` asks the daemon), and the schedule
/// stays open so the run's outcome shows when the scheduler reports it.
extension Update {
    /// A host's list replaces that host's previous one; the others stay.
    static func foldSchedule(_ report: HostSchedule, into s: inout AppState) {
        s.schedules.removeAll { $0.host == report.host }
        s.schedules.append(report)
        s.schedules.sort { ($0.host ?? "") < ($1.host ?? "") }
        if case .schedule(let selected) = s.overlay {
            s.overlay = .schedule(selected: max(0, min(selected, (s.schedule ?? []).count - 1)))
        }
    }

    static func scheduleAction(_ a: Action, selected: Int, state s: inout AppState) -> Outcome {
        let jobs = s.schedule ?? []
        switch a {
        case .schedule: s.overlay = nil; return .done([])
        case .details:
            guard jobs.indices.contains(selected) else { return .refused(noJobs(s)) }
            s.overlay = .confirm(.runScheduledJob(jobs[selected].reference))
            return .done([])
        default: break
        }
        guard !jobs.isEmpty else { return .refused(noJobs(s)) }
        guard let next = scrollTarget(a, from: selected, page: visibleRows(s), last: jobs.count - 1) else {
            return .refused("nothing to do in the schedule")
        }
        let clamped = max(0, min(jobs.count - 1, next))
        if clamped == selected { return .refused(next < selected ? "already at the first job" : "already at the last job") }
        s.overlay = .schedule(selected: clamped)
        return .done([])
    }

    /// The answer to "Run job 3 now?": yes sends the command; either way the schedule shows again.
    static func runJobAnswer(_ a: Action, job: ScheduledJob.Reference, state s: inout AppState) -> Outcome {
        let jobs = s.schedule ?? []
        s.overlay = .schedule(selected: jobs.firstIndex { $0.reference == job } ?? 0)
        guard a == .accept else {
            s.notice = Notice("\(job) not run")
            return .done([])
        }
        let title = jobs.first { $0.reference == job }?.title ?? "\(job)"
        s.notice = Notice("asked to run \(job) (\(title)) now; its start and outcome go on the timeline", role: .ok)
        return .done([.runScheduledJob(job)])
    }

    /// Why there is nothing to run or select: no scheduler yet, or no jobs and how to add one.
    static func noJobs(_ s: AppState) -> String {
        s.schedule == nil ? "no scheduler has reported its jobs yet" : "no scheduled jobs; add one with `vantage schedule add`"
    }

    /// "Run job 3 now (analyze on the workspace, '0 3 * * *')?", "Run job 3 on web1 now (…)?"
    static func runJobQuestion(_ reference: ScheduledJob.Reference, state: AppState) -> String {
        guard let job = state.schedule?.first(where: { $0.reference == reference }) else { return "Run \(reference) now?" }
        return "Run \(reference) now (\(job.title), '\(job.cron)')?"
    }
}
