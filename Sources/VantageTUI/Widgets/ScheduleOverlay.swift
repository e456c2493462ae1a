import Foundation
import VantageCore

/// The scheduler's jobs in a centred box: one line per job (id, what it does, its cron
/// expression, next run, last outcome), the selected one highlighted; under the list, the
/// selected job whole, wrapped: when, on what, the folder it reads, its last run with the
/// outcome's message, its next run. With no jobs, how to add one.
public struct ScheduleOverlay: Sendable {
    /// nil: no scheduler has reported yet.
    public var jobs: [ScheduledJob]?
    public var selected: Int
    public var now: Date
    public var timeZone: ClockZone
    /// The active keys for "run now" and "close", for the hint line.
    public var runKey: String
    public var closeKey: String
    public var glyphs: GlyphSet

    public init(jobs: [ScheduledJob]?, selected: Int, now: Date, timeZone: ClockZone, runKey: String, closeKey: String,
                glyphs: GlyphSet) {
        self.jobs = jobs
        self.selected = selected
        self.now = now
        self.timeZone = timeZone
        self.runKey = runKey
        self.closeKey = closeKey
        self.glyphs = glyphs
    }

    /// "2026-12-08 03:00", or "due now" for a run whose time has come (it runs at once).
    func nextRun(_ job: ScheduledJob) -> String {
        guard let next = job.nextRun else { return "never (invalid expression)" }
        return next <= now ? "due now" : timeZone.minuteStamp(next)
    }

    /// The list line: "#3  analyze on the workspace  0 3 * * *  next 2026-12-08 03:00  last ok",
    /// led by the host's name for another host's job ("web1 #3  …").
    func line(_ job: ScheduledJob) -> String {
        let last = job.lastOutcome.map { $0.succeeded ? "ok" : "FAILED" } ?? "never run"
        return (job.host.map { "\($0) " } ?? "") + "#\(job.id)  \(job.title)  \(job.cron)  next \(nextRun(job))  last \(last)"
    }

    /// The selected job whole, each field wrapped to `width`.
    func detail(_ job: ScheduledJob, width: Int) -> [StyledLine] {
        var fields: [(String, String, StyleRole)] = [
            ("Job", "\(job.id): \(job.title)", .text),
        ]
        if let host = job.host { fields.append(("Host", host, .text)) }
        fields += [
            ("When", "'\(job.cron)' (cron, local time)", .text),
        ]
        if let source = job.source { fields.append(("From", source, .text)) }
        let last: String
        if let run = job.lastRun {
            last = timeZone.minuteStamp(run) + (job.lastOutcome.map { ", " + ($0.succeeded ? "ok" : "FAILED") + ": " + $0.message } ?? "")
        } else {
            last = "never run"
        }
        fields.append(("Last run", last, job.lastOutcome.map { $0.succeeded ? .ok : .error } ?? .muted))
        let next = nextRun(job)
        fields.append(("Next run", next == "due now" ? "due now: it runs at once" : next, .text))
        let labelWidth = 10
        var out: [StyledLine] = []
        for (label, value, role) in fields {
            for (i, text) in Formatting.wordWrap(value, width: max(1, width - labelWidth)).enumerated() {
                out.append(StyledLine([.init((i == 0 ? label : "").padding(toLength: labelWidth, withPad: " ", startingAt: 0),
                                             .role(.muted)),
                                       .init(text, .role(role))]))
            }
        }
        return out
    }

    /// Every line of the box's content at `width` columns.
    public func lines(width: Int) -> [StyledLine] {
        func wrapped(_ text: String, _ role: StyleRole) -> [StyledLine] {
            Formatting.wordWrap(text, width: width).map { StyledLine([.init($0, .role(role))]) }
        }
        guard let jobs else {
            return wrapped("No scheduler has reported its jobs yet. Jobs run inside `vantage daemon`, or inside this console "
                           + "when no daemon runs; `vantage schedule list` reads them from the database.", .muted)
        }
        guard !jobs.isEmpty else {
            return wrapped("No scheduled jobs.", .text) + wrapped("Add one with: " + ScheduledJob.addExample, .accent)
                + wrapped("`vantage schedule add --help` lists the actions and the cron forms.", .muted)
        }
        let current = max(0, min(selected, jobs.count - 1))
        var out = jobs.enumerated().map { i, job in
            let style = i == current ? CellStyle(fg: .text, bg: .selection, bold: true)
                : CellStyle(fg: job.lastOutcome?.succeeded == false ? .error : .text)
            return StyledLine([.init((i == current ? "> " : "  ") + line(job), style)])
        }
        out.append(StyledLine([]))
        out += detail(jobs[current], width: width)
        out += wrapped("\(runKey) runs it now (asks first); \(closeKey) closes.", .accent)
        return out
    }

    /// Draws the box; the selected job stays in view when the list is taller than the box.
    public func render(area: Rect, buffer: inout Buffer) {
        let width = min(100, area.width - 2)
        let content = lines(width: max(1, width - 4))
        let count = jobs.map { "\($0.count) job\($0.count == 1 ? "" : "s")" } ?? "not reported"
        let overlay = Overlay(title: "Schedule: \(count)", width: width, height: min(content.count + 2, area.height - 2), glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let listed = jobs?.count ?? 0
        let listRows = max(1, inner.height - (content.count - listed))
        let skip = listed == 0 ? 0 : max(0, min(selected, listed - 1) - listRows + 1)
        var y = inner.y
        for line in content.dropFirst(skip) where y < inner.bottom {
            line.draw(x: inner.x, y: y, width: inner.width, buffer: &buffer)
            y += 1
        }
    }
}
