/// Where a key is pressed: in a pane (no overlay open) or in an overlay.
public enum KeyContext: Hashable, Sendable, CustomStringConvertible {
    case pane(PaneID)
    case overlay(AppOverlay.Kind)

    public var description: String {
        switch self {
        case .pane(let id): return "the \(PaneSpec.spec(id).title) pane"
        case .overlay(let kind): return kind.title
        }
    }
}

/// Where an action applies, as the `ActionSpec` table says it: one pane, every pane, one overlay
/// or every overlay. Keys may be shared by actions whose places do not overlap (`n` is the next
/// match in the log viewer and "no" in a question).
public enum Place: Hashable, Sendable {
    /// Every pane while no overlay is open.
    case panes
    case pane(PaneID)
    /// Every overlay that reads keys as actions (not the text prompts).
    case overlays
    case overlay(AppOverlay.Kind)

    public func contains(_ context: KeyContext) -> Bool {
        switch (self, context) {
        case (.panes, .pane): return true
        case (.pane(let a), .pane(let b)): return a == b
        case (.overlays, .overlay(let kind)): return !kind.takesText
        case (.overlay(let a), .overlay(let b)): return a == b
        default: return false
        }
    }

    /// True when some key context is in both places.
    public func overlaps(_ other: Place) -> Bool {
        switch (self, other) {
        case (.panes, .panes), (.panes, .pane), (.pane, .panes), (.overlays, .overlays): return true
        case (.pane(let a), .pane(let b)): return a == b
        case (.overlays, .overlay(let k)), (.overlay(let k), .overlays): return !k.takesText
        case (.overlay(let a), .overlay(let b)): return a == b
        default: return false
        }
    }

    /// The heading this place's keys are listed under in help.
    public var heading: String {
        switch self {
        case .panes: return "Panes"
        case .pane(let id): return PaneSpec.spec(id).title
        case .overlays: return "Overlays"
        case .overlay(let kind): return kind.heading
        }
    }

    /// "any pane", "Projects", "the log viewer": for "works in …" messages.
    public var title: String {
        switch self {
        case .panes: return "any pane"
        case .pane(let id): return PaneSpec.spec(id).title
        case .overlays: return "any overlay"
        case .overlay(let kind): return kind.title
        }
    }
}
