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

    static func councilAction(_ a: Action, selected: Int, state s: inout AppState) -> Outcome {
        let last = max(0, s.council.count - 1)
        switch a {
        case .council: s.overlay = nil; return .done([])
        case .refresh: return .done([.refresh])
        case .accept, .reject:
            guard s.council.indices.contains(selected) else { return .refused("no proposal to answer") }
            let proposal = s.council[selected]
            guard proposal.status == .proposed else {
                return .refused("this proposal was already answered: \(proposal.status.rawValue)" + (proposal.outcome.map { ", " + $0 } ?? ""))
            }
            // Marked answered here at once; the council's next list says what came of it.
            s.council[selected].status = a == .accept ? .accepted : .rejected
            return .done([.decide(proposal, accepted: a == .accept)])
        default: break
        }
        guard !s.council.isEmpty else { return .refused("no proposals to move through") }
        let next = scrollTarget(a, from: selected, page: visibleRows(s), last: last) ?? selected
        let clamped = max(0, min(last, next))
        if clamped == selected { return .refused(next < selected ? "already at the first proposal" : "already at the last proposal") }
        s.overlay = .council(selected: clamped)
        return .done([])
    }
}
