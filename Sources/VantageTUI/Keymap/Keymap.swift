/// Named actions bound to keys. The default comes from the action table (`Keymap.defaults`,
/// written out as `keymaps/default.toml`); a preset or a user file overrides it partially (see
/// KeymapLoader). Help and footer hints are generated from the same table, so the screen never
/// describes a key that does something else. A key may be bound to several actions whose places
/// do not overlap (`n`: next match in the log viewer, "no" in a question).
public struct Keymap: Sendable, Equatable {
    public var name: String
    /// Keys per action, in the order they were written (the first is shown in hints).
    public private(set) var bindings: [Action: [KeyPress]]

    public init(name: String, bindings: [Action: [KeyPress]]) {
        self.name = name
        self.bindings = bindings
    }

    /// The action bound to `key` that applies in `context`; when none applies there, the first
    /// action bound to the key (so the caller can say where it works); nil for an unbound key.
    public func action(for key: KeyPress, in context: KeyContext) -> Action? {
        let bound = Action.allCases.filter { bindings[$0]?.contains(key) == true }
        return bound.first { $0.spec.use(in: context) != nil } ?? bound.first
    }

    /// The first action bound to `key`, wherever it applies.
    public func action(for key: KeyPress) -> Action? {
        Action.allCases.first { bindings[$0]?.contains(key) == true }
    }

    public func keys(for action: Action) -> [KeyPress] { bindings[action] ?? [] }

    /// The first key of `action` as help writes it ("q", "Esc"), or nil when it is unbound.
    public func key(for action: Action) -> String? { keys(for: action).first?.description }

    public mutating func bind(_ action: Action, to keys: [KeyPress]) { bindings[action] = keys }
}
