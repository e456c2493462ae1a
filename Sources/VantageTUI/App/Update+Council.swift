import VantageCore

/// The council overlay (`c`): select a proposal with up/down, `y` accepts and `n` rejects it
/// (each sends `Command.decide`, which the council turns into a timeline decision), Esc closes.
extension Update {
    static func foldCouncil(_ proposals: [CouncilProposal], into s: inout AppState) {
        s.council = proposals
        if case .council(let selected) = s.overlay {
            s.overlay = .council(selected: max(0, min(selected, proposals.count - 1)))
        }
    }

    static func councilInput(_ key: KeyPress, state s: inout AppState) -> [Command] {
        guard case .council(let selected) = s.overlay, s.council.indices.contains(selected) else { return [] }
        guard let accepted = CouncilKeys.answer(key) else { return [] }
        let proposal = s.council[selected]
        // The answered proposal leaves the list until the council publishes again.
        s.council.remove(at: selected)
        s.overlay = .council(selected: max(0, min(selected, s.council.count - 1)))
        return [.decide(proposal, accepted: accepted)]
    }

    static func councilAction(_ a: Action, selected: Int, state s: inout AppState) -> [Command] {
        let last = max(0, s.council.count - 1)
        switch a {
        case .back, .council: s.overlay = nil
        case .up: s.overlay = .council(selected: max(0, selected - 1))
        case .down: s.overlay = .council(selected: min(last, selected + 1))
        case .top: s.overlay = .council(selected: 0)
        case .bottom: s.overlay = .council(selected: last)
        case .refresh: return [.refresh]
        case .help: s.overlay = .help(scroll: 0)
        case .toggleTheme: toggleTheme(&s)
        default: break
        }
        return []
    }
}

/// The answer keys of the council overlay (fixed, like the y/n of a confirmation).
public enum CouncilKeys {
    /// True for accept (y), false for reject (n), nil for any other key.
    public static func answer(_ key: KeyPress) -> Bool? {
        switch key {
        case .char("y"), .char("Y"): true
        case .char("n"), .char("N"): false
        default: nil
        }
    }

    public static func answers(_ key: KeyPress) -> Bool { answer(key) != nil }
}
