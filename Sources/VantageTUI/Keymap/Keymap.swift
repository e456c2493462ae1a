/// Named actions bound to keys. The default comes from `keymaps/default.toml`; a preset or a
/// user file overrides it partially (see KeymapLoader). Help and footer hints are generated
/// from the same table, so the screen never describes a key that does something else.
public struct Keymap: Sendable, Equatable {
    public var name: String
    /// Keys per action, in the order they were written (the first is shown in hints).
    public private(set) var bindings: [Action: [KeyPress]]

    public init(name: String, bindings: [Action: [KeyPress]]) {
        self.name = name
        self.bindings = bindings
    }

    public func action(for key: KeyPress) -> Action? {
        for action in Action.allCases where bindings[action]?.contains(key) == true { return action }
        return nil
    }

    public func keys(for action: Action) -> [KeyPress] { bindings[action] ?? [] }

    public mutating func bind(_ action: Action, to keys: [KeyPress]) { bindings[action] = keys }
}
