extension KeyPress {
    /// Names of the keys that are not a single character, as keymap files write them. Matching is
    /// case-insensitive for these; single characters are taken literally (`R` is not `r`).
    static let namedKeys: [String: KeyPress] = {
        var names: [String: KeyPress] = [
            "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab,
            "shift-tab": .backTab, "backtab": .backTab, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "delete": .delete, "del": .delete, "insert": .insert,
            "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
            "pageup": .pageUp, "pagedown": .pageDown, "pgup": .pageUp, "pgdn": .pageDown,
        ]
        for n in 1...24 { names["f\(n)"] = .function(n) }
        return names
    }()

    /// Parses a key name as `description` prints it: `q`, `R`, `?`, `Space`, `Tab`, `Shift-Tab`,
    /// `Up`, `PageDown`, `Enter`, `Esc`, `F5`, `Ctrl-c`, `Alt-x`. Returns nil for anything else.
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            guard let scalar = c.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F else { return nil }
            self = .char(c)
            return
        }
        if let named = Self.namedKeys[name.lowercased()] {
            self = named
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "c-"] where lower.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            // Ctrl-letters only: a terminal cannot tell Ctrl-C from Ctrl-c.
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            self = .ctrl(Character(c.lowercased()))
            return
        }
        for prefix in ["alt-", "m-"] where lower.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, let scalar = c.unicodeScalars.first,
                  scalar.value > 0x20, scalar.value != 0x7F else { return nil }
            self = .alt(c)
            return
        }
        return nil
    }
}
