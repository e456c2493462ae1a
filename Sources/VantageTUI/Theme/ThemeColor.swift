/// A colour as written in a theme file: `#rrggbb`, an xterm index 0–255, one of the 16 names,
/// or `default` (the terminal's own colour, which keeps tmux panes transparent).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case rgb(UInt8, UInt8, UInt8)
    case indexed(UInt8)
}

/// How many colours the terminal can show. Negotiated once by the backend.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case mono = 0, ansi16 = 16, xterm256 = 256, truecolor = 16_777_216
    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}
