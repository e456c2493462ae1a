import VantageCore

/// The process view (`T`): the selected project's processes as a tree, refreshed at every monitor
/// tick (`Command.listProcesses` each time the projects are sampled), and a signal chooser
/// (`s`/F9) whose Enter sends `Command.signal` to the project's owner; the footer says what came of it.
extension Update {
    /// `T` on a project: opens the view, or says why there is nothing to show.
    static func openProcesses(state s: inout AppState) -> Outcome {
        guard let id = s.selectedProject, let project = s.project(id) else {
            return .refused(s.projects.isEmpty ? "no projects yet" : "no project selected")
        }
        if project.engine != nil {
            return .refused("\(project.name) is a container: its processes run inside the Docker engine (`docker top \(project.name)` lists them)")
        }
        let state = s.runState(id)
        guard state.isUp else {
            let start = s.keymap.key(for: .start).map { "; \($0) starts it" } ?? ""
            return .refused("\(project.name) is \(state.rawValue): it has no processes to show\(start)")
        }
        s.processTree = nil
        s.overlay = .processes(ProcessView(project: id))
        return .done([.listProcesses(id)])
    }

    /// A tree for the open view is kept; a tree another console asked for is not.
    static func foldProcesses(_ tree: ProcessTree, into s: inout AppState) {
        guard case .processes(let view) = s.overlay, view.project == tree.project else { return }
        s.processTree = tree
    }

    /// The outcome of a signal: in the footer while the view of that project is open (the
    /// timeline has it in any case).
    static func foldSignalReport(_ report: SignalReport, into s: inout AppState) {
        guard case .processes(let view) = s.overlay, view.project == report.project else { return }
        s.notice = Notice(report.summary, role: report.failure == nil ? .ok : .error)
    }

    /// A problem about the viewed project while the view is open (a command its owner refused, a
    /// daemon that cannot carry it out) goes to the footer too.
    static func foldProcessProblem(_ d: Diagnostic, into s: inout AppState) {
        guard d.severity == .error, case .processes(let view) = s.overlay, view.project == d.project else { return }
        s.notice = Notice(d.message, role: .error)
    }

    /// The commands an event calls for: the open process view asks for its tree again at each tick.
    static func followUp(_ event: Event, state s: AppState) -> [Command] {
        guard case .projectsSampled = event, case .processes(let view) = s.overlay else { return [] }
        return [.listProcesses(view.project)]
    }

    static func processesAction(_ a: Action, view: ProcessView, state s: inout AppState) -> Outcome {
        if view.signal != nil { return signalChooserAction(a, view: view, state: &s) }
        let rows = s.processTree?.rows ?? []
        let name = s.project(view.project)?.name ?? view.project.rawValue
        switch a {
        case .processes:
            s.overlay = nil
            return .done([])
        case .signal:
            guard !rows.isEmpty else { return .refused(noProcesses(name, state: s)) }
            var next = view
            next.signal = 0
            s.overlay = .processes(next)
            return .done([])
        default: break
        }
        guard !rows.isEmpty else { return .refused(noProcesses(name, state: s)) }
        let current = view.selectedIndex(in: rows)
        guard let target = scrollTarget(a, from: current, page: visibleRows(s) - 3, last: rows.count - 1) else {
            return .refused("nothing to do in the process view")
        }
        let clamped = max(0, min(rows.count - 1, target))
        if clamped == current { return .refused(target < current ? "already at the first process" : "already at the last process") }
        var next = view
        next.pid = rows[clamped].pid
        next.row = clamped
        s.overlay = .processes(next)
        return .done([])
    }

    /// The chooser: up and down pick a signal, Enter sends it to the selected process, `s`/F9
    /// goes back to the tree.
    static func signalChooserAction(_ a: Action, view: ProcessView, state s: inout AppState) -> Outcome {
        let signals = ProcessSignal.allCases
        let current = max(0, min(view.signal ?? 0, signals.count - 1))
        let rows = s.processTree?.rows ?? []
        var next = view
        next.signal = nil
        if a == .signal {
            s.overlay = .processes(next)
            return .done([])
        }
        // The process went with the tree (the project stopped): back to the list, which says so.
        guard !rows.isEmpty else {
            s.overlay = .processes(next)
            return .refused(noProcesses(s.project(view.project)?.name ?? view.project.rawValue, state: s))
        }
        switch a {
        case .details:
            s.overlay = .processes(next)
            let row = rows[view.selectedIndex(in: rows)]
            let signal = signals[current]
            s.notice = Notice("sending \(signal.name) to \(row.pid) (\(row.command))", role: .muted)
            return .done([.signal(view.project, pid: row.pid, signal)])
        default: break
        }
        guard let target = scrollTarget(a, from: current, page: signals.count, last: signals.count - 1) else {
            return .refused("pick a signal with the movement keys, Enter sends it")
        }
        let clamped = max(0, min(signals.count - 1, target))
        if clamped == current { return .refused(target < current ? "already at the first signal" : "already at the last signal") }
        next.signal = clamped
        s.overlay = .processes(next)
        return .done([])
    }

    /// Why the view is empty: no answer yet, or none of the project's processes was seen.
    static func noProcesses(_ name: String, state s: AppState) -> String {
        s.processTree == nil ? "waiting for the monitor's next reading of \(name)'s processes"
            : "no process of \(name) was seen on this machine at the last reading"
    }
}
