/// What the pointer did, at a cell (0-based column and row), as ncurses reports it (`getmouse`):
/// the terminal's SGR (1006) or X10 (1000) reports, whichever its terminfo entry names, are
/// decoded by ncurses itself. `App` turns each into the actions keys produce (`PointerActions`).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The left button went down (acts at once; the release is ignored).
        case press
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// ncurses button-state bits (mouse protocol version 2, fixed by its ABI: five bits per
    /// button, released = 1, pressed = 2). `vt_mouse_mask` in the C shim asks for these.
    public enum Mask {
        public static let button1Pressed: UInt = 0x2
        public static let button4Pressed: UInt = 0x2 << 15
        public static let button5Pressed: UInt = 0x2 << 20
    }

    /// The event a `getmouse` state means, or nil for one the dashboard does not use (a release,
    /// the middle or right button, a position outside the screen).
    public static func decode(buttonState: UInt, x: Int, y: Int) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        if buttonState & Mask.button4Pressed != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if buttonState & Mask.button5Pressed != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if buttonState & Mask.button1Pressed != 0 { return MouseEvent(.press, x: x, y: y) }
        return nil
    }
}
