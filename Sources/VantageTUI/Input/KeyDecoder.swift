/// Decodes what ncurses `get_wch` returns into `KeyPress`es. Pure (no ncurses calls), so it is
/// tested without a terminal. A lone Esc followed at once by a character (within ESCDELAY, in the
/// same read) is Alt-character.
public struct KeyDecoder: Sendable {
    /// ncurses key codes (from <ncurses.h>; fixed by the curses ABI).
    public enum Code {
        public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        public static let delete: Int32 = 0o512, insert: Int32 = 0o513
        public static let pageDown: Int32 = 0o522, pageUp: Int32 = 0o523, enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541, end: Int32 = 0o550, resize: Int32 = 0o632
    }

    /// One value returned by `get_wch`: a character, or a key code (`KEY_CODE_YES`).
    public enum Raw: Equatable, Sendable {
        case character(UInt32)
        case keyCode(Int32)
    }

    private var pendingEscape = false

    public init() {}

    /// Feeds one raw value; returns the inputs it completes (an Esc is held until the next
    /// value or `finish()`, to recognise Alt-combinations).
    public mutating func feed(_ raw: Raw) -> [TerminalInput] {
        if pendingEscape {
            pendingEscape = false
            if case .character(let v) = raw, v >= 0x21, v != 0x7F, let scalar = Unicode.Scalar(v) {
                return [.key(.alt(Character(scalar)))]
            }
            var out: [TerminalInput] = [.key(.escape)]
            out += feed(raw)
            return out
        }
        switch raw {
        case .character(27):
            pendingEscape = true
            return []
        case .character(let v):
            return Self.decodeCharacter(v).map { [.key($0)] } ?? []
        case .keyCode(let code):
            return Self.decodeKeyCode(code).map { [$0] } ?? []
        }
    }

    /// Ends a read: a held Esc is a lone Esc.
    public mutating func finish() -> [TerminalInput] {
        guard pendingEscape else { return [] }
        pendingEscape = false
        return [.key(.escape)]
    }

    public static func decodeCharacter(_ v: UInt32) -> KeyPress? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(v) else { return nil }
            if (0x80..<0xA0).contains(v) { return nil }
            return .char(Character(scalar))
        }
    }

    public static func decodeKeyCode(_ code: Int32) -> TerminalInput? {
        switch code {
        case Code.up: return .key(.up)
        case Code.down: return .key(.down)
        case Code.left: return .key(.left)
        case Code.right: return .key(.right)
        case Code.home: return .key(.home)
        case Code.end: return .key(.end)
        case Code.pageUp: return .key(.pageUp)
        case Code.pageDown: return .key(.pageDown)
        case Code.backTab: return .key(.backTab)
        case Code.backspace: return .key(.backspace)
        case Code.delete: return .key(.delete)
        case Code.insert: return .key(.insert)
        case Code.enter: return .key(.enter)
        case Code.resize: return .resize
        case (Code.f0 + 1)...(Code.f0 + 24): return .key(.function(Int(code - Code.f0)))
        default: return nil
        }
    }
}
