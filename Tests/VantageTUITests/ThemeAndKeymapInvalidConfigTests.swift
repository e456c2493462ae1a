import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// One bad theme or keymap per file in InvalidConfigs/ (the bottom `tests/invalid_configs`
/// habit); each must fail with exactly this message, naming file, line and field.
@Suite("Invalid theme and keymap files")
struct ThemeAndKeymapInvalidConfigTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("InvalidConfigs")

    static let expected: [String: String] = [
        "theme-bad-toml.toml":
            "theme-bad-toml.toml:2: field 'colors': expected ']' to close the table header",
        "theme-unknown-role.toml":
            "theme-unknown-role.toml:8: field 'colors.acent': unknown colour role \"acent\" (roles are \(roles))",
        "theme-bad-colour.toml":
            "theme-bad-colour.toml:11: field 'colors.warn': \"#e5c07\" is not a colour (\(colourHint))",
        "theme-bad-colour-name.toml":
            "theme-bad-colour-name.toml:10: field 'colors.ok': \"bright-grean\" is not a colour (\(colourHint))",
        "theme-colour-index-out-of-range.toml":
            "theme-colour-index-out-of-range.toml:8: field 'colors.border': 300 is not a colour index (use 0-255)",
        "theme-wrong-type.toml":
            "theme-wrong-type.toml:6: field 'colors.muted': expected a colour (a string or 0-255), found true or false (\(colourHint))",
        "theme-missing-role.toml":
            "theme-missing-role.toml:3: field 'colors.selection': missing colour for role \"selection\" (every role needs a colour; see themes/dark.toml)",
        "theme-missing-node-role.toml":
            "theme-missing-node-role.toml:3: field 'colors.node.advisor': missing colour for role \"node.advisor\" (every role needs a colour; see themes/dark.toml)",
        "theme-unknown-node-role.toml":
            "theme-unknown-node-role.toml:24: field 'colors.node.database': unknown colour role \"node.database\" (roles are \(roles))",
        "theme-bad-variant.toml":
            "theme-bad-variant.toml:1: field 'variant': variant must be \"dark\" or \"light\", found \"dim\"",
        "theme-missing-variant.toml":
            "theme-missing-variant.toml: field 'variant': missing variant (add variant = \"dark\" or variant = \"light\")",
        "theme-duplicate-key.toml":
            "theme-duplicate-key.toml:13: field 'colors.text': key 'colors.text' is defined twice (first on line 5)",
        "theme-unknown-top-level-key.toml":
            "theme-unknown-top-level-key.toml:1: field 'author': unknown key \"author\" (a theme has name, variant and [colors])",
        "keymap-bad-toml.toml":
            "keymap-bad-toml.toml:2: field 'keys.quit': unterminated string: expected '\"' before the end of the line",
        "keymap-unknown-action.toml":
            "keymap-unknown-action.toml:3: field 'keys.qiut': unknown action \"qiut\" (actions are \(actions))",
        "keymap-unknown-key-name.toml":
            "keymap-unknown-key-name.toml:3: field 'keys.help': unknown key name \"Ctl-h\" (\(keyHint))",
        "keymap-same-key-twice.toml":
            "keymap-same-key-twice.toml:4: field 'keys.filter': key \"q\" is bound to both \"quit\" and \"filter\" (give each key one action)",
        "keymap-wrong-type.toml":
            "keymap-wrong-type.toml:2: field 'keys.quit': expected a key name or an array of key names, found an integer",
        "keymap-wrong-item-type.toml":
            "keymap-wrong-item-type.toml:2: field 'keys.up': expected a key name, found true or false",
        "keymap-action-outside-keys-table.toml":
            "keymap-action-outside-keys-table.toml:2: field 'quit': unknown key \"quit\" (a keymap has name and [keys])",
        "keymap-missing-keys-table.toml":
            "keymap-missing-keys-table.toml: field 'keys': missing [keys] table (see keymaps/default.toml)",
        "keymap-quit-without-key.toml":
            "keymap-quit-without-key.toml:3: field 'keys.quit': quit has no key, so the dashboard could not be left (give it at least one, e.g. quit = \"q\")",
        "keymap-nested-9000-arrays.toml":
            "keymap-nested-9000-arrays.toml:2: field 'keys.quit': arrays and tables nest deeper than 100 levels",
        "theme-nested-9000-arrays.toml":
            "theme-nested-9000-arrays.toml:1: field 'variant': arrays and tables nest deeper than 100 levels",
        "keymap-keys-not-a-table.toml":
            "keymap-keys-not-a-table.toml:1: field 'keys': expected a table, found a string",
    ]

    static let roles = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
    static let actions = Action.allCases.map(\.rawValue).joined(separator: ", ")
    static let colourHint = "use \"#rrggbb\", 0-255, a name such as \"bright-blue\", or \"default\""
    static let keyHint = "write keys like \"q\", \"R\", \"Space\", \"Tab\", \"Shift-Tab\", \"Up\", \"PageDown\", \"Enter\", \"Esc\", \"F5\", \"Ctrl-x\""

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
    }

    @Test func everyFileHasAnExpectedMessageAndThereAreAtLeastTen() {
        #expect(Set(Self.files) == Set(Self.expected.keys))
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func fileFailsWithTheExactMessage(name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let failure: VantageError
        do {
            if name.hasPrefix("theme-") {
                _ = try ThemeLoader.parse(text, file: name)
            } else {
                _ = try KeymapLoader.parse(text, file: name)
            }
            Issue.record("\(name) was accepted")
            return
        } catch {
            failure = error
        }
        #expect(failure.category == .config)
        #expect(failure.description == Self.expected[name])
    }

    @Test func loadingByPathNamesThePath() throws {
        let path = Self.directory.appendingPathComponent("theme-bad-colour.toml").path
        #expect {
            _ = try ThemeLoader.load(contentsOf: path)
        } throws: { error in
            (error as? VantageError)?.location?.file == path && (error as? VantageError)?.location?.line == 11
        }
    }
}
