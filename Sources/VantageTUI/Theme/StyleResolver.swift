/// Turns a cell's semantic style into what the terminal draws, through the active theme and the
/// negotiated colour depth. Results are cached: a frame has few distinct styles.
///
/// In mono (no colour, or `NO_COLOR`) only attributes remain: a cell on a coloured background
/// (selection, a title bar) is drawn in reverse video, and accent/warn/error text in bold, so
/// the selection is still visible.
public struct StyleResolver: Sendable {
    public let theme: Theme
    public let depth: ColorDepth
    private var cache: [CellStyle: TerminalStyle] = [:]

    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
    }

    public mutating func resolve(_ style: CellStyle) -> TerminalStyle {
        if let hit = cache[style] { return hit }
        let resolved = Self.resolve(style, theme: theme, depth: depth)
        cache[style] = resolved
        return resolved
    }

    public static func resolve(_ style: CellStyle, theme: Theme, depth: ColorDepth) -> TerminalStyle {
        if depth == .mono {
            let onColour = style.bg.map { $0 != .background } ?? false
            let emphasised: Set<StyleRole> = [.accent, .warn, .error, .selection]
            return TerminalStyle(bold: style.bold || emphasised.contains(style.fg),
                                 dim: style.dim || style.fg == .muted,
                                 underline: style.underline,
                                 reverse: style.reverse != onColour)
        }
        let onDark = theme.variant == .dark
        return TerminalStyle(fg: ColorMapping.resolve(theme.color(for: style.fg), depth: depth, onDark: onDark),
                             bg: ColorMapping.resolve(theme.color(for: style.bg ?? .background), depth: depth, onDark: onDark),
                             bold: style.bold, dim: style.dim, underline: style.underline, reverse: style.reverse)
    }
}
