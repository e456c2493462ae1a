import Foundation
import Testing
import VantageCore

/// `!` on the real binary (issue 12 §7): the dashboard gives the terminal to a shell in the
/// project's folder with the project's environment (a variable of its `.env`), and comes back when
/// the shell exits, saying how it ended.
@Suite(.serialized) struct ShellEndToEndTests {
    @Test func bangOpensAShellInTheProjectWithItsEnvironmentAndTheDashboardComesBack() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-shell-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        let folder = root + "/shelly"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "command = \"sleep 600\"\n".write(toFile: folder + "/.vantage.toml", atomically: true, encoding: .utf8)
        try "VANTAGE_SHELL_MARKER=from-dotenv-4417\n".write(toFile: folder + "/.env", atomically: true, encoding: .utf8)
        var environment = QuitAndLaunchEndToEndTests.environment(home: home)
        environment["SHELL"] = "/bin/sh"
        let tmux = try TmuxSession(width: 100, height: 30,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: environment)
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("shelly") }.ok)
        try tmux.send("!")
        // The dashboard is gone: the shell's prompt on the terminal's own screen.
        #expect(try tmux.waitFor(timeout: 10) { !$0.contains("Projects (") }.ok, "the screen was given back")
        try tmux.send("-l", "echo marker=$VANTAGE_SHELL_MARKER; pwd")
        try tmux.send("Enter")
        let shown = try tmux.waitFor(timeout: 10) { $0.contains("marker=from-dotenv-4417") && $0.contains(folder) }
        #expect(shown.ok, "the .env variable and the project's folder; screen:\n\(shown.screen)")
        try tmux.send("-l", "exit 3")
        try tmux.send("Enter")
        let back = try tmux.waitFor(timeout: 10) { $0.contains("Projects (") && $0.contains("shell exited (status 3)") }
        #expect(back.ok, "the dashboard is back and says how the shell ended; screen:\n\(back.screen)")
        // Keys work again.
        try tmux.send("?")
        #expect(try tmux.waitFor(timeout: 5) { $0.contains("Help") }.ok)
        try tmux.send("q")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
