import Foundation
import VantageCore

/// The pure update function: state + message -> new state + commands. No clock, no I/O.
public enum Update {
    public static func apply(_ message: Message, to state: inout AppState) -> [Command] {
        switch message {
        case .event(let e): fold(e, into: &state); return followUp(e, state: state)
        case .input(let key): return input(key, state: &state)
        case .action(let a): return action(a, state: &state)
        case .unbound(let key):
            state.notice = Notice("\(key) is not bound to anything here" + (state.keymap.key(for: .help).map { "; \($0) lists the keys" } ?? ""))
            return []
        case .resized(let size): state.screenSize = size; return []
        }
    }

    // MARK: events

    static func fold(_ event: Event, into s: inout AppState) {
        switch event {
        case let .scanned(roots, projects):
            s.roots = roots
            // A folder scan replaces this machine's folder projects; containers come from their
            // engines, and another host's projects from that host (its scan arrives as the
            // discovery `@HOST:folders`, which a later local scan must not wipe).
            s.projects = (projects + s.projects.filter { $0.engine != nil || $0.host != nil }).sorted(by: AppState.gridOrder)
            forgetVanished(&s)
        case let .discovered(source, projects):
            s.projects = (s.projects.filter { AppState.discoverySource(of: $0) != source } + projects)
                .sorted(by: AppState.gridOrder)
            forgetVanished(&s)
        case .engine(let status):
            s.engines[status.name] = status
            advance(&s, to: status.since)
        case .systemSampled(let sample):
            s.system = sample
            s.systemSeries.add(sample)
            advance(&s, to: sample.time)
        case .projectsSampled(let samples):
            let ids = Set(s.projects.map(\.id))
            for sample in samples where ids.contains(sample.project) {
                s.samples[sample.project] = sample
                let container = s.project(sample.project)?.engine != nil
                s.runStates[sample.project] = container ? sample.state
                    : s.runStates[sample.project]?.reconciled(with: sample.state) ?? sample.state
                // Only while it runs: a stopped project leaves a gap, as in the stored history.
                if sample.state.isUp { s.projectSeries[sample.project, default: ProjectSeries(window: s.metricsWindow)].add(sample) }
                advance(&s, to: sample.time)
            }
        case let .stateChanged(project, from, to):
            guard let p = s.project(project) else { break }
            // The monitor's guess is dropped when the supervisor has a word on the project, and when
            // it changes nothing (after a supervised stop the monitor still saw the processes as
            // external and reported "external → stopped" once the supervisor had said stopped).
            if p.engine == nil, let word = s.runStates[project], word.hidesGuess(from: from, to: to) { break }
            s.runStates[project] = to
            if to.isUp, !from.isUp { s.upSince[project] = s.now } else if !to.isUp { s.upSince[project] = nil }
            if to == .backoff { s.restarts[project, default: 0] += 1 }
            s.timeline.append(TimelineEntry(time: s.now, kind: .state, project: project,
                                            text: "\(p.name): \(from.rawValue) → \(to.rawValue)"))
        case .timeline(let entry):
            s.timeline.append(entry)
            advance(&s, to: entry.time)
        case .diagnostic(let d):
            // A resolved alert takes its warning out of Troubleshooting (the timeline keeps both).
            if d.source == Diagnostic.alertSource, d.severity == .info {
                s.diagnostics.removeAll { d.resolvesAlert($0) }
            }
            // A fired alert the user cannot see rings the bell.
            if d.source == Diagnostic.alertSource, d.severity == .warning, !s.isOnScreen(.troubleshooting) { s.bellPending = true }
            s.diagnostics.append(d)
            foldProcessProblem(d, into: &s)
            advance(&s, to: d.time)
        case .log(let line):
            // Kept for the log viewer; warnings and errors also reach the troubleshooting pane.
            foldLog(line, into: &s)
        case .graph(let snapshot):
            s.graph = snapshot
            // Collapsed nodes stay collapsed across frames; those gone from the graph are forgotten.
            if !s.graphCollapsed.isEmpty { s.graphCollapsed.formIntersection(snapshot.nodes.map(\.id)) }
            s.reprojectGraph()
        case .insight(let insight):
            // Only for projects still listed; a late result for a vanished project is dropped.
            guard s.project(insight.project) != nil else { break }
            s.insights[insight.project] = insight
        case let .suggestions(project, items):
            s.advice.add(items, project: project)
        case .council(let proposals):
            foldCouncil(proposals, into: &s)
        case .runStates(let states):
            for (id, state) in states where s.project(id) != nil { s.runStates[id] = state }
        case .pastTimeline(let entries):
            foldPastTimeline(entries, into: &s)
        case .metricHistory(let history):
            foldHistory(history, into: &s)
        case .host(let status):
            s.hosts[status.name] = status
            advance(&s, to: status.since)
        case let .environments(project, available, current):
            guard s.project(project) != nil else { break }
            s.environments[project] = EnvironmentList(available: available, current: current)
        case let .throttled(project, reason):
            guard s.project(project) != nil else { break }
            s.throttled[project] = reason
        case let .portsInUse(project, ports):
            guard s.project(project) != nil else { break }
            s.portsInUse[project] = ports
        case .schedule(let report):
            foldSchedule(report, into: &s)
        case .processes(let tree): foldProcesses(tree, into: &s)
        case .signalSent(let report): foldSignalReport(report, into: &s)
        }
    }

    /// Drops what is known about projects that are no longer listed.
    static func forgetVanished(_ s: inout AppState) {
        let ids = Set(s.projects.map(\.id))
        s.samples = s.samples.filter { ids.contains($0.key) }
        s.runStates = s.runStates.filter { ids.contains($0.key) }
        s.projectSeries = s.projectSeries.filter { ids.contains($0.key) }
        s.insights = s.insights.filter { ids.contains($0.key) }
        s.advice.keep(projects: ids)
        s.projectLogs = s.projectLogs.filter { ids.contains($0.key) }
        s.environments = s.environments.filter { ids.contains($0.key) }
        s.throttled = s.throttled.filter { ids.contains($0.key) }
        s.portsInUse = s.portsInUse.filter { ids.contains($0.key) }
        s.upSince = s.upSince.filter { ids.contains($0.key) }
        s.restarts = s.restarts.filter { ids.contains($0.key) }
        if case .logs(let v) = s.overlay, !ids.contains(v.project) { s.overlay = nil }
        if case .dependencies(let id, _) = s.overlay, !ids.contains(id) { s.overlay = nil }
        if case .processes(let view) = s.overlay, !ids.contains(view.project) { s.overlay = nil }
        if s.selectedProject.map({ !ids.contains($0) }) ?? true { s.selectedProject = s.visibleProjects.first?.id }
        if case .details(let id) = s.overlay, !ids.contains(id) { s.overlay = nil }
        if case .confirm(let c) = s.overlay, let id = c.project, !ids.contains(id) { s.overlay = nil }
        if case .confirmFix(let r) = s.overlay, !ids.contains(r.project) { s.overlay = nil }
        if case .fixValue(let r, _) = s.overlay, !ids.contains(r.project) { s.overlay = nil }
        if let p = s.timelineProject, !ids.contains(p) { s.timelineProject = nil }
    }

    /// Entries from before this console came, merged with what it has seen since, by time; an
    /// entry already shown is not shown twice.
    static func foldPastTimeline(_ entries: [TimelineEntry], into s: inout AppState) {
        let current = Array(s.timeline.elements)
        let known = Set(current.map { TimelineKey($0) })
        let merged = (entries.filter { !known.contains(TimelineKey($0)) } + current).enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        s.timeline = Bounded(capacity: s.limits.timeline)
        for e in merged { s.timeline.append(e) }
        if let last = entries.last { advance(&s, to: last.time) }
    }

    private struct TimelineKey: Hashable {
        var time: Date, kind: TimelineEntry.Kind, project: ProjectID?, text: String
        init(_ e: TimelineEntry) { (time, kind, project, text) = (e.time, e.kind, e.project, e.text) }
    }

    /// Stored history for the window on screen replaces the series, keeping the live samples newer
    /// than it; history for another window (asked for before the key was pressed again) is dropped.
    static func foldHistory(_ h: MetricHistory, into s: inout AppState) {
        guard h.window == s.metricsWindow else { return }
        s.systemSeries = h.system.followed(by: s.systemSeries)
        let ids = Set(s.projects.map(\.id))
        for (id, series) in h.projects where ids.contains(id) {
            s.projectSeries[id] = series.followed(by: s.projectSeries[id] ?? ProjectSeries(window: h.window))
        }
    }

    static func advance(_ s: inout AppState, to time: Date) { if time > s.now { s.now = time } }
}
