import VantageCore

/// One row of the pane table: everything the dashboard knows about a pane. Adding a pane is its
/// widget plus one entry in `PaneSpec.all` (the table is in `PaneTable.swift`); its keys, if it
/// has its own actions, are rows of the action table.
public struct PaneSpec: Sendable {
    public var id: PaneID
    /// The word the pane's title starts with (tests and tmux checks look for these words).
    public var title: String
    /// Its slot in the full (120+ columns) and compact (80+) layouts.
    public var full: ScreenLayout.Slot
    public var compact: ScreenLayout.Slot
    /// Rows (border included) the content needs, for the height of the layout's top row.
    public var contentRows: @Sendable (AppState) -> Int?
    /// What follows the title: "(8, 3 up)".
    public var detail: @Sendable (AppState) -> String
    /// The pane's own keys (movement, its actions); nil for an action it does not handle.
    public var handle: @Sendable (Action, inout AppState) -> Outcome?
    /// Draws the content inside the pane's border.
    public var render: @Sendable (AppView, Rect, inout Buffer) -> Void

    public init(id: PaneID, title: String, full: ScreenLayout.Slot, compact: ScreenLayout.Slot,
                contentRows: @escaping @Sendable (AppState) -> Int? = { _ in nil },
                detail: @escaping @Sendable (AppState) -> String,
                handle: @escaping @Sendable (Action, inout AppState) -> Outcome?,
                render: @escaping @Sendable (AppView, Rect, inout Buffer) -> Void) {
        self.id = id
        self.title = title
        self.full = full
        self.compact = compact
        self.contentRows = contentRows
        self.detail = detail
        self.handle = handle
        self.render = render
    }

    /// The pane's spec (every `PaneID` in use comes from the table).
    public static func spec(_ id: PaneID) -> PaneSpec { byID[id] ?? all[0] }

    static let byID: [PaneID: PaneSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The layout's view of the table.
    public static let plans: [ScreenLayout.Plan] = all.map { ScreenLayout.Plan(id: $0.id, full: $0.full, compact: $0.compact) }

    /// True when `/` filters this pane (the action table says where it applies).
    public var filterable: Bool { Action.filter.spec.use(in: .pane(id)) != nil }
}

extension PaneID {
    /// Every pane, in focus order.
    public static var allCases: [PaneID] { PaneSpec.all.map(\.id) }

    public var title: String { PaneSpec.spec(self).title }

    public var next: PaneID {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    public var previous: PaneID {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + all.count - 1) % all.count]
    }
}
