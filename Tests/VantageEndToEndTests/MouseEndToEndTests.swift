import Foundation
import Testing
import VantageCore

/// The mouse on the real binary (issue 12 §7). tmux cannot click, so the tests type what a
/// terminal sends for a click or a wheel turn in SGR mode (`ESC [ < button ; column ; row M`,
/// 1-based) with `send-keys -H`; TERM=xterm-256color makes ncurses ask for and read that mode.
/// `--no-mouse` is checked on the bytes the dashboard writes (recorded by `script`).
@Suite(.serialized) struct MouseEndToEndTests {
    struct Fixture {
        let root = NSTemporaryDirectory() + "vantage-e2e-mouse-\(UUID().uuidString.prefix(8))"
        var home: String { root + "-home" }

        init() throws {
            for name in ["aaa", "bbb", "ccc", "ddd"] {
                try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
                try "command = \"sh -c 'seq 1 300; sleep 600'\"\n".write(toFile: root + "/\(name)/.vantage.toml", atomically: true, encoding: .utf8)
            }
        }

        var environment: [String: String] {
            QuitAndLaunchEndToEndTests.environment(home: home).merging(["TERM": "xterm-256color"]) { $1 }
        }

        func start(_ flags: String = "") throws -> TmuxSession {
            let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
            return try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop \(flags)",
                                   environment: environment)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    /// What a terminal in SGR mouse mode sends: `button` 0 is the left press, 64/65 the wheel.
    static func send(button: Int, column: Int, row: Int, to tmux: TmuxSession) throws {
        let bytes = Array("\u{1B}[<\(button);\(column + 1);\(row + 1)M".utf8)
        try tmux.tmux(["send-keys", "-t", tmux.name, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The screen row of `name` in the grid (the left part of the screen).
    static func gridRow(_ name: String, _ screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { line in
            let grid = line.prefix(40)
            return grid.contains("│ \(name) ") || grid.contains("│▶\(name) ")
        }
    }

    @Test func aClickSelectsTheThirdRowAndTheWheelScrollsTheLog() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        let first = try tmux.waitFor(timeout: 10) { $0.contains("ddd") && $0.contains("│▶aaa ") }
        #expect(first.ok, "screen:\n\(first.screen)")
        let row = try #require(Self.gridRow("ccc", first.screen))
        try Self.send(button: 0, column: 5, row: row, to: tmux)
        let selected = try tmux.waitFor(timeout: 5) { $0.contains("│▶ccc ") }
        #expect(selected.ok, "the clicked row is selected; screen:\n\(selected.screen)")
        // The log viewer of ccc, at its top; three wheel notches down move it by nine lines.
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 30) { $0.contains("1 up") }.ok)
        try tmux.send("L")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("300") }.ok)
        try tmux.send("g")
        // The viewer's first row: its time, then the line.
        func topLine(_ screen: String) -> String {
            let rows = screen.split(separator: "\n")
            return rows.count > 1 ? String(rows[1].dropFirst(12)).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "│↑↓"))) : ""
        }
        let top = try tmux.waitFor(timeout: 5) { topLine($0) == "[vantage] state stopped → starting" }
        #expect(top.ok, "g shows the top; screen:\n\(top.screen)")
        // 3 notches of 3 lines: the tenth line (3 of Vantage's, then 1 to 6 of the project's) is on top.
        for _ in 0..<3 { try Self.send(button: 65, column: 60, row: 20, to: tmux) }
        let scrolled = try tmux.waitFor(timeout: 5) { topLine($0) == "7" }
        #expect(scrolled.ok, "the wheel scrolled the log by nine lines; screen:\n\(scrolled.screen)")
        try Self.send(button: 64, column: 60, row: 20, to: tmux)
        let back = try tmux.waitFor(timeout: 5) { topLine($0) == "4" }
        #expect(back.ok, "a notch up scrolls back three; screen:\n\(back.screen)")
        try tmux.send("L")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func aClickFocusesAPaneAndATabSwitchesInTheNarrowLayout() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        let first = try tmux.waitFor(timeout: 10) { $0.contains("ddd") && $0.contains("Timeline") }
        #expect(first.ok, "screen:\n\(first.screen)")
        // The Timeline's title: a click there focuses it (its border turns to the focus colour, and
        // the footer's hints are the timeline's).
        let rows = first.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let titleRow = try #require(rows.firstIndex { $0.contains("┌ Timeline") })
        let column = try #require(rows[titleRow].range(of: "Timeline")).lowerBound
        let x = rows[titleRow].distance(from: rows[titleRow].startIndex, to: column)
        try Self.send(button: 0, column: x, row: titleRow, to: tmux)
        let focused = try tmux.waitFor(timeout: 5) { $0.contains("v kind") && $0.contains("p project") }
        #expect(focused.ok, "the timeline's keys in the footer; screen:\n\(focused.screen)")
        // Narrow: one pane under a tab bar; a click on the Graph tab shows the graph.
        try tmux.resize(width: 60, height: 14)
        let narrow = try tmux.waitFor(timeout: 5) { $0.split(separator: "\n").first?.contains("Timeline") ?? false }
        #expect(narrow.ok, "screen:\n\(narrow.screen)")
        let bar = String(narrow.screen.split(separator: "\n").first ?? "")
        let graph = try #require(bar.range(of: "Gr"))
        try Self.send(button: 0, column: bar.distance(from: bar.startIndex, to: graph.lowerBound), row: 0, to: tmux)
        let switched = try tmux.waitFor(timeout: 5) { $0.split(separator: "\n").first?.contains(" Graph ") ?? false }
        #expect(switched.ok, "the Graph tab is selected; screen:\n\(switched.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func aBadMouseSettingIsAnErrorNamingFileLineAndField() throws {
        let f = try Fixture()
        defer { f.remove() }
        let binary = try #require(Binary.vantage)
        let settings = f.home + "/config/vantage/settings.toml"
        try FileManager.default.createDirectory(atPath: f.home + "/config/vantage", withIntermediateDirectories: true)
        try "on_exit = \"stop\"\nmouse = \"no\"\n".write(toFile: settings, atomically: true, encoding: .utf8)
        let run = try ChildProcess.run([binary, "--root", f.root], environment: f.environment, stderr: .merged, timeout: 60)
        #expect(run.status != 0)
        #expect(run.output.contains("\(settings):2: field 'mouse': expected true or false, found a string"), "\(run.output)")
    }

    /// The bytes the dashboard writes, recorded by `script`, with or without `--no-mouse`.
    static func recorded(_ flags: String, _ f: Fixture, settings: String? = nil) throws -> String {
        let binary = try #require(Binary.vantage)
        let typescript = f.home + "/typescript-\(UUID().uuidString.prefix(6))"
        if let settings {
            try FileManager.default.createDirectory(atPath: f.home + "/config/vantage", withIntermediateDirectories: true)
            try settings.write(toFile: f.home + "/config/vantage/settings.toml", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: f.home, withIntermediateDirectories: true)
        let inner = "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(f.root)) --on-exit stop \(flags)"
        let tmux = try TmuxSession(width: 100, height: 30, command: "script -q -e -c \(TmuxSession.shellQuote(inner)) \(TmuxSession.shellQuote(typescript))",
                                   environment: f.environment)
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("ddd") }.ok)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
        let data = try #require(FileManager.default.contents(atPath: typescript))
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: QuitAndLaunchEndToEndTests.has("script"), "needs script(1) from util-linux to record the terminal"))
    func noMouseLeavesTheTerminalsMouseModeOff() throws {
        let f = try Fixture()
        defer { f.remove() }
        let on = try Self.recorded("", f)
        #expect(on.contains("\u{1B}[?1006;1000h") || on.contains("\u{1B}[?1000h"), "with the mouse, the dashboard asks for reports")
        let off = try Self.recorded("--no-mouse", f)
        #expect(!off.contains("1000h") && !off.contains("1006h") && !off.contains("1002h") && !off.contains("1003h"),
                "--no-mouse asks the terminal for no mouse reports")
        #expect(off.contains("ddd"), "the dashboard was drawn")
        let setting = try Self.recorded("", f, settings: "mouse = false\n")
        #expect(!setting.contains("1000h") && !setting.contains("1006h"), "mouse = false in settings.toml does the same")
        #expect(setting.contains("ddd"), "the dashboard was drawn")
    }
}
