import Foundation
import VantageCore

/// Reads keymap files:
///
/// ```toml
/// name = "vim"
/// [keys]
/// quit = "q"
/// up = ["Up", "k"]
/// ```
///
/// A file names only the actions it changes. Applied over a base keymap, each named action gets
/// exactly the keys the file gives, and those keys are taken away from any other action, so the
/// result never binds one key twice. Within one file, one key bound to two actions is an error.
public enum KeymapLoader {
    /// The actions and keys one file gives, in file order.
    public struct Overrides: Sendable, Equatable {
        public var name: String?
        public var bindings: [(action: Action, keys: [KeyPress])]
        public var file: String

        public static func == (a: Overrides, b: Overrides) -> Bool {
            a.name == b.name && a.file == b.file && a.bindings.map(\.action) == b.bindings.map(\.action)
                && a.bindings.map(\.keys) == b.bindings.map(\.keys)
        }
    }

    static let keyNameHint = "write keys like \"q\", \"R\", \"Space\", \"Tab\", \"Shift-Tab\", \"Up\", \"PageDown\", \"Enter\", \"Esc\", \"F5\", \"Ctrl-x\""

    public static func load(contentsOf path: String) throws(VantageError) -> Overrides {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the keymap file", at: SourceLocation(file: path),
                               hint: "check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the keymap file is not valid UTF-8", at: SourceLocation(file: path, line: TOMLParser.firstInvalidUTF8Line(data)))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(VantageError) -> Overrides {
        let root = try TOMLParser.parse(text, file: file)
        func at(_ field: String, _ line: Int?) -> SourceLocation { SourceLocation(file: file, line: line, field: field) }

        for entry in root.entries where !["name", "keys"].contains(entry.key) {
            throw VantageError(.config, "unknown key \"\(entry.key)\"", at: at(entry.key, entry.line),
                               hint: "a keymap has name and [keys]")
        }
        var name: String?
        if let entry = root.entry("name") {
            guard case .string(let s) = entry.value else {
                throw VantageError(.config, "expected a string, found \(entry.value.typeDescription)", at: at("name", entry.line))
            }
            name = s
        }
        guard let keysEntry = root.entry("keys") else {
            throw VantageError(.config, "missing [keys] table", at: at("keys", nil),
                               hint: "see keymaps/default.toml")
        }
        guard case .table(let keys) = keysEntry.value else {
            throw VantageError(.config, "expected a table, found \(keysEntry.value.typeDescription)", at: at("keys", keysEntry.line))
        }
        var bindings: [(action: Action, keys: [KeyPress])] = []
        // A key may serve actions whose places do not overlap (n: next match, and no in a question).
        var owner: [KeyPress: Action] = [:]
        for entry in keys.entries {
            let field = "keys.\(entry.key)"
            let location = at(field, entry.line)
            guard let action = Action(rawValue: entry.key) else {
                throw VantageError(.config, "unknown action \"\(entry.key)\"", at: location,
                                   hint: "actions are \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let names: [TOMLValue]
            switch entry.value {
            case .string: names = [entry.value]
            case .array(let items): names = items
            default:
                throw VantageError(.config, "expected a key name or an array of key names, found \(entry.value.typeDescription)",
                                   at: location)
            }
            var actionKeys: [KeyPress] = []
            for item in names {
                guard case .string(let keyName) = item else {
                    throw VantageError(.config, "expected a key name, found \(item.typeDescription)", at: location)
                }
                guard let key = KeyPress(name: keyName) else {
                    throw VantageError(.config, "unknown key name \"\(keyName)\"", at: location, hint: keyNameHint)
                }
                if let other = owner[key], other != action, other.spec.sharesPlace(with: action.spec) {
                    throw VantageError(.config, "key \"\(key)\" is bound to both \"\(other.rawValue)\" and \"\(action.rawValue)\"",
                                       at: location, hint: "give each key one action")
                }
                owner[key] = action
                if !actionKeys.contains(key) { actionKeys.append(key) }
            }
            if action == .quit && actionKeys.isEmpty {
                throw VantageError(.config, "quit has no key, so the dashboard could not be left", at: location,
                                   hint: "give it at least one, e.g. quit = \"q\"")
            }
            bindings.append((action, actionKeys))
        }
        return Overrides(name: name, bindings: bindings, file: file)
    }

    /// `base` with `overrides` applied (see the type's documentation).
    public static func apply(_ overrides: Overrides, to base: Keymap) -> Keymap {
        var result = base
        let named = Set(overrides.bindings.map(\.action))
        for action in Action.allCases where !named.contains(action) {
            // A key the file gives to an action that applies in the same place is taken from this one.
            let taken = Set(overrides.bindings.filter { $0.action.spec.sharesPlace(with: action.spec) }.flatMap(\.keys))
            let kept = base.keys(for: action).filter { !taken.contains($0) }
            result.bind(action, to: kept)
        }
        for (action, keys) in overrides.bindings { result.bind(action, to: keys) }
        if let name = overrides.name { result.name = base.name == "default" || base.name.isEmpty ? name : base.name + "+" + name }
        return result
    }

    /// A complete keymap from one file (every action not named is unbound).
    public static func keymap(from overrides: Overrides) -> Keymap {
        apply(overrides, to: Keymap(name: overrides.name ?? "", bindings: [:]))
    }

    /// The compiled-in default keymap: the action table's keys (`keymaps/default.toml` writes them out).
    public static var builtinDefault: Keymap { .defaults }

    /// The keymap to use: the default (`keymaps/default.toml` found on disk, else the compiled-in
    /// copy), then the preset or file `--keymap NAME|PATH` names, then the user's
    /// `$XDG_CONFIG_HOME/vantage/keymap.toml` if it exists, each overriding only what it names.
    public static func resolve(_ nameOrPath: String?, locator: ConfigLocator) throws(VantageError) -> Keymap {
        var keymap = try keymap(from: overrides(named: "default", locator: locator))
        if let nameOrPath, !nameOrPath.isEmpty, nameOrPath != "default" {
            keymap = try applyKeepingQuit(try overrides(named: nameOrPath, locator: locator), to: keymap)
        }
        let user = locator.userConfigDirectory + "/keymap.toml"
        if FileManager.default.fileExists(atPath: user) {
            var userOverrides = try load(contentsOf: user)
            if userOverrides.name == nil { userOverrides.name = "user" }
            keymap = try applyKeepingQuit(userOverrides, to: keymap)
        }
        return keymap
    }

    /// `apply`, refusing a file that takes the last key away from quit by giving it to other actions.
    static func applyKeepingQuit(_ overrides: Overrides, to base: Keymap) throws(VantageError) -> Keymap {
        let result = apply(overrides, to: base)
        guard result.keys(for: .quit).isEmpty, let taker = overrides.bindings.first(where: { b in b.keys.contains { base.keys(for: .quit).contains($0) } }) else {
            return result
        }
        let lost = base.keys(for: .quit).map { "\"\($0)\"" }.joined(separator: ", ")
        throw VantageError(.config, "\(taker.action.rawValue) takes \(lost) from quit, which leaves no key to leave the dashboard",
                           at: SourceLocation(file: overrides.file, field: "keys.\(taker.action.rawValue)"),
                           hint: "also bind quit to another key in this file, e.g. quit = \"Q\"")
    }

    /// The overrides of one named keymap or file.
    public static func overrides(named nameOrPath: String, locator: ConfigLocator) throws(VantageError) -> Overrides {
        switch locator.find(nameOrPath, kind: .keymap) {
        case .file(let path): return try load(contentsOf: path)
        case .builtin(let text, let label): return try parse(text, file: label)
        case .missing(let searched):
            throw VantageError(.notFound, "no keymap named \"\(nameOrPath)\"", at: nil,
                               hint: "looked in \(searched.joined(separator: ", ")); shipped keymaps are \(EmbeddedFiles.keymaps.keys.sorted().joined(separator: ", "))")
        }
    }
}
