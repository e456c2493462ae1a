import Foundation
import Testing

/// The analyzer in the real binary: a copy of the Python example gets its badge and its details
/// section, and an edit to its source is analysed again without a restart.
@Suite(.serialized) struct InsightEndToEndTests {
    @Test func badgeAndDetailsAppearAndFollowAnEdit() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-insight-\(UUID().uuidString)"
        let home = root + "-home"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.copyItem(atPath: Binary.repositoryRoot + "/examples/python-web", toPath: root + "/python-web")
        let env = ["TERM": "tmux-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "VANTAGE_HOME": home,
                   "XDG_CONFIG_HOME": home + "/config", "COLORTERM": ""]
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root))",
                                   environment: env)
        // The grid's debt column, then the details section with the example's worst function
        // (port_from_dotenv: CCN 4 by lizard 1.24.3).
        let badge = try tmux.waitFor(timeout: 20) { $0.contains("Health D") || $0.contains("Health Debt") }
        #expect(badge.ok, "the grid has a debt badge column; screen:\n\(badge.screen)")
        try tmux.send("Enter")
        let details = try tmux.waitFor(timeout: 20) { $0.contains("CCN 4   port_from_dotenv  app.py:") }
        #expect(details.ok, "details list the worst function; screen:\n\(details.screen)")
        #expect(details.screen.contains("not checked (no advisory database: run vantage deps db import DIR)"))

        // A new function with CCN 7 (if+and, elif+or, for, while) is picked up after the debounce.
        let edit = "\n\ndef extra(a, b, c):\n    if a and b:\n        return 1\n    elif c or a:\n        return 2\n"
            + "    for x in range(3):\n        while x:\n            x -= 1\n    return 0\n"
        let handle = try #require(FileHandle(forWritingAtPath: root + "/python-web/app.py"))
        handle.seekToEndOfFile()
        handle.write(Data(edit.utf8))
        try handle.close()
        let again = try tmux.waitFor(timeout: 30) { $0.contains("CCN 7   extra  app.py:") }
        #expect(again.ok, "the edit is analysed again; screen:\n\(again.screen)")
    }
}
