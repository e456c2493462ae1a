/// The footer's key hints, from the active keymap: the first key of each action that matters in
/// the current context. An action with no key is not shown.
enum FooterHints {
    static func actions(for s: AppState) -> [Action] {
        switch s.overlay {
        case .help: return [.back, .down, .up, .quit]
        case .details: return [.back, .up, .down, .logs, .dependencies, .start, .stop, .restart, .quit]
        case .dependencies: return [.back, .up, .down, .pageUp, .pageDown, .refresh, .quit]
        case .logs: return [.back, .follow, .wrap, .filter, .nextMatch, .previousMatch, .up, .down]
        case .confirm, .filterInput, .environmentInput, .confirmFix, .fixValue: return []
        case .council: return [.back, .up, .down, .quit]
        case nil: break
        }
        var list: [Action] = [.help, .quit, .focusNext, .zoom]
        switch s.focus {
        case .projects: list += [.filter, .details, .start, .stop, .restart, .logs]
        case .graph: list += [.details, .cycleKind, .collapse, .zoomIn, .zoomOut, .center, .filter]
        case .timeline: list += [.cycleKind, .cycleProject, .zoomIn, .zoomOut, .filter, .up, .down]
        case .troubleshooting: list += [.applyFix, .filter, .up, .down]
        case .metrics: break
        }
        list += [.toggleTheme, .refresh]
        return list
    }

    static func label(_ a: Action, state: AppState) -> String {
        if a == .details && state.focus == .graph { return "focus node" }
        if state.focus == .timeline, state.overlay == nil {
            if a == .zoomIn { return "narrower" }
            if a == .zoomOut { return "wider" }
        }
        if a == .filter, case .logs = state.overlay { return "search" }
        if a == .refresh, case .dependencies = state.overlay { return "check outdated" }
        return a.shortLabel
    }

    static func hints(state: AppState, keymap: Keymap) -> [Footer.Hint] {
        if case .confirm(let command) = state.overlay {
            return [Footer.Hint(keys: "y", label: Update.verb(command)), Footer.Hint(keys: "n", label: "cancel")]
        }
        if case .confirmFix = state.overlay { return [Footer.Hint(keys: "y", label: "apply"), Footer.Hint(keys: "n", label: "cancel")] }
        if case .council = state.overlay {
            return [Footer.Hint(keys: "y", label: "accept"), Footer.Hint(keys: "n", label: "reject")]
                + actions(for: state).compactMap { a in keymap.keys(for: a).first.map { Footer.Hint(keys: $0.description, label: a.shortLabel) } }
        }
        return actions(for: state).compactMap { a in
            keymap.keys(for: a).first.map {
                Footer.Hint(keys: $0.description, label: label(a, state: state))
            }
        }
    }
}
