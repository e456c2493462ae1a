import VantageCore

/// Keys: an action goes to the open overlay, or to the focused pane (`PaneSpec.handle`) and then
/// to the keys every pane shares. Every action ends in a visible change, commands, or a notice in
/// the footer saying why it did nothing; an action pressed where the table says it does not apply
/// says where it works.
extension Update {
    static func action(_ a: Action, state s: inout AppState) -> [Command] {
        s.notice = nil
        let before = s
        let context = s.keyContext
        guard let use = a.spec.use(in: context) else {
            s.notice = Notice(notHere(a, context: context, state: s))
            return []
        }
        let outcome: Outcome
        if let overlay = s.overlay {
            outcome = overlayAction(a, overlay: overlay, state: &s)
        } else {
            outcome = PaneSpec.spec(s.focus).handle(a, &s) ?? paneAction(a, state: &s)
        }
        switch outcome {
        case .refused(let why):
            s.notice = Notice("\(use.label): \(why)")
            return []
        case .done(let commands):
            // The safety net: a key that changed nothing and sent nothing says so.
            if commands.isEmpty, s == before { s.notice = Notice("\(use.label): nothing to do here") }
            return commands
        }
    }

    /// "fix works in Troubleshooting"; in a question, what to answer.
    static func notHere(_ a: Action, context: KeyContext, state s: AppState) -> String {
        if context == .overlay(.question) { return answerHint(s) }
        if context == .overlay(.quit) { return quitHint(s) }
        return "\(a.spec.uses[0].label) works \(a.spec.whereItWorks)"
    }

    /// Keys every pane shares (the action table's `.panes` rows).
    static func paneAction(_ a: Action, state s: inout AppState) -> Outcome {
        switch a {
        case .quit: return quit(&s)
        case .help: s.overlay = .help(scroll: 0)
        case .focusNext, .focusPrevious:
            s.focus = a == .focusNext ? s.focus.next : s.focus.previous
            if s.zoomed != nil { s.zoomed = s.focus }
        case .zoom: s.zoomed = s.zoomed == nil ? s.focus : nil
        case .toggleTheme: toggleTheme(&s)
        case .filter: s.overlay = .filterInput(s.focus)
        case .refresh: return .done([.refresh])
        case .back:
            if s.focus == .graph, s.graphFocus != nil {
                s.graphFocus = nil
            } else if s.zoomed != nil {
                s.zoomed = nil
            } else if s.filters[s.focus] != nil {
                s.filters[s.focus] = nil
                afterFilterChange(&s, pane: s.focus)
            } else {
                return .refused("nothing to close or clear here")
            }
        case .details:
            guard let id = s.selectedProject, s.project(id) != nil else { return .refused("no project selected") }
            s.overlay = .details(id)
        case .council: s.overlay = .council(selected: 0)
        case .schedule: s.overlay = .schedule(selected: 0)
        case .palette: s.overlay = .palette(text: "")
        case .processes: return openProcesses(state: &s)
        case .shell: return openShell(state: &s)
        case .metricsWindow:
            // The series start over at the new resolution; the stored history fills them.
            s.metricsWindow = s.metricsWindow.next
            s.systemSeries = SystemSeries(window: s.metricsWindow)
            s.projectSeries = [:]
            return .done([.loadHistory(s.metricsWindow)])
        case .start, .stop, .restart, .pause, .kill, .remove, .switchEnvironment, .logs, .dependencies:
            return projectAction(a, state: &s)
        default: return .refused("nothing to do in \(s.keyContext)")
        }
        return .done([])
    }

    /// Keys in an overlay: `q` and Esc close it (never quit), `?` opens help, `t` switches theme;
    /// the rest belongs to the overlay.
    static func overlayAction(_ a: Action, overlay: AppOverlay, state s: inout AppState) -> Outcome {
        switch a {
        case .quit, .back:
            s.overlay = nil
            return .done([])
        case .help:
            s.overlay = overlay.kind == .help ? nil : .help(scroll: 0)
            return .done([])
        case .toggleTheme:
            toggleTheme(&s)
            return .done([])
        default: break
        }
        switch overlay {
        case .help(let scroll): return helpAction(a, scroll: scroll, state: &s)
        case .details: return detailsAction(a, state: &s)
        case .confirm(.runScheduledJob(let job)): return runJobAnswer(a, job: job, state: &s)
        case .confirm(let command):
            s.overlay = nil
            return a == .accept ? .done([command]) : .done([])
        case .confirmFix(let request): return fixAnswer(a, request: request, state: &s)
        case .council(let selected): return councilAction(a, selected: selected, state: &s)
        case .logs(let viewer): return logViewerAction(a, viewer: viewer, state: &s)
        case .dependencies(let id, let scroll): return dependenciesAction(a, project: id, scroll: scroll, state: &s)
        case .quit: return quitAnswer(a, state: &s)
        case .entry(let entry, let scroll): return entryAction(a, entry: entry, scroll: scroll, state: &s)
        case .schedule(let selected): return scheduleAction(a, selected: selected, state: &s)
        case .processes(let view): return processesAction(a, view: view, state: &s)
        case .filterInput, .environmentInput, .fixValue, .palette:
            return .refused("type the text, then Enter (or Esc to cancel)")
        }
    }

    /// Help scrolls within what does not fit on the screen last reported (laid out as it is drawn),
    /// so `G`/`End` show its end and the next `k` moves at once.
    static func helpAction(_ a: Action, scroll: Int, state s: inout AppState) -> Outcome {
        if a == .details { s.overlay = nil; return .done([]) }
        let size = s.screenSize ?? Size(width: 80, height: 24)
        let body = Rect(width: size.width, height: size.height - 1)
        let help = HelpOverlay(keymap: s.keymap, glyphs: .ascii)
        let last = help.maxScroll(in: body)
        let current = min(scroll, last)
        guard let next = scrollTarget(a, from: current, page: help.visibleRows(in: body), last: last) else {
            return .refused("nothing to do in help")
        }
        let target = max(0, min(next, last))
        if target == current {
            if last == 0 { return .refused("help fits on the screen: nothing to scroll") }
            return .refused(next < current ? "already at the top of help" : "already at the end of help")
        }
        s.overlay = .help(scroll: target)
        return .done([])
    }

    static func detailsAction(_ a: Action, state s: inout AppState) -> Outcome {
        switch a {
        case .details: s.overlay = nil
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            let moved = moveInGrid(a, state: &s) ?? .done([])
            if let id = s.selectedProject { s.overlay = .details(id) }
            return moved
        case .start, .stop, .restart, .pause, .kill, .remove, .switchEnvironment, .logs, .dependencies:
            return projectAction(a, state: &s)
        case .processes: return openProcesses(state: &s)
        case .shell: return openShell(state: &s)
        default: return .refused("nothing to do in the details")
        }
        return .done([])
    }

    /// Where a movement key takes a view scrolled by `scroll` lines (unclamped; `last` for the
    /// bottom), or nil for a key that does not scroll.
    static func scrollTarget(_ a: Action, from scroll: Int, page: Int, last: Int) -> Int? {
        switch a {
        case .up: return scroll - 1
        case .down: return scroll + 1
        case .pageUp: return scroll - page
        case .pageDown: return scroll + page
        case .top: return 0
        case .bottom: return last
        default: return nil
        }
    }

    static func toggleTheme(_ s: inout AppState) { s.themeVariant = s.themeVariant == .dark ? .light : .dark }

    /// Rows of the list the keys move in, for PageUp/PageDown: the focused pane's (less its
    /// border and header), or the body's under an overlay; 10 before the size is known.
    static func visibleRows(_ s: AppState) -> Int {
        guard let size = s.screenSize else { return 10 }
        if s.overlay != nil { return max(1, size.height - 1 - 2) }
        guard let rect = s.layout?.panes[s.focus] else { return 10 }
        return max(1, rect.height - 2 - (s.focus == .projects ? 1 : 0))
    }

    // MARK: raw keys for the prompts that take text

    static func input(_ key: KeyPress, state s: inout AppState) -> [Command] {
        s.notice = nil
        var understood = true
        var commands: [Command] = []
        switch s.overlay {
        case .environmentInput(let id, var text):
            switch key {
            case .char(let c) where !c.isWhitespace: text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .escape: s.overlay = nil; return []
            case .enter: return submitEnvironment(text, project: id, state: &s)
            default: understood = false
            }
            if understood { s.overlay = .environmentInput(id, text: text) }
        case .filterInput(let pane):
            var text = s.filter(pane)
            switch key {
            case .char(let c): text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .enter: s.overlay = nil
            case .escape: text = ""; s.overlay = nil
            default: understood = false
            }
            s.filters[pane] = text.isEmpty ? nil : text
            afterFilterChange(&s, pane: pane)
        case .logs(let v) where v.typing != nil:
            understood = logPromptInput(key, viewer: v, state: &s)
        case .fixValue:
            (understood, commands) = fixValueInput(key, state: &s)
        case .palette(var text):
            switch key {
            case .char(let c): text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .tab:
                let completed = CommandPalette.complete(text, state: s)
                if completed == text { s.notice = Notice(CommandPalette.candidates(text, state: s).isEmpty ? "nothing to complete" : "more than one way on: type a letter") }
                text = completed
            case .escape: s.overlay = nil; return []
            case .enter:
                s.overlay = nil
                return CommandPalette.run(text, state: &s)
            default: understood = false
            }
            if understood { s.overlay = .palette(text: text) }
        default: break
        }
        if !understood { s.notice = Notice("\(key) is not text: type, then Enter, or Esc to cancel") }
        return commands
    }

    static func afterFilterChange(_ s: inout AppState, pane: PaneID) {
        if pane == .projects {
            let visible = s.visibleProjects
            if !visible.contains(where: { $0.id == s.selectedProject }) { s.selectedProject = visible.first?.id ?? s.selectedProject }
        } else {
            s.scroll[pane] = 0
        }
    }
}
