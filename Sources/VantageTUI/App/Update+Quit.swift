import VantageCore

/// Quitting (`q` in a pane). With projects this console started still running and `on_exit` set
/// to `ask`, a question on screen: stop them and quit, keep them running under a Vantage daemon
/// and quit, or cancel. The answer is `AppState.quitChoice`, which the program that ran the screen
/// carries out once the screen is closed (`stop` stops them, `keep` hands them to a daemon).
extension Update {
    static func quit(_ s: inout AppState) -> Outcome {
        if s.onExit == .ask, !s.runningOnQuit.isEmpty {
            s.overlay = .quit
            return .done([])
        }
        return finishQuit(nil, &s)
    }

    /// The answer in the quit question; `n` (and `q`, Esc, as in every overlay) cancels.
    static func quitAnswer(_ a: Action, state s: inout AppState) -> Outcome {
        switch a {
        case .quitStopping: return finishQuit(.stop, &s)
        case .quitKeeping: return finishQuit(.keep, &s)
        case .reject:
            s.overlay = nil
            s.notice = Notice("not quitting; the projects keep running here", role: .muted)
            return .done([])
        default: return .refused(quitHint(s))
        }
    }

    static func finishQuit(_ choice: OnExit?, _ s: inout AppState) -> Outcome {
        s.overlay = nil
        s.quitChoice = choice
        s.shouldQuit = true
        return .done([.shutdown])
    }

    /// "press s to stop them and quit, k to keep them running, n or Esc to cancel", with the active keys.
    static func quitHint(_ s: AppState) -> String {
        func key(_ a: Action) -> String { s.keymap.key(for: a) ?? "(unbound)" }
        let esc = s.keymap.key(for: .back).map { " or \($0)" } ?? ""
        return "press \(key(.quitStopping)) to stop them and quit, \(key(.quitKeeping)) to keep them running, "
            + "\(key(.reject))\(esc) to cancel"
    }
}
