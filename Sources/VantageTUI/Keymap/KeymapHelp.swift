/// Help and footer text generated from the action table and the active keymap (the gitui habit):
/// what the screen says a key does is what it does.
extension Keymap {
    public struct HelpSection: Sendable, Equatable {
        public var heading: String
        public var entries: [HelpEntry]
    }

    public struct HelpEntry: Sendable, Equatable {
        /// Every key of the action, "Up, k".
        public var keys: String
        public var summary: String
    }

    /// The order of help's headings: keys that work everywhere, movement, panes, then overlays.
    static var helpHeadings: [String] {
        var out = [ActionSpec.everywhere, ActionSpec.moving, Place.panes.heading]
        out += PaneSpec.all.map(\.title)
        for kind in AppOverlay.Kind.allCases where !out.contains(kind.heading) { out.append(kind.heading) }
        return out
    }

    /// The keys of the prompts (filter, search, environment, value): fixed, since every other key is text.
    static let promptKeys = [HelpEntry(keys: "Enter", summary: "keep what was typed (filter) or act on it"),
                             HelpEntry(keys: "Esc", summary: "cancel, clearing what was typed"),
                             HelpEntry(keys: "Backspace", summary: "delete the last character")]

    /// Every use of every bound action, under its heading, in table order; unbound actions and
    /// empty headings are left out.
    public func helpSections() -> [HelpSection] {
        var byHeading: [String: [HelpEntry]] = [:]
        for spec in ActionSpec.all {
            let keys = keys(for: spec.action)
            guard !keys.isEmpty else { continue }
            let names = keys.map(\.description).joined(separator: ", ")
            for use in spec.uses {
                // Two uses under one heading read as one line: "quit Vantage; in an overlay: close it".
                if let last = byHeading[use.helpHeading]?.last, last.keys == names, spec.uses.count > 1 {
                    byHeading[use.helpHeading]![byHeading[use.helpHeading]!.count - 1].summary += "; " + use.summary
                } else {
                    byHeading[use.helpHeading, default: []].append(HelpEntry(keys: names, summary: use.summary))
                }
            }
        }
        byHeading[AppOverlay.Kind.filterInput.heading, default: []] += Self.promptKeys
        return Self.helpHeadings.compactMap { h in byHeading[h].map { HelpSection(heading: h, entries: $0) } }
    }

    /// The footer's hints in `context`: the first key of each action the table offers there, with
    /// its label there, in table order.
    public func footerHints(in context: KeyContext) -> [Footer.Hint] {
        let offered = ActionSpec.all.compactMap { spec -> (group: ActionSpec.Use.FooterGroup, hint: Footer.Hint)? in
            guard let use = spec.uses.first(where: { $0.inFooter(of: context) }), let key = key(for: spec.action) else { return nil }
            return (use.footerGroup, Footer.Hint(keys: key, label: use.label))
        }
        return offered.enumerated().sorted { ($0.element.group, $0.offset) < ($1.element.group, $1.offset) }.map(\.element.hint)
    }

    /// One line of hints for a list of actions: the first key of each and its first label,
    /// "q quit  ? help". Unbound actions are left out.
    public func footerHints(for actions: [Action]) -> String {
        actions.compactMap { a in key(for: a).map { "\($0) \(a.spec.uses[0].label)" } }.joined(separator: "  ")
    }
}
