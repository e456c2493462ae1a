/// A key as read from the terminal, independent of ncurses.
public enum KeyPress: Hashable, Sendable, CustomStringConvertible {
    case char(Character)       // printable, including shifted letters ('R')
    case ctrl(Character)       // Ctrl-letter, lowercase ('c' for Ctrl-C)
    case alt(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// The name used in keymap files and shown in help: "q", "R", "Ctrl-c", "Shift-Tab", "Up", "F5".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c)"
        case .alt(let c): return "Alt-\(c)"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PageUp"
        case .pageDown: return "PageDown"
        case .function(let n): return "F\(n)"
        }
    }
}
