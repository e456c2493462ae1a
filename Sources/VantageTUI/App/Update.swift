import Foundation
import VantageCore

/// The pure update function: state + message -> new state + commands. No clock, no I/O.
public enum Update {
    /// Lines moved by PageUp/PageDown (the update does not know the pane's height).
    public static let pageSize = 10

    public static func apply(_ message: Message, to state: inout AppState) -> [Command] {
        switch message {
        case .event(let e): fold(e, into: &state); return []
        case .input(let key): return input(key, state: &state)
        case .action(let a): return action(a, state: &state)
        }
    }

    // MARK: events

    static func fold(_ event: Event, into s: inout AppState) {
        switch event {
        case let .scanned(roots, projects):
            s.roots = roots
            // A folder scan replaces the folder projects; containers come from their engines.
            s.projects = (projects + s.projects.filter { $0.engine != nil }).sorted(by: AppState.gridOrder)
            forgetVanished(&s)
        case let .discovered(source, projects):
            s.projects = (s.projects.filter { p in p.engine.map { "docker:" + $0 } != source } + projects)
                .sorted(by: AppState.gridOrder)
            forgetVanished(&s)
        case .engine(let status):
            s.engines[status.name] = status
            advance(&s, to: status.since)
        case .systemSampled(let sample):
            s.system = sample
            s.systemSeries.append(sample)
            advance(&s, to: sample.time)
        case .projectsSampled(let samples):
            let ids = Set(s.projects.map(\.id))
            for sample in samples where ids.contains(sample.project) {
                s.samples[sample.project] = sample
                let container = s.project(sample.project)?.engine != nil
                s.runStates[sample.project] = container ? sample.state : reconciled(s.runStates[sample.project], sample.state)
                s.projectSeries[sample.project, default: ProjectSeries(capacity: s.limits.seriesPoints)].append(sample)
                advance(&s, to: sample.time)
            }
        case let .stateChanged(project, from, to):
            guard let p = s.project(project) else { break }
            if isGuess(from, to), p.engine == nil, reconciled(s.runStates[project], to) != to { break }
            s.runStates[project] = to
            s.timeline.append(TimelineEntry(time: s.now, kind: .state, project: project,
                                            text: "\(p.name): \(from.rawValue) → \(to.rawValue)"))
        case .timeline(let entry):
            s.timeline.append(entry)
            advance(&s, to: entry.time)
        case .diagnostic(let d):
            s.diagnostics.append(d)
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
        }
    }

    /// The /proc monitor sees a folder project's processes (`external`) or none (`stopped`); the
    /// supervisor knows more (starting, ready, backoff…). While the supervisor has a word on a
    /// project, the monitor's guess does not replace it.
    static func reconciled(_ current: RunState?, _ reported: RunState) -> RunState {
        guard reported == .external || reported == .stopped, let current else { return reported }
        return current == .stopped || current == .external ? reported : current
    }

    /// A change between `stopped` and `external` is the monitor's guess; any other is a
    /// supervisor's or an engine's report and always stands.
    static func isGuess(_ from: RunState, _ to: RunState) -> Bool {
        (from == .stopped || from == .external) && (to == .stopped || to == .external)
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
        if case .logs(let v) = s.overlay, !ids.contains(v.project) { s.overlay = nil }
        if case .dependencies(let id, _) = s.overlay, !ids.contains(id) { s.overlay = nil }
        if s.selectedProject.map({ !ids.contains($0) }) ?? true { s.selectedProject = s.visibleProjects.first?.id }
        if case .details(let id) = s.overlay, !ids.contains(id) { s.overlay = nil }
        if case .confirm(let c) = s.overlay, let id = c.project, !ids.contains(id) { s.overlay = nil }
        if case .confirmFix(let r) = s.overlay, !ids.contains(r.project) { s.overlay = nil }
        if case .fixValue(let r, _) = s.overlay, !ids.contains(r.project) { s.overlay = nil }
        if let p = s.timelineProject, !ids.contains(p) { s.timelineProject = nil }
    }

    static func advance(_ s: inout AppState, to time: Date) { if time > s.now { s.now = time } }

    // MARK: raw keys for overlays that take text or an answer

    static func input(_ key: KeyPress, state s: inout AppState) -> [Command] {
        switch s.overlay {
        case .confirm(let command):
            switch key {
            case .char("y"), .char("Y"):
                s.overlay = nil
                return [command]
            case .char("n"), .char("N"), .escape:
                s.overlay = nil
            default: break
            }
        case .environmentInput(let id, var text):
            switch key {
            case .char(let c) where !c.isWhitespace: text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .escape: s.overlay = nil; return []
            case .enter:
                s.overlay = nil
                return text.isEmpty ? [] : [.useEnvironment(id, text)]
            default: break
            }
            s.overlay = .environmentInput(id, text: text)
        case .council:
            return councilInput(key, state: &s)
        case .filterInput(let pane):
            var text = s.filter(pane)
            switch key {
            case .char(let c): text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .enter: s.overlay = nil
            case .escape: text = ""; s.overlay = nil
            default: break
            }
            s.filters[pane] = text.isEmpty ? nil : text
            afterFilterChange(&s, pane: pane)
        case .logs(let v) where v.typingQuery:
            logSearchInput(key, viewer: v, state: &s)
        case .confirmFix, .fixValue:
            return fixInput(key, state: &s)
        default: break
        }
        return []
    }

    static func afterFilterChange(_ s: inout AppState, pane: PaneID) {
        switch pane {
        case .projects:
            let visible = s.visibleProjects
            if !visible.contains(where: { $0.id == s.selectedProject }) { s.selectedProject = visible.first?.id ?? s.selectedProject }
        case .timeline, .troubleshooting: s.scroll[pane] = 0
        case .graph, .metrics: break
        }
    }

    // MARK: actions

    static func action(_ a: Action, state s: inout AppState) -> [Command] {
        if a == .quit {
            s.shouldQuit = true
            return [.shutdown]
        }
        switch s.overlay {
        case .help(let scroll):
            switch a {
            case .help, .back, .details: s.overlay = nil
            case .up: s.overlay = .help(scroll: max(0, scroll - 1))
            case .down: s.overlay = .help(scroll: scroll + 1)
            case .pageUp: s.overlay = .help(scroll: max(0, scroll - pageSize))
            case .pageDown: s.overlay = .help(scroll: scroll + pageSize)
            case .top: s.overlay = .help(scroll: 0)
            case .toggleTheme: toggleTheme(&s)
            default: break
            }
            return []
        case .details:
            switch a {
            case .back, .details: s.overlay = nil
            case .help: s.overlay = .help(scroll: 0)
            case .up, .down:
                moveSelection(&s, by: a == .up ? -1 : 1)
                if let id = s.selectedProject { s.overlay = .details(id) }
            case .toggleTheme: toggleTheme(&s)
            case .start, .restart, .stop, .pause, .kill, .remove: return projectAction(a, state: &s)
            case .logs: openLogs(&s, project: s.selectedProject)
            case .dependencies: openDependencies(&s)
            default: break
            }
            return []
        case .dependencies(let id, let scroll):
            return dependenciesAction(a, project: id, scroll: scroll, state: &s)
        case .council(let selected):
            return councilAction(a, selected: selected, state: &s)
        case .logs(let viewer):
            return logViewerAction(a, viewer: viewer, state: &s)
        case .confirm, .filterInput, .environmentInput, .confirmFix, .fixValue:
            // Keys reach these overlays as `.input`; an action here only closes them.
            if a == .back { s.overlay = nil }
            return []
        case nil:
            break
        }

        switch a {
        case .quit: return []
        case .help: s.overlay = .help(scroll: 0)
        case .focusNext, .focusPrevious:
            s.focus = a == .focusNext ? s.focus.next : s.focus.previous
            if s.zoomed != nil { s.zoomed = s.focus }
        case .zoom: s.zoomed = s.zoomed == nil ? s.focus : nil
        case .toggleTheme: toggleTheme(&s)
        case .filter:
            if s.focus != .metrics { s.overlay = .filterInput(s.focus) }
        case .details:
            if s.focus == .projects, let id = s.selectedProject, s.project(id) != nil { s.overlay = .details(id) }
            if s.focus == .graph { focusNextGraphNode(&s) }
        case .refresh: return [.refresh]
        case .back:
            if s.focus == .graph, s.graphFocus != nil { s.graphFocus = nil } else if s.zoomed != nil { s.zoomed = nil } else if s.filters[s.focus] != nil {
                s.filters[s.focus] = nil
                afterFilterChange(&s, pane: s.focus)
            }
        case .up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom:
            navigate(a, state: &s)
        case .start, .stop, .restart, .pause, .kill, .remove: return projectAction(a, state: &s)
        case .switchEnvironment:
            if let p = s.selected, p.engine == nil { s.overlay = .environmentInput(p.id, text: "") }
        case .zoomIn, .zoomOut, .cycleKind, .cycleProject, .collapse: paneAction(a, state: &s)
        case .applyFix: askToApplyFix(&s)
        case .center: s.graphViewport.center()
        case .council: s.overlay = .council(selected: 0)
        case .logs: openLogs(&s, project: s.selectedProject)
        case .dependencies: openDependencies(&s)
        case .follow, .wrap, .nextMatch, .previousMatch: break
        }
        return []
    }

    /// Enter in the Graph pane: focus the next node (matching the filter, projects first). When
    /// zoomed in, the view centres on it; otherwise the whole graph stays in view.
    static func focusNextGraphNode(_ s: inout AppState) {
        let order = s.graphFocusOrder
        guard !order.isEmpty else { return }
        let next = s.graphFocusIndex.flatMap { current in order.firstIndex(of: current).map { order[($0 + 1) % order.count] } }
            ?? order[0]
        let graph = s.graphShown.shown
        let node = graph.nodes[next]
        s.graphFocus = node.id
        guard s.graphViewport.zoom > 1 else {
            s.graphViewport.panX = 0
            s.graphViewport.panY = 0
            return
        }
        let finite = graph.nodes.filter { $0.x.isFinite && $0.y.isFinite }
        guard node.x.isFinite, node.y.isFinite, let minX = finite.map(\.x).min(), let maxX = finite.map(\.x).max(),
              let minY = finite.map(\.y).min(), let maxY = finite.map(\.y).max() else { return }
        let span = max(maxX - minX, maxY - minY, 1e-9)
        s.graphViewport.panX = (node.x - (minX + maxX) / 2) / span
        s.graphViewport.panY = (node.y - (minY + maxY) / 2) / span
    }

    static func toggleTheme(_ s: inout AppState) { s.themeVariant = s.themeVariant == .dark ? .light : .dark }

    static func projectAction(_ a: Action, state s: inout AppState) -> [Command] {
        guard let id = s.selectedProject, let project = s.project(id) else { return [] }
        switch a {
        case .start: return [.launch(id)]
        case .restart: return [.restart(id)]
        case .stop: s.overlay = .confirm(.stop(id))
        case .pause: return [s.runState(id) == .paused ? .resume(id) : .pause(id)]
        case .kill: s.overlay = .confirm(.kill(id))
        // Only containers can be removed; a supervised project is stopped instead.
        case .remove: if project.engine != nil { s.overlay = .confirm(.remove(id)) }
        default: break
        }
        return []
    }

    /// The confirmation question for a stop, kill or remove: "Kill api (SIGKILL, no clean shutdown)?".
    static func question(_ command: Command, state: AppState) -> String {
        let name = command.project.map { state.project($0)?.name ?? $0.rawValue } ?? "?"
        switch command {
        case .kill: return "Kill \(name) (SIGKILL, no clean shutdown)?"
        case .remove: return "Remove container \(name)?"
        default: return "\(verb(command).prefix(1).uppercased() + verb(command).dropFirst()) \(name)?"
        }
    }

    /// The word for what `y` does in a confirmation.
    static func verb(_ command: Command) -> String {
        switch command {
        case .kill: return "kill"
        case .remove: return "remove"
        default: return "stop"
        }
    }

    static func navigate(_ a: Action, state s: inout AppState) {
        switch s.focus {
        case .projects:
            let count = s.visibleProjects.count
            switch a {
            case .up: moveSelection(&s, by: -1)
            case .down: moveSelection(&s, by: 1)
            case .pageUp: moveSelection(&s, by: -pageSize)
            case .pageDown: moveSelection(&s, by: pageSize)
            case .top: moveSelection(&s, by: -count)
            case .bottom: moveSelection(&s, by: count)
            default: break
            }
        case .timeline, .troubleshooting:
            let count = s.focus == .timeline ? s.visibleTimeline.count : s.problems.count
            let current = s.scroll[s.focus] ?? 0
            let next: Int = switch a {
            case .up: current + 1
            case .down: current - 1
            case .pageUp: current + pageSize
            case .pageDown: current - pageSize
            case .top: count
            case .bottom: 0
            default: current
            }
            s.scroll[s.focus] = max(0, min(next, max(0, count - 1)))
        case .graph:
            switch a {
            case .up: s.graphViewport.pan(dx: 0, dy: -1)
            case .down: s.graphViewport.pan(dx: 0, dy: 1)
            case .left: s.graphViewport.pan(dx: -1, dy: 0)
            case .right: s.graphViewport.pan(dx: 1, dy: 0)
            case .top, .bottom: s.graphViewport.center()
            default: break
            }
        case .metrics: break
        }
    }

    static func moveSelection(_ s: inout AppState, by delta: Int) {
        let visible = s.visibleProjects
        guard !visible.isEmpty else { return }
        let current = visible.firstIndex { $0.id == s.selectedProject } ?? 0
        s.selectedProject = visible[max(0, min(visible.count - 1, current + delta))].id
    }
}
