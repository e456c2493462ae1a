import VantageCore

/// What `Update.apply` folds into the state.
public enum Message: Sendable, Equatable {
    /// A key already resolved through the keymap.
    case action(Action)
    /// A raw key, while an overlay that takes text or an answer (filter input, y/n prompt) is open.
    case input(KeyPress)
    /// A message from an actor.
    case event(Event)
}
