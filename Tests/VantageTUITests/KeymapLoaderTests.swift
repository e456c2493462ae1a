import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("KeymapLoader")
struct KeymapLoaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let noUser = ConfigLocator(userConfigDirectory: "/nonexistent-vantage", shareDirectories: [])

    @Test func defaultKeymapHasTheIssueTable() {
        let k = KeymapLoader.builtinDefault
        let expected: [(String, Action)] = [
            ("q", .quit), ("?", .help), ("Tab", .focusNext), ("Shift-Tab", .focusPrevious),
            ("Up", .up), ("k", .up), ("Down", .down), ("j", .down), ("Left", .left), ("h", .left),
            ("Right", .right), ("l", .right), ("z", .zoom), ("t", .toggleTheme), ("/", .filter),
            ("Enter", .details), ("r", .refresh), ("s", .start), ("x", .stop), ("R", .restart),
            ("e", .switchEnvironment), ("+", .zoomIn), ("-", .zoomOut), ("0", .center), ("Esc", .back),
            ("PageUp", .pageUp), ("PageDown", .pageDown), ("g", .top), ("G", .bottom),
        ]
        for (name, action) in expected {
            #expect(k.action(for: KeyPress(name: name)!) == action, "\(name)")
        }
        for action in Action.allCases { #expect(!k.keys(for: action).isEmpty, "\(action) is unbound") }
    }

    @Test(arguments: ["default", "vim", "emacs"])
    func noShippedKeymapTakesTmuxKeys(name: String) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("keymaps/\(name).toml"), encoding: .utf8)
        let file = try KeymapLoader.parse(text, file: "\(name).toml")
        let merged = KeymapLoader.apply(file, to: KeymapLoader.builtinDefault)
        let forbidden: Set<KeyPress> = [.ctrl("a"), .ctrl("b"), .ctrl("h"), .ctrl("j"), .ctrl("k"), .ctrl("l")]
        for action in Action.allCases {
            for key in merged.keys(for: action) {
                #expect(!forbidden.contains(key), "\(name).toml binds \(key) to \(action.name)")
            }
        }
        // A key is bound to at most one action in any place (n is next match and no, never in one place).
        for (i, a) in Action.allCases.enumerated() {
            for b in Action.allCases[(i + 1)...] where a.spec.sharesPlace(with: b.spec) {
                #expect(Set(merged.keys(for: a)).isDisjoint(with: merged.keys(for: b)), "\(name).toml: \(a.name) and \(b.name) share a key")
            }
        }
    }

    @Test func keyNamesRoundTripThroughDescription() {
        let keys: [KeyPress] = [.char("q"), .char("R"), .char("?"), .char(" "), .tab, .backTab, .enter, .escape,
                                .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .function(5),
                                .ctrl("c"), .alt("x"), .backspace, .delete, .insert]
        for key in keys { #expect(KeyPress(name: key.description) == key, "\(key)") }
        #expect(KeyPress(name: "Ctrl-C") == .ctrl("c"))
        #expect(KeyPress(name: "pagedown") == .pageDown)
        #expect(KeyPress(name: "Ctl-x") == nil)
        #expect(KeyPress(name: "Ctrl-1") == nil)
        #expect(KeyPress(name: "F99") == nil)
        #expect(KeyPress(name: "") == nil)
    }

    @Test func presetOverridesOnlyTheActionsItNames() throws {
        let vim = try KeymapLoader.resolve("vim", locator: Self.noUser)
        #expect(vim.keys(for: .pageUp) == [.pageUp, .ctrl("u")])
        #expect(vim.keys(for: .quit) == [.char("q")])  // untouched
        #expect(vim.name == "vim")
        let emacs = try KeymapLoader.resolve("emacs", locator: Self.noUser)
        #expect(emacs.action(for: .ctrl("n")) == .down)
        #expect(emacs.action(for: .char("j")) == nil)  // down was replaced, not extended
    }

    @Test func userFileOverridesPartiallyAndTakesItsKeysFromOtherActions() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-keymap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        try "[keys]\nrefresh = [\"F5\", \"s\"]\nstart = \"S\"\n".write(to: tmp.appendingPathComponent("keymap.toml"),
                                                                           atomically: true, encoding: .utf8)
        let locator = ConfigLocator(userConfigDirectory: tmp.path, shareDirectories: [])
        let k = try KeymapLoader.resolve(nil, locator: locator)
        #expect(k.keys(for: .refresh) == [.function(5), .char("s")])
        #expect(k.keys(for: .start) == [.char("S")])
        #expect(k.action(for: .char("r")) == nil)  // refresh's old key is gone with the override
        #expect(k.keys(for: .quit) == [.char("q")])
        #expect(k.name == "user")
    }

    @Test func keyStolenByAnOverrideLeavesTheOtherAction() throws {
        let overrides = try KeymapLoader.parse("[keys]\nfilter = \"q\"\n", file: "mine.toml")
        let k = KeymapLoader.apply(overrides, to: KeymapLoader.builtinDefault)
        #expect(k.action(for: .char("q")) == .filter)
        #expect(k.keys(for: .quit).isEmpty)
    }

    @Test func aUserFileThatTakesQuitsLastKeyIsRefusedNamingTheFileAndAction() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-keymap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let file = tmp.appendingPathComponent("keymap.toml")
        try "[keys]\nfilter = \"q\"\n".write(to: file, atomically: true, encoding: .utf8)
        let locator = ConfigLocator(userConfigDirectory: tmp.path, shareDirectories: [])
        #expect {
            _ = try KeymapLoader.resolve(nil, locator: locator)
        } throws: { error in
            (error as? VantageError)?.description == "\(file.path): field 'keys.filter': filter takes \"q\" from quit, which leaves no key to leave the dashboard (also bind quit to another key in this file, e.g. quit = \"Q\")"
        }
        try "[keys]\nfilter = \"q\"\nquit = \"Q\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try KeymapLoader.resolve(nil, locator: locator).keys(for: .quit) == [.char("Q")])
    }

    @Test func footerHintsUseTheFirstKey() {
        var k = KeymapLoader.builtinDefault
        #expect(k.footerHints(for: [.quit, .help, .focusNext, .details]) == "q quit  ? help  Tab next pane  Enter details")
        #expect(k.footerHints(in: .pane(.metrics)).map(\.keys).prefix(3) == ["?", "q", "Tab"])
        k.bind(.help, to: [])
        #expect(k.footerHints(for: [.quit, .help]) == "q quit")
    }
}
