/// Where every pane goes for a terminal size: full (120+ columns), compact (80-119), side pane
/// (narrower, or too short for every pane: one pane at a time under a tab bar), or too small
/// (below 20x6). A zoomed pane takes the whole body. The footer is always the last row.
///
/// In the full and compact layouts each pane has a slot (`PaneSpec.full`, `PaneSpec.compact`):
/// a row, and a share of that row's width. The top row is as tall as its panes' content needs
/// (within a share of the screen); the other rows split what is left evenly.
public struct ScreenLayout: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable { case full, compact, sidePane, tooSmall }

    /// A pane's place in a multi-pane layout: row 0 is the top; `weight` is its share of the row.
    public struct Slot: Sendable, Equatable {
        public var row: Int
        public var weight: Double
        public init(row: Int, weight: Double) {
            self.row = row
            self.weight = weight
        }
    }

    /// What the layout needs to know of a pane.
    public struct Plan: Sendable, Equatable {
        public var id: PaneID
        public var full: Slot
        public var compact: Slot
        public init(id: PaneID, full: Slot, compact: Slot) {
            self.id = id
            self.full = full
            self.compact = compact
        }
    }

    public var mode: Mode
    public var panes: [PaneID: Rect]
    public var tabBar: Rect?
    public var footer: Rect?
    /// True when one pane fills the body because the user zoomed it.
    public var zoomed: Bool

    public static let minimum = Size(width: 20, height: 6)
    public static let fullWidth = 120
    public static let compactWidth = 80
    /// Below these heights the panes are unreadable and the side-pane layout is used instead.
    public static let fullHeight = 20
    public static let compactHeight = 16
    /// The top row is never shorter than this (border included).
    public static let minimumTopRows = 5

    public static func mode(for size: Size) -> Mode {
        if size.width < minimum.width || size.height < minimum.height { return .tooSmall }
        if size.width >= fullWidth && size.height >= fullHeight { return .full }
        if size.width >= compactWidth && size.height >= compactHeight { return .compact }
        return .sidePane
    }

    /// - Parameters:
    ///   - contentRows: rows (border included) a pane's content needs; the top row is as tall as
    ///     the largest of its panes' needs, within its share of the screen.
    ///   - plans: the panes and their slots, in focus order.
    public static func compute(size: Size, focus: PaneID, zoomed: PaneID?, contentRows: [PaneID: Int] = [:],
                               plans: [Plan] = PaneSpec.plans) -> ScreenLayout {
        let mode = mode(for: size)
        let screen = Rect(width: size.width, height: size.height)
        guard mode != .tooSmall else { return ScreenLayout(mode: mode, panes: [:], tabBar: nil, footer: nil, zoomed: false) }
        var (body, footer) = Split.bottom(screen, 1)
        if let z = zoomed {
            return ScreenLayout(mode: mode, panes: [z: body], tabBar: nil, footer: footer, zoomed: true)
        }
        switch mode {
        case .full, .compact:
            let slot: (Plan) -> Slot = { mode == .full ? $0.full : $0.compact }
            let rowCount = (plans.map { slot($0).row }.max() ?? 0) + 1
            let top = plans.filter { slot($0).row == 0 }
            // The top row: what its panes need, at most half the body (full) or 40 % (compact).
            let cap = mode == .full ? body.height / 2 : Int(Double(body.height) * 0.4)
            let need = max(minimumTopRows, top.compactMap { contentRows[$0.id] }.max() ?? 0)
            let topHeight = rowCount == 1 ? body.height : min(cap, need)
            let (topRect, rest) = Split.top(body, topHeight)
            let rows = [topRect] + (rowCount > 1 ? Split.rows(rest, Array(repeating: 1 / Double(rowCount - 1), count: rowCount - 1)) : [])
            var panes: [PaneID: Rect] = [:]
            for (r, rowRect) in rows.enumerated() {
                let inRow = plans.filter { slot($0).row == r }
                let total = inRow.reduce(0) { $0 + slot($1).weight }
                guard total > 0 else { continue }
                for (plan, rect) in zip(inRow, Split.columns(rowRect, inRow.map { slot($0).weight / total })) { panes[plan.id] = rect }
            }
            return ScreenLayout(mode: mode, panes: panes, tabBar: nil, footer: footer, zoomed: false)
        case .sidePane:
            let tab: Rect
            (tab, body) = Split.top(body, 1)
            return ScreenLayout(mode: mode, panes: [focus: body], tabBar: tab, footer: footer, zoomed: false)
        case .tooSmall:
            return ScreenLayout(mode: mode, panes: [:], tabBar: nil, footer: nil, zoomed: false)
        }
    }
}
