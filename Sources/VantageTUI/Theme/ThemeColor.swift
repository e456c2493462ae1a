/// A colour as written in a theme file: `#rrggbb`, an xterm index 0–255, one of the 16 names,
/// or `default` (the terminal's own colour, which keeps tmux panes transparent).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case rgb(UInt8, UInt8, UInt8)
    case indexed(UInt8)
}

/// How many colours the terminal can show. Negotiated once by the backend.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    case mono = 0, ansi8 = 8, ansi16 = 16, xterm256 = 256, truecolor = 16_777_216
    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// The depth to use, decided once from what terminfo says and the environment:
    /// truecolor only with direct colour (`RGB` flag or COLORS ≥ 2^24); `NO_COLOR` (non-empty)
    /// forces mono; a terminal without colour is mono.
    public static func negotiate(colors: Int, directColor: Bool, hasColors: Bool = true,
                                 environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        guard hasColors else { return .mono }
        if directColor || colors >= 16_777_216 { return .truecolor }
        if colors >= 256 { return .xterm256 }
        if colors >= 16 { return .ansi16 }
        if colors >= 8 { return .ansi8 }
        return .mono
    }
}
