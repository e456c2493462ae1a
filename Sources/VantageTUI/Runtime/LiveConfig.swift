import Foundation
import VantageCore

/// The theme and keymap the dashboard was started with, by the names given on the command line,
/// read again from their files when one of them changes (`FileStamps` at the input thread's
/// tick): an edit applies without a restart, and a file that no longer reads keeps what was
/// loaded before, with the error (file, line and field) on screen.
public struct LiveConfig: Sendable {
    /// `--theme` (nil: the default pair) and `--keymap` (nil: the default keymap), as given.
    public var theme: String?
    public var keymap: String?
    public var locator: ConfigLocator

    public init(theme: String?, keymap: String?, locator: ConfigLocator) {
        self.theme = theme
        self.keymap = keymap
        self.locator = locator
    }

    /// Both read again, as at start (`ThemeLoader.resolvePair`, `KeymapLoader.resolve`).
    public func load() throws(VantageError) -> (themes: ThemePair, keymap: Keymap) {
        (try ThemeLoader.resolvePair(theme, locator: locator), try KeymapLoader.resolve(keymap, locator: locator))
    }

    /// The files whose edits are read again: the theme and its dark/light partner, the default
    /// keymap on disk, the `--keymap` preset or file, and the user's keymap.toml (watched even
    /// before it exists, so creating it applies too). Compiled-in copies have no file.
    public func files(themes: ThemePair) -> [String] {
        var out: [String] = []
        for source in [themes.current.source, themes.other.source] where !source.hasPrefix("builtin:") && !source.isEmpty {
            out.append(source)
        }
        for name in ["default"] + [keymap].compactMap({ $0 }) {
            if case .file(let path) = locator.find(name, kind: .keymap) { out.append(path) }
        }
        out.append(locator.userConfigDirectory + "/keymap.toml")
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}
