import VantageCore

/// What `Update.apply` folds into the state.
public enum Message: Sendable, Equatable {
    /// A key already resolved through the keymap.
    case action(Action)
    /// A raw key, while a prompt that takes text is open.
    case input(KeyPress)
    /// A key bound to no action.
    case unbound(KeyPress)
    /// The terminal's size, at start and after every resize (paging moves by what is on screen).
    case resized(Size)
    /// A message from an actor.
    case event(Event)
}
