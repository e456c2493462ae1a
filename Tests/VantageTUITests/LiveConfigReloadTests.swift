import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Theme and keymap edits apply without a restart (issue 12 §7): `FileStamps` notices an edit by
/// stat alone, `App.filesChanged` reads the files again, and a file that no longer reads keeps the
/// theme and keymap in use, with the file, line and field in the footer.
@Suite("Live config reload")
@MainActor
struct LiveConfigReloadTests {
    /// A config folder with a user keymap and a theme file copied from the shipped dark theme.
    struct Folder {
        let root: String
        var keymap: String { root + "/keymap.toml" }
        var theme: String { root + "/themes/mine.toml" }
        var locator: ConfigLocator { ConfigLocator(userConfigDirectory: root, shareDirectories: []) }

        init() throws {
            root = NSTemporaryDirectory() + "vantage-live-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
            let dark = try #require(EmbeddedFiles.themes["dark"])
            try dark.replacingOccurrences(of: "name = \"dark\"", with: "name = \"mine\"")
                .write(toFile: theme, atomically: true, encoding: .utf8)
            try "[keys]\nrefresh = \"F5\"\n".write(toFile: keymap, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    func app(_ folder: Folder) throws -> App {
        let live = LiveConfig(theme: "mine", keymap: nil, locator: folder.locator)
        let (themes, keymap) = try live.load()
        let app = App(keymap: keymap, darkTheme: themes.dark, lightTheme: themes.light, now: Date(timeIntervalSince1970: 0))
        app.liveConfig = live
        return app
    }

    @Test func stampsNoticeAnEditARenameOverAndACreatedFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let absent = folder.root + "/not-yet.toml"
        let stamps = FileStamps(paths: [folder.keymap, absent])
        #expect(!stamps.changed(), "nothing was touched")
        try "[keys]\nrefresh = \"F6\"\n".write(toFile: folder.keymap, atomically: false, encoding: .utf8)
        #expect(stamps.changed(), "written in place (size changed)")
        #expect(!stamps.changed(), "the change is remembered")
        // An editor's save: a new file renamed over the old one, same size.
        try "[keys]\nrefresh = \"F7\"\n".write(toFile: folder.keymap, atomically: true, encoding: .utf8)
        #expect(stamps.changed(), "renamed over (new inode)")
        try "x".write(toFile: absent, atomically: false, encoding: .utf8)
        #expect(stamps.changed(), "a watched file that appears")
    }

    @Test func theWatchedFilesAreTheThemeAndTheUserKeymap() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let app = try app(folder)
        #expect(app.watchedFiles.contains(folder.theme))
        #expect(app.watchedFiles.contains(folder.keymap))
    }

    @Test func anEditedThemeAndKeymapApplyAtOnce() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let app = try app(folder)
        #expect(app.keymap.keys(for: .refresh) == [.function(5)])
        let text = try String(contentsOfFile: folder.theme, encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("background") ? "background = \"#102030\"" : String(line)
        }.joined(separator: "\n")
        try edited.write(toFile: folder.theme, atomically: true, encoding: .utf8)
        try "[keys]\nrefresh = \"F6\"\n".write(toFile: folder.keymap, atomically: true, encoding: .utf8)
        #expect(app.filesChanged())
        #expect(app.theme.color(for: .background) == .rgb(0x10, 0x20, 0x30))
        #expect(app.keymap.keys(for: .refresh) == [.function(6)])
        #expect(app.state.notice?.role == .ok)
        #expect(app.state.notice?.text.contains("Reloaded") == true)
    }

    @Test func theSameTextSavedAgainChangesNothingOnScreen() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let app = try app(folder)
        _ = app.handle(key: .char("Z"))
        let notice = try #require(app.state.notice, "an unbound key says so")
        try "[keys]\nrefresh = \"F5\"\n".write(toFile: folder.keymap, atomically: true, encoding: .utf8)
        #expect(!app.filesChanged())
        #expect(app.state.notice == notice, "the notice on screen stays")
    }

    @Test func aBrokenKeymapKeepsTheOldOneAndSaysWhereTheErrorIs() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let app = try app(folder)
        try "[keys]\nrefresh = \"F5\"\nhelp = \"NoSuchKey\"\n".write(toFile: folder.keymap, atomically: true, encoding: .utf8)
        #expect(app.filesChanged())
        let notice = try #require(app.state.notice)
        #expect(notice.role == .error)
        #expect(notice.text.hasPrefix("\(folder.keymap):3: field 'keys.help': unknown key name \"NoSuchKey\""), "\(notice.text)")
        #expect(notice.text.contains("kept the theme and keymap in use"))
        #expect(app.keymap.keys(for: .refresh) == [.function(5)], "the old keymap stays")
        #expect(app.keymap.keys(for: .help) == [.char("?")])
    }

    @Test func aBrokenThemeKeepsTheOldColours() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let app = try app(folder)
        let before = app.theme
        let text = try String(contentsOfFile: folder.theme, encoding: .utf8)
        try text.replacingOccurrences(of: "[colors]", with: "[colors]\nbogus = \"red\"")
            .write(toFile: folder.theme, atomically: true, encoding: .utf8)
        #expect(app.filesChanged())
        #expect(app.theme == before)
        let notice = try #require(app.state.notice)
        #expect(notice.text.contains("\(folder.theme):"), "\(notice.text)")
        #expect(notice.text.contains("field 'colors.bogus'"), "\(notice.text)")
    }
}
