import Foundation
import Testing
import VantageCore

/// Edits apply without a restart (issue 12 §7), on the real binary: the theme file's background,
/// the user's keymap (a broken one keeps the keys in use and names the file and line), and a
/// project's `.vantage.toml` command (the next launch runs the new one).
@Suite(.serialized) struct LiveReloadEndToEndTests {
    struct Fixture {
        let root = NSTemporaryDirectory() + "vantage-e2e-reload-\(UUID().uuidString.prefix(8))"
        var home: String { root + "-home" }
        var keymap: String { home + "/config/vantage/keymap.toml" }
        var theme: String { home + "/mine.toml" }
        var project: String { root + "/app" }

        init() throws {
            try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: home + "/config/vantage", withIntermediateDirectories: true)
            try "command = \"sh -c 'echo first > ran.txt; sleep 600'\"\n"
                .write(toFile: project + "/.vantage.toml", atomically: true, encoding: .utf8)
            // The shipped dark theme with a background this test can find in the escapes.
            let dark = try String(contentsOfFile: Binary.repositoryRoot + "/themes/dark.toml", encoding: .utf8)
            try Self.withBackground("17", dark).write(toFile: theme, atomically: true, encoding: .utf8)
        }

        static func withBackground(_ color: String, _ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("background") ? "background = \(color)" : String($0) }.joined(separator: "\n")
        }

        func start() throws -> TmuxSession {
            let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
            return try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --theme \(TmuxSession.shellQuote(theme)) --on-exit stop",
                                   // In colour whatever the test runner's NO_COLOR says.
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home).merging(["NO_COLOR": ""]) { $1 })
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    @Test func anEditedThemeBackgroundRecoloursTheScreen() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("Troubleshooting") }.ok)
        let first = try tmux.screenWithColors()
        #expect(first.contains("48;5;17m"), "the theme's background is drawn; screen:\n\(first)")
        let text = try String(contentsOfFile: f.theme, encoding: .utf8)
        try Fixture.withBackground("196", text).write(toFile: f.theme, atomically: true, encoding: .utf8)
        var recoloured = false
        for _ in 0..<100 where !recoloured {
            usleep(100_000)
            let screen = try tmux.screenWithColors()
            recoloured = screen.contains("48;5;196m") && !screen.contains("48;5;17m")
        }
        let screen = try tmux.screen()
        #expect(recoloured, "the new background replaces the old one; screen:\n\(screen)")
        let said = try tmux.waitFor(timeout: 5) { $0.contains("Reloaded theme") }
        #expect(said.ok, "screen:\n\(said.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func aBrokenKeymapNamesFileAndLineAndKeepsTheKeysThenTheFixApplies() throws {
        let f = try Fixture()
        defer { f.remove() }
        try "[keys]\nrefresh = \"r\"\n".write(toFile: f.keymap, atomically: true, encoding: .utf8)
        let tmux = try f.start()
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("Troubleshooting") }.ok)
        /// Writes the keymap, waits for `footer`, then checks that `key` opens help.
        func write(_ keys: String, thenFooterSays footer: String, andHelpOpensWith key: String) throws {
            try "[keys]\nrefresh = \"r\"\n\(keys)\n".write(toFile: f.keymap, atomically: true, encoding: .utf8)
            let said = try tmux.waitFor(timeout: 10) { $0.contains(footer) }
            #expect(said.ok, "screen:\n\(said.screen)")
            try tmux.send(key)
            let help = try tmux.waitFor(timeout: 5) { $0.contains("Help: keys") }
            #expect(help.ok, "\(key) opens help; screen:\n\(help.screen)")
            try tmux.send("Escape")
            #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Help: keys") }.ok)
        }
        // Broken: the footer names file, line and field; ? still opens help.
        try write("help = \"NoSuchKey\"", thenFooterSays: "keymap.toml:3: field 'keys.help': unknown key name \"NoSuchKey\"",
                  andHelpOpensWith: "?")
        // Fixed: the new binding works.
        try write("help = \"F2\"", thenFooterSays: "Reloaded theme", andHelpOpensWith: "F2")
        try tmux.send("Escape")
        usleep(300_000)  // a key right after Esc would read as Alt-key
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func anEditedProjectCommandIsWhatTheNextLaunchRuns() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("app") && $0.contains("Troubleshooting") }.ok)
        let ran = f.project + "/ran.txt"
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 30) { _ in (try? String(contentsOfFile: ran, encoding: .utf8)) == "first\n" }.ok)
        // Written in place, as many editors do (no new file renamed over it).
        try "command = \"sh -c 'echo second > ran.txt; sleep 600'\"\n"
            .write(toFile: f.project + "/.vantage.toml", atomically: false, encoding: .utf8)
        // Live discovery reads the file again: Details show the new command before any launch.
        try tmux.send("Enter")
        let details = try tmux.waitFor(timeout: 15) { $0.contains("echo second") }
        #expect(details.ok, "screen:\n\(details.screen)")
        try tmux.send("Escape")
        usleep(300_000)
        try tmux.send("R")
        let relaunched = try tmux.waitFor(timeout: 30) { _ in (try? String(contentsOfFile: ran, encoding: .utf8)) == "second\n" }
        #expect(relaunched.ok, "the restart ran the edited command; screen:\n\(relaunched.screen)")
        // A broken edit: the error, located, is on screen; what runs keeps running.
        try "command = \"sh -c 'echo third > ran.txt; sleep 600'\"\nports = [99999]\n"
            .write(toFile: f.project + "/.vantage.toml", atomically: false, encoding: .utf8)
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("1 warn") }.ok, "a problem in Troubleshooting")
        // Troubleshooting zoomed wraps the problem whole.
        for _ in 0..<4 { try tmux.send("Tab") }
        try tmux.send("z")
        let broken = try tmux.waitFor(timeout: 10) { $0.replacingOccurrences(of: "\n", with: "").contains("field 'ports'") }
        #expect(broken.ok, "the file, line and field of the error; screen:\n\(broken.screen)")
        #expect(broken.screen.contains(".vantage.toml:2"), "screen:\n\(broken.screen)")
        try tmux.send("z")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("1 up") }.ok, "the project still runs")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
