/// What a host keeps so that a console attaching later starts from the same state as a console
/// that watched from the start (`AttachHub`).
public protocol AttachKeeper: Sendable {
    /// Folds one event of the bus.
    mutating func fold(_ event: Event)
    /// Events that bring an empty console to the kept state, in the order it folds them.
    func snapshot() -> [Event]
}
