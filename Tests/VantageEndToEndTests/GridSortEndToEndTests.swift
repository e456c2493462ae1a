import Foundation
import Testing
import VantageCore

/// The grid sorted by a column on the real binary (issue 12 §7): `>` and `<` move the sort, `I`
/// reverses it, the header marks the column and direction, the title says it, and a busy project
/// rises above an idle one.
@Suite(.serialized) struct GridSortEndToEndTests {
    @Test func greaterThanSortsByTheNextColumnAndTheHeaderSaysWhich() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-sort-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        // "aaa" idles, "zzz" keeps a core busy: by name aaa is first, by CPU zzz is.
        for (name, command) in [("aaa", "sleep 600"), ("zzz", "sh -c 'while :; do :; done'")] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try "command = \"\(command)\"\n".write(toFile: root + "/\(name)/.vantage.toml", atomically: true, encoding: .utf8)
        }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("zzz") }.ok)
        try tmux.send("s")
        try tmux.send("j")
        try tmux.send("s")
        #expect(try tmux.waitFor(timeout: 30) { $0.contains("2 up") }.ok, "both run")
        func order(_ screen: String) -> [String] {
            screen.split(separator: "\n").compactMap { line in
                ["aaa", "zzz"].first { line.contains("│ \($0) ") || line.contains("│▶\($0) ") }
            }
        }
        try tmux.send(">")
        let byName = try tmux.waitFor(timeout: 5) { $0.contains("by name") && $0.contains("Name▲") }
        #expect(byName.ok && order(byName.screen) == ["aaa", "zzz"], "screen:\n\(byName.screen)")
        try tmux.send(">", ">", ">")
        let byCPU = try tmux.waitFor(timeout: 30) { $0.contains("by CPU") && $0.contains("CPU▼") && order($0) == ["zzz", "aaa"] }
        #expect(byCPU.ok, "the busy project first; screen:\n\(byCPU.screen)")
        // I reverses it: the idle project first, the arrow turned, the footer says so.
        try tmux.send("I")
        let reversed = try tmux.waitFor(timeout: 10) { $0.contains("CPU▲") && $0.contains("smallest first") && order($0) == ["aaa", "zzz"] }
        #expect(reversed.ok, "the idle project first; screen:\n\(reversed.screen)")
        try tmux.send("I")
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("CPU▼") && order($0) == ["zzz", "aaa"] }.ok, "I again: largest first")
        try tmux.send("<", "<", "<", "<")
        let own = try tmux.waitFor(timeout: 5) { !$0.contains("by ") && $0.contains("grid's own order") }
        #expect(own.ok, "past the first column: the grid's own order; screen:\n\(own.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
