import CNcursesw
import CTerminalRescue
import Foundation
import VantageCore

/// The real screen, through ncursesw. Owned by the main actor: no other thread calls ncurses.
///
/// Setup follows the order verified on this machine: setlocale, newterm (initscr with a TERM
/// fallback), cbreak, noecho, keypad, nodelay, set_escdelay(25), curs_set(0), start_color,
/// use_default_colors. Colour pairs are allocated on demand with `init_extended_pair` and cached.
/// `close()` (endwin) restores the terminal; the runtime calls it on quit and on SIGINT/SIGTERM.
/// A crash restores it too: the terminal modes from before the screen was set up and the
/// terminal's "leave the alternate screen, show the cursor" sequence are handed to the crash
/// handlers of `CTerminalRescue` (see `CrashRescue`).
///
/// A terminal that cannot move the cursor (`TERM=dumb`, a printing terminal) is refused with a
/// message naming TERM; the dashboard would otherwise draw a blank or garbled screen.
@MainActor
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size
    public let colorDepth: ColorDepth
    /// The terminfo entry in use (TERM, or the fallback chosen when TERM was unset or unknown).
    public let terminalName: String
    public private(set) var bytesWritten: UInt64? = 0

    private let screen: OpaquePointer
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private var decoder = KeyDecoder()
    private var pendingInput: [TerminalInput] = []
    private var isClosed = false

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Whether the terminal was asked for mouse reports (asked again after a suspend).
    private let mouseReports: Bool

    /// Opens the terminal on stdin/stdout. Throws (never exits) when no terminfo entry works.
    /// `mouse`: ask the terminal for clicks and wheel turns (ncurses `mousemask`; the terminal's
    /// own selection stays on Shift-drag, as terminals do); false leaves the mouse to the terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                crashReport: String? = nil, mouse: Bool = true) throws(VantageError) {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw VantageError(.unavailable, "the dashboard needs a terminal, but standard \(isatty(STDOUT_FILENO) == 1 ? "input" : "output") is not one",
                               hint: "run it in a terminal, or use a subcommand such as `vantage scan --json`")
        }
        setlocale(LC_ALL, "")
        let requested = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        var candidates = [String]()
        if let requested { candidates.append(requested) }
        candidates += ["xterm", "vt100"].filter { $0 != requested }
        // Saved before ncurses changes them, for the crash handlers.
        _ = vt_rescue_save_modes(STDIN_FILENO)
        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            throw VantageError(.unavailable, "cannot open the terminal for drawing")
        }
        var opened: (OpaquePointer, String)?
        for name in candidates {
            if let s = newterm(name, output, input) { opened = (s, name); break }
        }
        guard let (screen, name) = opened else {
            fclose(output)
            fclose(input)
            throw VantageError(.unavailable,
                               "cannot drive this terminal: TERM is \(requested.map { "\"\($0)\" (unknown)" } ?? "not set")",
                               hint: "run it in a terminal, or set TERM, e.g. TERM=xterm-256color")
        }
        set_term(screen)
        guard Self.capability("cup") != nil else {
            endwin()
            delscreen(screen)
            fclose(output)
            fclose(input)
            throw VantageError(.unavailable,
                               "cannot drive this terminal: TERM is \"\(name)\", which cannot move the cursor, and the dashboard needs that",
                               hint: "run it in a terminal such as xterm-256color (TERM=xterm-256color), or use the subcommands, e.g. `vantage ps` or `vantage scan`")
        }
        self.screen = screen
        self.terminalName = name
        cbreak()
        noecho()
        nonl()
        let window = vt_stdscr()
        keypad(window, true)
        nodelay(window, true)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        colorDepth = ColorDepth.negotiate(colors: Int(vt_colors()), directColor: vt_has_direct_color() == 1,
                                          hasColors: hasColors, environment: environment)
        maxPairs = hasColors ? vt_color_pairs() : 0
        size = Size(width: max(1, Int(getmaxx(window))), height: max(1, Int(getmaxy(window))))
        mouseReports = mouse
        if mouse {
            // Presses act at once: no click synthesis, which would hold a press back for the release.
            mouseinterval(0)
            mousemask(vt_mouse_mask(), nil)
        }
        var restore = ["rmcup", "cnorm", "sgr0"].compactMap(Self.capability).joined()
        if restore.isEmpty { restore = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m" }
        // A crash must also give the mouse back to the terminal (SGR and X10 reports off).
        if mouse { restore += "\u{1B}[?1006l\u{1B}[?1000l" }
        _ = vt_rescue_arm(STDOUT_FILENO, restore, crashReport)
    }

    /// A terminfo string capability of the current terminal, if it has it.
    static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    public func clear() {
        guard !isClosed else { return }
        wattr_set(vt_stdscr(), vt_a_normal(), 0, nil)
        wclear(vt_stdscr())
    }

    public func move(x: Int, y: Int) {
        guard !isClosed else { return }
        wmove(vt_stdscr(), Int32(y), Int32(x))
    }

    public func setStyle(_ style: TerminalStyle) {
        guard !isClosed else { return }
        var attrs = vt_a_normal()
        if style.bold { attrs |= vt_a_bold() }
        if style.dim { attrs |= vt_a_dim() }
        if style.underline { attrs |= vt_a_underline() }
        if style.reverse { attrs |= vt_a_reverse() }
        let pair = colorDepth == .mono ? 0 : pairNumber(fg: colorNumber(style.fg), bg: colorNumber(style.bg))
        _ = vt_attr_set_pair(attrs, pair)
    }

    public func put(_ text: String) {
        guard !isClosed else { return }
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        waddnwstr(vt_stdscr(), &wide, Int32(wide.count))
    }

    public func bell() {
        guard !isClosed else { return }
        _ = beep()
    }

    public func present() {
        guard !isClosed else { return }
        // The main queue is served by whichever dispatch thread is free: each one that draws gets
        // an alternate signal stack, so a stack overflow there still reaches the crash handler.
        _ = vt_rescue_ensure_alternate_stack()
        let before = ThreadWriteCounter.bytesWritten()
        wnoutrefresh(vt_stdscr())
        doupdate()
        if let before, let after = ThreadWriteCounter.bytesWritten(), after >= before {
            bytesWritten = (bytesWritten ?? 0) + (after - before)
        } else {
            bytesWritten = nil
        }
    }

    public func readInput() -> TerminalInput? {
        guard !isClosed else { return nil }
        _ = vt_rescue_ensure_alternate_stack()
        while pendingInput.isEmpty {
            var ch: wint_t = 0
            let r = wget_wch(vt_stdscr(), &ch)
            if r == ERR {
                pendingInput += decoder.finish()
                break
            }
            if r == KEY_CODE_YES && Int32(bitPattern: ch) == KEY_MOUSE {
                var state: UInt = 0
                var x: Int32 = 0, y: Int32 = 0
                if vt_get_mouse(&state, &x, &y) == 0, let event = MouseEvent.decode(buttonState: state, x: Int(x), y: Int(y)) {
                    pendingInput += decoder.finish() + [.mouse(event)]
                }
                continue
            }
            let raw: KeyDecoder.Raw = r == KEY_CODE_YES ? .keyCode(Int32(bitPattern: ch)) : .character(UInt32(ch))
            pendingInput += decoder.feed(raw)
        }
        return pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    public func updateSize() -> Size {
        guard !isClosed else { return size }
        var rows: Int32 = 0, cols: Int32 = 0
        if vt_winsize(STDOUT_FILENO, &rows, &cols) == 0 || vt_winsize(STDIN_FILENO, &rows, &cols) == 0, rows > 0, cols > 0 {
            if rows != vt_lines() || cols != vt_cols() { resizeterm(rows, cols) }
        }
        size = Size(width: max(1, Int(getmaxx(vt_stdscr()))), height: max(1, Int(getmaxy(vt_stdscr()))))
        return size
    }

    /// Restores the terminal (endwin). Safe to call more than once.
    public func suspend() {
        guard !isClosed else { return }
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard !isClosed else { return }
        reset_prog_mode()
        if mouseReports { mousemask(vt_mouse_mask(), nil) }
        clearok(vt_stdscr(), true)
        refresh()
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        vt_rescue_disarm()
        wattr_set(vt_stdscr(), vt_a_normal(), 0, nil)
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    /// The ncurses colour number: -1 for the terminal default; 24-bit values in direct colour.
    private func colorNumber(_ color: TerminalColor) -> Int32 {
        switch color {
        case .terminalDefault: return -1
        case .index(let i):
            // In direct colour, terminfo treats numbers below 8 as the ANSI colours and the rest
            // as RGB, so the bright eight must be given as RGB.
            if colorDepth == .truecolor, i >= 8 {
                let (r, g, b) = ColorMapping.rgb(ofIndex: i)
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            }
            return Int32(i)
        case .rgb(let r, let g, let b):
            if colorDepth == .truecolor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return Int32(ColorMapping.nearest256(r, g, b))
        }
    }

    private func pairNumber(fg: Int32, bg: Int32) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        guard nextPair < maxPairs else { return 0 }  // out of pairs: default colours, never a crash
        let pair = nextPair
        guard init_extended_pair(pair, fg, bg) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }
}
