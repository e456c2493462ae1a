import Foundation
import Testing
import VantageCore

/// The mouse on the grid's header and in the process view, on the real binary (issue 12 §7): a
/// click on a column title sorts by it and a second click reverses the sort (the `>`/`<` and `I`
/// keys' actions); in the process view (`T`) a click selects the process under it and the wheel
/// moves the selection, which the signal chooser then names. Clicks are typed as a terminal in SGR
/// mode sends them (`MouseEndToEndTests.send`).
@Suite(.serialized) struct MouseSortAndProcessesEndToEndTests {
    typealias Fixture = MouseEndToEndTests.Fixture

    /// A click as a terminal sends it: the press, then the release (ncurses reports a second press
    /// of the same button only after a release).
    static func click(column: Int, row: Int, to tmux: TmuxSession) throws {
        try MouseEndToEndTests.send(button: 0, column: column, row: row, to: tmux)
        usleep(100_000)
        let release = Array("\u{1B}[<0;\(column + 1);\(row + 1)m".utf8)
        try tmux.tmux(["send-keys", "-t", tmux.name, "-H"] + release.map { String(format: "%02x", $0) })
        usleep(100_000)
    }

    static func lines(_ screen: String) -> [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Row and column of the first `text` on the screen whose row also holds `context`.
    static func place(of text: String, in screen: String, onARowWith context: String = "") -> (row: Int, column: Int)? {
        for (row, line) in lines(screen).enumerated() where line.contains(context) {
            if let range = line.range(of: text) { return (row, line.distance(from: line.startIndex, to: range.lowerBound)) }
        }
        return nil
    }

    @Test func aHeaderClickSortsAndASecondReverses() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        let first = try tmux.waitFor(timeout: 10) { $0.contains("ddd") && $0.contains("│▶aaa ") }
        #expect(first.ok, "screen:\n\(first.screen)")
        usleep(300_000)                                 // the first frame is drawn before mouse reports are asked for
        let status = try #require(Self.place(of: "Status", in: first.screen, onARowWith: "Name"), "the grid's header")
        try Self.click(column: status.column + 1, row: status.row, to: tmux)
        let sorted = try tmux.waitFor(timeout: 5) { $0.contains("by status") && $0.contains("Status▲") }
        #expect(sorted.ok, "sorted by status, its arrow in the header; screen:\n\(sorted.screen)")
        try Self.click(column: status.column + 1, row: status.row, to: tmux)
        let reversed = try tmux.waitFor(timeout: 5) { $0.contains("Status▼") }
        #expect(reversed.ok, "a second click reverses; screen:\n\(reversed.screen)")
        // (A title the grid cannot sort by, Ports, says so: PointerActionsTests.)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }

    @Test func inTheProcessViewAClickSelectsAProcessAndTheWheelMovesTheSelection() throws {
        let f = try Fixture()
        defer { f.remove() }
        let tmux = try f.start()
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("│▶aaa ") }.ok)
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 30) { $0.contains("1 up") }.ok, "aaa runs")
        try tmux.send("T")
        // sh -c 'seq 1 300; sleep 600': the shell and its sleep.
        let tree = try tmux.waitFor(timeout: 20) { $0.contains("Processes of aaa: 2 processes") && $0.contains("└─ sleep 600") }
        #expect(tree.ok, "screen:\n\(tree.screen)")
        let sleep = try #require(Self.place(of: "sleep 600", in: tree.screen, onARowWith: "└─"))
        try MouseEndToEndTests.send(button: 0, column: sleep.column, row: sleep.row, to: tmux)   // one press: acts at once
        usleep(200_000)
        try tmux.send("s")
        let chosen = try tmux.waitFor(timeout: 5) { $0.range(of: #"Signal to \d+ \(sleep 600\)"#, options: .regularExpression) != nil }
        #expect(chosen.ok, "the clicked process is the one the chooser names; screen:\n\(chosen.screen)")
        try tmux.send("s")                              // back to the list
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Signal to") }.ok)
        // A wheel notch up moves the selection to the shell (the first row).
        try MouseEndToEndTests.send(button: 64, column: sleep.column, row: sleep.row, to: tmux)
        usleep(200_000)
        try tmux.send("s")
        let shell = try tmux.waitFor(timeout: 5) { $0.range(of: #"Signal to \d+ \(sh -c"#, options: .regularExpression) != nil }
        #expect(shell.ok, "the wheel moved the selection up; screen:\n\(shell.screen)")
        try tmux.send("s")                              // the chooser closes, then Esc closes the view
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Signal to") }.ok)
        try tmux.send("Escape")
        #expect(try tmux.waitFor(timeout: 5) { !$0.contains("Processes of aaa") }.ok)
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
