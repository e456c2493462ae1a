/// The /proc monitor sees a folder project's processes (`external`) or none (`stopped`); a
/// supervisor knows more (starting, ready, backoff…). A change between `stopped` and `external` is
/// the monitor's guess; any other change is a supervisor's or an engine's report and always stands.
extension RunState {
    public static func isGuess(from: RunState, to: RunState) -> Bool {
        (from == .stopped || from == .external) && (to == .stopped || to == .external)
    }

    /// The state to show when the monitor reports `reported` and the supervisor last said `self`:
    /// while the supervisor has a word on the project (anything but stopped or external), the
    /// monitor's guess does not replace it.
    public func reconciled(with reported: RunState) -> RunState {
        guard reported == .external || reported == .stopped else { return reported }
        return self == .stopped || self == .external ? reported : self
    }

    /// True when the monitor's guess `from → to` tells nothing beside the supervisor's last word
    /// `self`: the supervisor has a word that the guess does not replace, or it already said `to`
    /// (after a supervised stop the monitor, which saw the processes as external, reports
    /// "external → stopped" once the supervisor has said stopped).
    public func hidesGuess(from: RunState, to: RunState) -> Bool {
        Self.isGuess(from: from, to: to) && (reconciled(with: to) != to || self == to)
    }
}
