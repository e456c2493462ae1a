/// Where every pane goes for a terminal size: full (120+ columns), compact (80-119), side pane
/// (narrower, or too short for five panes: one pane at a time under a tab bar), or too small
/// (below 20x6). A zoomed pane takes the whole body. The footer is always the last row.
public struct ScreenLayout: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable { case full, compact, sidePane, tooSmall }

    public var mode: Mode
    public var panes: [PaneID: Rect]
    public var tabBar: Rect?
    public var footer: Rect?
    /// True when one pane fills the body because the user zoomed it.
    public var zoomed: Bool

    public static let minimum = Size(width: 20, height: 6)
    public static let fullWidth = 120
    public static let compactWidth = 80
    /// Below these heights five panes are unreadable and the side-pane layout is used instead.
    public static let fullHeight = 20
    public static let compactHeight = 16

    public static func mode(for size: Size) -> Mode {
        if size.width < minimum.width || size.height < minimum.height { return .tooSmall }
        if size.width >= fullWidth && size.height >= fullHeight { return .full }
        if size.width >= compactWidth && size.height >= compactHeight { return .compact }
        return .sidePane
    }

    /// Rows the Metrics pane needs to show every sparkline (seven rows and its border).
    public static let metricsRows = 9

    /// - Parameter projectRows: how many projects the grid lists; the Projects pane is sized to
    ///   them (plus header and border) within its share of the screen, and the rest goes below.
    public static func compute(size: Size, focus: PaneID, zoomed: PaneID?, projectRows: Int = 0) -> ScreenLayout {
        let mode = mode(for: size)
        let screen = Rect(width: size.width, height: size.height)
        guard mode != .tooSmall else { return ScreenLayout(mode: mode, panes: [:], tabBar: nil, footer: nil, zoomed: false) }
        var (body, footer) = Split.bottom(screen, 1)
        if let z = zoomed {
            return ScreenLayout(mode: mode, panes: [z: body], tabBar: nil, footer: footer, zoomed: true)
        }
        switch mode {
        case .full:
            let topHeight = min(body.height / 2, max(metricsRows, projectRows + 3))
            let rows = Split.rows(body, [Double(topHeight) / Double(body.height), 1])
            let top = Split.columns(rows[0], [0.65, 0.35])
            let bottom = Split.columns(rows[1], [0.34, 0.33, 0.33])
            return ScreenLayout(mode: mode, panes: [
                .projects: top[0], .metrics: top[1],
                .graph: bottom[0], .timeline: bottom[1], .troubleshooting: bottom[2],
            ], tabBar: nil, footer: footer, zoomed: false)
        case .compact:
            let topHeight = min(Int(Double(body.height) * 0.4), max(5, projectRows + 3))
            let top: Rect, rest: Rect
            (top, rest) = Split.top(body, topHeight)
            let rows = [top] + Split.rows(rest, [0.5, 0.5])
            let middle = Split.columns(rows[1], [0.5, 0.5])
            let bottom = Split.columns(rows[2], [0.5, 0.5])
            return ScreenLayout(mode: mode, panes: [
                .projects: rows[0], .metrics: middle[0], .graph: middle[1],
                .timeline: bottom[0], .troubleshooting: bottom[1],
            ], tabBar: nil, footer: footer, zoomed: false)
        case .sidePane:
            let tab: Rect
            (tab, body) = Split.top(body, 1)
            return ScreenLayout(mode: mode, panes: [focus: body], tabBar: tab, footer: footer, zoomed: false)
        case .tooSmall:
            return ScreenLayout(mode: mode, panes: [:], tabBar: nil, footer: nil, zoomed: false)
        }
    }
}
