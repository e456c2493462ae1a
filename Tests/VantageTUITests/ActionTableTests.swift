import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// The action and pane tables: what the keymap, help and footer are made of.
@Suite("Action and pane tables")
struct ActionTableTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func everyActionHasOneRowAndEveryKeyNameParses() {
        #expect(ActionSpec.all.map(\.action).sorted { $0.rawValue < $1.rawValue } == Action.allCases.sorted { $0.rawValue < $1.rawValue })
        for spec in ActionSpec.all {
            #expect(!spec.keys.isEmpty, "\(spec.action) has default keys")
            #expect(!spec.uses.isEmpty, "\(spec.action) applies somewhere")
        }
        // A key name the table writes but KeyPress cannot read would vanish from the keymap.
        let written = DefaultKeymapFile.text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(" = ") }.count
        #expect(written == Action.allCases.count + 1)   // + name
    }

    @Test func actionsThatApplyInTheSamePlaceNeverShareADefaultKey() {
        for (i, a) in ActionSpec.all.enumerated() {
            for b in ActionSpec.all[(i + 1)...] where a.sharesPlace(with: b) {
                #expect(Set(a.keys).isDisjoint(with: b.keys), "\(a.action) and \(b.action) share \(Set(a.keys).intersection(b.keys))")
            }
        }
        // n is "no" in a question and the next match in the log viewer, never both at once.
        let k = Keymap.defaults
        #expect(k.action(for: .char("n"), in: .overlay(.question)) == .reject)
        #expect(k.action(for: .char("n"), in: .overlay(.logs)) == .nextMatch)
        #expect(k.action(for: .char("y"), in: .overlay(.council)) == .accept)
    }

    @Test func theShippedDefaultKeymapIsTheTableWrittenOut() throws {
        let url = Self.repositoryRoot.appendingPathComponent("keymaps/default.toml")
        if GoldenScreen.recording { try DefaultKeymapFile.text.write(to: url, atomically: true, encoding: .utf8) }
        let shipped = try String(contentsOf: url, encoding: .utf8)
        #expect(shipped == DefaultKeymapFile.text, "keymaps/default.toml differs from the action table: record it with VANTAGE_RECORD_GOLDENS=1 swift test --filter ActionTable")
        let parsed = try KeymapLoader.keymap(from: KeymapLoader.parse(shipped, file: "keymaps/default.toml"))
        #expect(parsed.bindings == Keymap.defaults.bindings)
    }

    @Test func footerHintsFollowTheTableInEveryPlace() {
        let k = Keymap.defaults
        func hints(_ c: KeyContext) -> [String] { k.footerHints(in: c).map { "\($0.keys) \($0.label)" } }
        #expect(hints(.pane(.projects)).prefix(5) == ["? help", "q quit", "Tab next pane", "z zoom", "Enter details"])
        #expect(hints(.pane(.timeline)).contains("+ narrower"))
        #expect(hints(.pane(.graph)).contains("Enter focus node"))
        #expect(hints(.overlay(.logs)).contains("/ search"))
        #expect(hints(.overlay(.question)) == ["y yes", "n cancel"])
        #expect(hints(.overlay(.council)).prefix(3) == ["Esc close", "y accept", "n reject"])
        // Every place that takes actions offers a way out or a way on.
        for kind in AppOverlay.Kind.allCases where !kind.takesText {
            #expect(!hints(.overlay(kind)).isEmpty, "\(kind) has footer hints")
        }
        for pane in PaneID.allCases { #expect(hints(.pane(pane)).contains("q quit")) }
    }

    @Test func helpListsEveryUseUnderItsHeadingAndFollowsTheKeymap() throws {
        var k = Keymap.defaults
        let sections = k.helpSections()
        #expect(sections.map(\.heading) == ["Everywhere", "Moving around", "Panes", "Projects", "Graph", "Timeline",
                                            "Troubleshooting", "Details", "Questions", "Quitting", "Opened entry", "Council", "Log viewer", "Dependencies", "Schedule",
                                            "Processes", "Signal chooser", "Prompts"])
        // Every use is in help; two uses of one key under one heading share a line.
        let summaries = sections.flatMap(\.entries).map(\.summary)
        for spec in ActionSpec.all {
            for use in spec.uses { #expect(summaries.contains { $0.contains(use.summary) }, "\(spec.action): \(use.summary)") }
        }
        try #require(sections.count > 0)
        #expect(sections[0].entries.contains(Keymap.HelpEntry(keys: "q", summary: "quit Vantage (asks first when projects still run); in an overlay: close it, never quit")))
        try #require(sections.count > 1)
        #expect(sections[1].entries.first?.keys == "Up, k")
        k.bind(.up, to: [.char("w")])
        #expect(k.helpSections()[1].entries.first?.keys == "w")
        for a in [Action.zoomIn, .zoomOut, .center, .collapse, .cycleKind, .legend] { k.bind(a, to: []) }
        k.bind(.left, to: []); k.bind(.right, to: [])
        k.bind(.details, to: [])
        #expect(!k.helpSections().contains { $0.heading == "Graph" })
    }

    @Test func theLayoutComesFromThePaneTable() {
        #expect(PaneID.allCases == [.projects, .metrics, .graph, .timeline, .troubleshooting])
        #expect(Set(PaneSpec.all.map(\.id)).count == PaneSpec.all.count)
        // A table with a sixth pane in the bottom row gets a place in both layouts without other changes.
        let extra = ScreenLayout.Plan(id: PaneID("processes"), full: .init(row: 1, weight: 0.25), compact: .init(row: 2, weight: 0.5))
        let plans = PaneSpec.plans + [extra]
        for size in [Size(width: 160, height: 50), Size(width: 100, height: 30)] {
            let layout = ScreenLayout.compute(size: size, focus: .projects, zoomed: nil, plans: plans)
            #expect(layout.panes.count == 6)
            #expect(layout.panes.values.reduce(0) { $0 + $1.area } == size.width * (size.height - 1))
        }
        #expect(PaneSpec.spec(.metrics).filterable == false && PaneSpec.spec(.timeline).filterable)
    }
}
