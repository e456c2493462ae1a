/// One row of the action table: an action, its default keys, and what it does where. The default
/// keymap, the help screen, the footer and the "works in …" message for a key pressed in the
/// wrong place all come from `ActionSpec.all` (the table is in `ActionTable.swift`).
public struct ActionSpec: Sendable {
    /// What the action does in some places.
    public struct Use: Sendable {
        public var places: [Place]
        /// One line for help, written for a person.
        public var summary: String
        /// A word or two for the footer ("quit", "next pane").
        public var label: String
        /// Where the footer offers it (a subset of `places`).
        public var footer: [Place]
        /// The help heading it is listed under; nil: its first place's heading.
        public var heading: String?
        /// Where in the footer it goes: keys that work everywhere first, then the place's own
        /// keys, then movement, then `.last` (theme, refresh); table order within a group.
        public var footerGroup: FooterGroup

        public enum FooterGroup: Int, Sendable, Comparable {
            case first, specific, movement, last
            public static func < (a: FooterGroup, b: FooterGroup) -> Bool { a.rawValue < b.rawValue }
        }

        public init(_ places: [Place], _ summary: String, label: String, footer: [Place] = [], heading: String? = nil,
                    footerGroup: FooterGroup? = nil) {
            self.places = places
            self.summary = summary
            self.label = label
            self.footer = footer
            self.heading = heading
            self.footerGroup = footerGroup ?? (heading == ActionSpec.everywhere ? .first : heading == ActionSpec.moving ? .movement : .specific)
        }

        public func applies(in context: KeyContext) -> Bool { places.contains { $0.contains(context) } }
        public func inFooter(of context: KeyContext) -> Bool { footer.contains { $0.contains(context) } }
        public var helpHeading: String { heading ?? places.first?.heading ?? "" }
    }

    public var action: Action
    /// The default keys (`keymaps/default.toml` is this column, written out).
    public var keys: [KeyPress]
    public var uses: [Use]

    public init(_ action: Action, keys: [String], _ uses: [Use]) {
        self.action = action
        // The names are this file's own; a typo is caught by ActionTableTests.
        self.keys = keys.compactMap(KeyPress.init(name:))
        self.uses = uses
    }

    /// What the action does in `context`, or nil when it does nothing there.
    public func use(in context: KeyContext) -> Use? { uses.first { $0.applies(in: context) } }

    /// Every place it applies.
    public var places: [Place] { uses.flatMap(\.places) }

    /// True when some context is a place of both actions: they cannot share a key.
    public func sharesPlace(with other: ActionSpec) -> Bool {
        places.contains { a in other.places.contains { b in a.overlaps(b) } }
    }

    /// "in Projects and Details": where it works, for the message shown when it is pressed elsewhere.
    public var whereItWorks: String {
        var names: [String] = []
        for p in places where !names.contains(p.title) { names.append(p.title) }
        switch names.count {
        case 0: return "nowhere"
        case 1: return "in " + names[0]
        default: return "in " + names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    public static let byAction: [Action: ActionSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.action, $0) })
}

extension Keymap {
    /// The default keymap: the `keys` column of the action table.
    public static let defaults = Keymap(name: "default", bindings: Dictionary(uniqueKeysWithValues: ActionSpec.all.map { ($0.action, $0.keys) }))
}
