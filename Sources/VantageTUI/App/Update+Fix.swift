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

    static func askToApplyFix(_ s: inout AppState) {
        guard s.focus == .troubleshooting, let entry = selectedProblem(s), let advice = entry.suggestion,
              let fix = advice.automatedFix, let project = entry.project else { return }
        s.overlay = .confirmFix(FixRequest(project: project, projectName: s.project(project)?.name ?? entry.source,
                                           problem: advice.problem, title: advice.title, fix: fix,
                                           argument: advice.fixArgument))
    }

    static func fixInput(_ key: KeyPress, state s: inout AppState) -> [Command] {
        switch s.overlay {
        case .confirmFix(let request):
            switch key {
            case .char("y"), .char("Y"):
                if request.fix == fillEnvFix {
                    s.overlay = .fixValue(request, text: "")
                    return []
                }
                s.overlay = nil
                return [.applyFix(request)]
            case .char("n"), .char("N"), .escape: s.overlay = nil
            default: break
            }
        case .fixValue(var request, var text):
            switch key {
            case .char(let c): text.append(c)
            case .backspace, .delete: if !text.isEmpty { text.removeLast() }
            case .escape: s.overlay = nil; return []
            case .enter:
                s.overlay = nil
                request.value = text.isEmpty ? nil : text
                return [.applyFix(request)]
            default: break
            }
            s.overlay = .fixValue(request, text: text)
        default: break
        }
        return []
    }

    /// The confirmation question for a fix.
    static func question(_ r: FixRequest) -> String {
        let what = AdviceLines.fixLabel(r.fix) + (r.argument.map { " " + $0 } ?? "")
        return "Apply \"\(what)\" to \(r.projectName)?"
    }
}
