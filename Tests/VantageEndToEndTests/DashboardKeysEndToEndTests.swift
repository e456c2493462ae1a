import Foundation
import Testing
import VantageCore

/// Keys on the real binary: paging moves by what the screen shows, a key pressed where it does
/// nothing says where it works, and `q` in an overlay closes the overlay instead of quitting.
@Suite(.serialized) struct DashboardKeysEndToEndTests {
    typealias Fixture = DashboardEndToEndTests.Fixture

    /// The rows of the help box between its borders, with the side borders and padding cut off.
    static func helpRows(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let top = lines.firstIndex(where: { $0.contains("Help: keys") }),
              let bottom = lines[(top + 1)...].firstIndex(where: { $0.contains("└") }) else { return [] }
        return lines[(top + 1)..<bottom].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ↑↓")) }
    }

    @Test func pageDownInHelpMovesByTheRowsOnScreen() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 80, height: 20, command: f.command(), environment: f.environment())
        try tmux.waitFor(timeout: 5) { $0.contains("Projects") }
        try tmux.send("?")
        let first = try tmux.waitFor(timeout: 3) { $0.contains("Help: keys") }
        let before = try settledHelpRows(tmux, first: Self.helpRows(first.screen))
        #expect(before.count == 20 - 1 - 2, "help fills the body: \(first.screen)")
        try tmux.send("PageDown")
        let paged = try tmux.waitFor(timeout: 3) { Self.helpRows($0).first != before.first }
        let after = try settledHelpRows(tmux, first: Self.helpRows(paged.screen))
        // The row under the last one shown is now the first: a full screen moved, nothing skipped.
        let full = try allHelpRows(tmux)
        try #require(full.count > 2 * before.count, "help is longer than two screens at 80x20")
        #expect(Array(full.prefix(before.count)) == before)
        #expect(Array(full[before.count..<(2 * before.count)]) == after, "PageDown moved one screenful; before:\n\(before)\nafter:\n\(after)")
    }

    /// The help rows once two captures 100 ms apart show the same rows.
    func settledHelpRows(_ tmux: TmuxSession, first: [String]) throws -> [String] {
        var previous = first
        for _ in 0..<20 {
            usleep(100_000)
            let now = Self.helpRows(try tmux.screen())
            if now == previous { return now }
            previous = now
        }
        return previous
    }

    /// Every help row, read by paging with Down from the top.
    func allHelpRows(_ tmux: TmuxSession) throws -> [String] {
        try tmux.send("g")
        let top = try tmux.waitFor(timeout: 3) { Self.helpRows($0).first == "Everywhere" }
        var rows = try settledHelpRows(tmux, first: Self.helpRows(top.screen))
        for _ in 0..<200 {
            // Only the help rows count: the footer's clock changes on its own.
            let last = Self.helpRows(try tmux.screen())
            try tmux.send("Down")
            let next = try tmux.waitFor(timeout: 1) { Self.helpRows($0) != last }
            guard next.ok else { break }
            // A capture can land while the terminal is half redrawn (the last row still blank):
            // read again until two captures 100 ms apart agree.
            rows.append(try settledHelpRows(tmux, first: Self.helpRows(next.screen)).last ?? "")
        }
        return rows
    }

    @Test func aKeyPressedWhereItDoesNothingSaysWhereItWorks() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command(), environment: f.environment())
        try tmux.waitFor(timeout: 5) { $0.contains("Troubleshooting") }
        try tmux.send("F")
        let r = try tmux.waitFor(timeout: 3) { $0.contains("fix works in Troubleshooting") }
        #expect(r.ok, "F in the Projects pane says where it works; screen:\n\(r.screen)")
        try tmux.send("Z")
        let unbound = try tmux.waitFor(timeout: 3) { $0.contains("Z is not bound to anything here; ? lists the keys") }
        #expect(unbound.ok, "an unbound key says so; screen:\n\(unbound.screen)")
    }

    @Test func qInAnOverlayClosesItAndNeverQuits() throws {
        let f = try Fixture()
        let tmux = try TmuxSession(width: 120, height: 40, command: f.command(), environment: f.environment())
        try tmux.waitFor(timeout: 5) { $0.contains("Troubleshooting") }
        try tmux.send("?")
        try tmux.waitFor(timeout: 3) { $0.contains("Help: keys") }
        try tmux.send("q")
        let closed = try tmux.waitFor(timeout: 3) { !$0.contains("Help: keys") }
        #expect(closed.ok && !closed.screen.contains("EXIT="), "q closed help and Vantage still runs; screen:\n\(closed.screen)")
        #expect(closed.screen.contains("Troubleshooting ("))
    }
}

/// The binary alone, copied where no `themes/` or `keymaps/` folder is near, still has every
/// shipped theme and keymap (compiled in by the EmbedFiles build plugin).
@Suite(.serialized) struct EmbeddedDefaultsEndToEndTests {
    @Test func aLoneCopyOfTheBinaryHasTheShippedThemesAndKeymaps() throws {
        let f = try DashboardEndToEndTests.Fixture()
        let dir = NSTemporaryDirectory() + "vantage-lone-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lone = dir + "/vantage"
        // Copied by cp, not in this process: a write descriptor held here could leak into a child
        // another test forks at that moment, and exec would then fail with "text file busy".
        #expect(try ChildProcess.run(["cp", f.binary, lone]).status == 0)
        var env = f.environment()
        env["VANTAGE_SHARE"] = ""
        let unknown = try ChildProcess.run([lone, "--theme", "nope", "--root", f.examples], environment: env, stderr: .merged)
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("available themes are dark, high-contrast, light, solarized-dark, solarized-light"),
                "the compiled-in themes are listed: \(unknown.output)")
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "sh -c " + TmuxSession.shellQuote("cd / && exec \(TmuxSession.shellQuote(lone)) --theme solarized-light --keymap vim --root \(TmuxSession.shellQuote(f.examples))"),
                                   environment: env)
        let up = try tmux.waitFor(timeout: 5) { $0.contains("Projects (") }
        #expect(up.ok, "the dashboard opens with a compiled-in theme; screen:\n\(up.screen)")
        try tmux.send("?")
        let help = try tmux.waitFor(timeout: 3) { $0.contains("Help: keys (vim)") }
        #expect(help.ok, "the compiled-in vim keymap is active; screen:\n\(help.screen)")
    }
}
