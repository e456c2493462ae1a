import Foundation
import Testing
import VantageCore

/// A project's `.vantage.toml` broken between two runs (issue 12 §7, reload on change): the next
/// start of the real binary uses the last good copy kept under $VANTAGE_HOME and says so, naming
/// the file and line to fix; the project keeps its configured command and port and starts.
@Suite(.serialized) struct LastGoodConfigEndToEndTests {
    struct Fixture {
        let root = NSTemporaryDirectory() + "vantage-e2e-lastgood-\(UUID().uuidString.prefix(8))"
        var home: String { root + "-home" }
        var project: String { root + "/keeper" }
        var config: String { project + "/.vantage.toml" }

        init() throws {
            try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
            try "command = \"sh -c 'echo kept > ran.txt; sleep 600'\"\nports = [4591]\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
        }

        func start() throws -> TmuxSession {
            let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
            return try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop",
                                   environment: QuitAndLaunchEndToEndTests.environment(home: home))
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    /// The grid's row of the project.
    static func keeperRow(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("keeper ") && $0.hasPrefix("│") }
    }

    @Test func theNextStartUsesTheLastGoodCopyAndSaysWhatToFix() throws {
        let f = try Fixture()
        defer { f.remove() }
        // A first run reads the good file (and keeps it).
        let first = try f.start()
        let seen = try first.waitFor(timeout: 10) { Self.keeperRow($0)?.contains("4591") == true }
        #expect(seen.ok, "screen:\n\(seen.screen)")
        try first.send("q")
        #expect(try first.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)

        // Broken while Vantage is not running: an unclosed array on line 2.
        try "command = \"sh -c 'echo kept > ran.txt; sleep 600'\"\nports = [4591\n"
            .write(toFile: f.config, atomically: false, encoding: .utf8)
        let second = try f.start()
        let kept = try second.waitFor(timeout: 10) { Self.keeperRow($0)?.contains("4591") == true && $0.contains("1 warn") }
        #expect(kept.ok, "the port configured in the last good copy, and a warning; screen:\n\(kept.screen)")
        // Troubleshooting, zoomed, names the copy's time and the file and line to fix.
        for _ in 0..<4 { try second.send("Tab") }
        try second.send("z")
        let said = try second.waitFor(timeout: 10) { $0.contains("using the last good .vantage.toml") }
        #expect(said.ok, "screen:\n\(said.screen)")
        // The unclosed array is reported where the file ends (line 3), opened on line 2.
        #expect(said.screen.contains("fix \(f.config):3"), "screen:\n\(said.screen)")
        #expect(said.screen.range(of: #"from \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, options: .regularExpression) != nil,
                "the copy's time; screen:\n\(said.screen)")
        try second.send("z")
        for _ in 0..<1 { try second.send("Tab") }       // back to the grid
        // Details say it too.
        try second.send("Enter")
        let details = try second.waitFor(timeout: 5) { $0.contains("Details: keeper") && $0.contains("using the last good") }
        #expect(details.ok, "screen:\n\(details.screen)")
        try second.send("Escape")
        // The configured command starts.
        usleep(300_000)
        try second.send("s")
        let ran = f.project + "/ran.txt"
        let started = try second.waitFor(timeout: 30) { _ in (try? String(contentsOfFile: ran, encoding: .utf8)) == "kept\n" }
        #expect(started.ok, "the last good command ran; screen:\n\(started.screen)")
        #expect(try second.waitFor(timeout: 10) { $0.contains("1 up") }.ok)
        try second.send("q")
        #expect(try second.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
