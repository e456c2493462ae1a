/// Where frames go. `TerminalWriter` is the only caller: it sends the changed cells of each
/// frame, moving the pen only when it is not already in place and setting a style only when it
/// differs, then calls `present()` once.
///
/// Backends: `NcursesTerminal` (the real screen) and `MemoryTerminal` (records, for tests).
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// The colour depth negotiated once when the terminal was opened.
    var colorDepth: ColorDepth { get }
    /// Erases the whole screen (a full repaint follows). The pen position becomes unknown.
    func clear()
    /// Moves the pen to column `x`, row `y`.
    func move(x: Int, y: Int)
    /// Sets the style of the text written next.
    func setStyle(_ style: TerminalStyle)
    /// Writes `text` at the pen; the pen advances by its display width.
    func put(_ text: String)
    /// Makes what was written visible (ncurses `refresh`).
    func present()
    /// Reads the next key without waiting; `nil` when none is pending.
    func readInput() -> TerminalInput?
    /// Re-reads the terminal's size after a resize signal or `KEY_RESIZE` and adapts to it.
    func updateSize() -> Size
    /// Bytes sent to the real terminal so far, when the backend can measure them.
    var bytesWritten: UInt64? { get }
    /// Rings the terminal's bell (or flashes the screen, as the terminal is set up to).
    func bell()
    /// Gives the terminal back as it was before the screen (leaves the alternate screen, normal
    /// modes, mouse reports off) for a program the user runs in it (`!`); `resume` takes it again.
    func suspend()
    func resume()
}

extension Terminal {
    public func suspend() {}
    public func resume() {}
}

/// What a backend reads from the keyboard.
public enum TerminalInput: Equatable, Sendable {
    case key(KeyPress)
    /// The terminal changed size (ncurses `KEY_RESIZE`).
    case resize
    /// A click or a wheel turn (only when the mouse is on: `--no-mouse` leaves the terminal's own).
    case mouse(MouseEvent)
}
