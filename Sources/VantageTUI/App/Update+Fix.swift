import VantageCore

/// The Troubleshooting pane's one-key fix: `F` on a problem whose suggestion has an automated fix
/// asks "Apply …? y/n"; y sends `Command.applyFix`. A missing variable's fix asks for the value
/// first (empty: the applier takes it from `.env.example` or another environment file).
extension Update {
    /// The fix name that needs a value typed by the user.
    static let fillEnvFix = "fill_env_from_other_environment"

    /// The problem the Troubleshooting pane's selection is on (`scroll` entries up from the newest).
    static func selectedProblem(_ s: AppState) -> LogPane.Entry? {
        let problems = s.problems
        let i = problems.count - 1 - (s.scroll[.troubleshooting] ?? 0)
        return problems.indices.contains(i) ? problems[i] : nil
    }

    static func askToApplyFix(_ s: inout AppState) -> Outcome {
        guard let entry = selectedProblem(s) else { return .refused("no problem selected") }
        guard let advice = entry.suggestion, let fix = advice.automatedFix, let project = entry.project else {
            // Nothing to run: the problem opens whole with what the knowledge base suggests doing by hand.
            let suggestions = entry.suggestion.map { [$0] } ?? []
            guard !suggestions.isEmpty || entry.project.map({ !(s.advice.byProject[$0] ?? []).isEmpty }) == true else {
                return .refused("no automatic fix for this problem, and no suggestion for it yet")
            }
            s.overlay = .entry(OpenedEntry(entry), scroll: 0)
            s.notice = Notice("no automatic fix for this problem: its suggestions are below, to apply by hand", role: .muted)
            return .done([])
        }
        s.overlay = .confirmFix(FixRequest(project: project, projectName: s.project(project)?.name ?? entry.source,
                                           problem: advice.problem, title: advice.title, fix: fix,
                                           argument: advice.fixArgument))
        return .done([])
    }

    /// The answer to "Apply …?": yes runs the fix (or first asks for a missing variable's value).
    static func fixAnswer(_ a: Action, request: FixRequest, state s: inout AppState) -> Outcome {
        guard a == .accept else {
            s.overlay = nil
            return .done([])
        }
        if request.fix == fillEnvFix {
            s.overlay = .fixValue(request, text: "")
            return .done([])
        }
        s.overlay = nil
        return .done([.applyFix(request)])
    }

    /// Keys in the value prompt; returns whether the key was understood and the commands.
    static func fixValueInput(_ key: KeyPress, state s: inout AppState) -> (Bool, [Command]) {
        guard case .fixValue(var request, var text) = s.overlay else { return (true, []) }
        switch key {
        case .char(let c): text.append(c)
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .escape: s.overlay = nil; return (true, [])
        case .enter:
            s.overlay = nil
            request.value = text.isEmpty ? nil : text
            return (true, [.applyFix(request)])
        default: return (false, [])
        }
        s.overlay = .fixValue(request, text: text)
        return (true, [])
    }

    /// The confirmation question for a fix.
    static func question(_ r: FixRequest) -> String {
        let what = AdviceLines.fixLabel(r.fix) + (r.argument.map { " " + $0 } ?? "")
        return "Apply \"\(what)\" to \(r.projectName)?"
    }
}

/// The opened entry (`Enter` on a Timeline or Troubleshooting entry): scrolls, Enter closes.
extension Update {
    static func entryAction(_ a: Action, entry: OpenedEntry, scroll: Int, state s: inout AppState) -> Outcome {
        if a == .details { s.overlay = nil; return .done([]) }
        let rows = max(1, visibleRows(s) - 2)
        let last = max(0, entryLineCount(entry, s) - rows)
        guard let next = scrollTarget(a, from: scroll, page: rows, last: last) else { return .refused("nothing to do in an opened entry") }
        let clamped = max(0, min(last, next))
        if clamped == scroll {
            return .refused(last == 0 ? "the whole entry is on screen" : next < scroll ? "already at the top" : "already at the end")
        }
        s.overlay = .entry(entry, scroll: clamped)
        return .done([])
    }

    /// Lines the opened entry takes at the screen's width (what scrolling is bounded by).
    static func entryLineCount(_ entry: OpenedEntry, _ s: AppState) -> Int {
        let width = min(100, (s.screenSize?.width ?? 80) - 2) - 4
        return AppView.entryOverlay(entry, scroll: 0, state: s, timeZone: .utc, glyphs: .unicode).lines(width: width).count
    }
}
