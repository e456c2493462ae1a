/// A colour as the terminal backend understands it, after the theme and the colour depth were
/// applied: the terminal's own default, a palette index valid at the negotiated depth, or a
/// 24-bit colour (only at `.truecolor`).
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// A resolved style: what a backend needs to draw a cell. Produced by `StyleResolver`.
public struct TerminalStyle: Hashable, Sendable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: TerminalColor = .terminalDefault, bg: TerminalColor = .terminalDefault, bold: Bool = false,
                dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = TerminalStyle()
}
