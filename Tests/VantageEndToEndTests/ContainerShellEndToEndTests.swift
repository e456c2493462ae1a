import Foundation
import Testing
import VantageCore

/// `!` on a container, on the real binary and the test engine (issue 12 §7): the dashboard gives
/// the terminal to `docker exec -it` into the selected container (busybox, offline), a command
/// typed there prints a marker from inside it (its hostname is the container's id), and the
/// dashboard comes back when the shell exits.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["VANTAGE_TEST_DOCKER_HOST"] != nil
                              || ProcessInfo.processInfo.environment["CI"] == "true",
                              "no Docker engine (scripts/test starts one as root)"))
struct ContainerShellEndToEndTests {
    let host = ProcessInfo.processInfo.environment["VANTAGE_TEST_DOCKER_HOST"] ?? "unix:///nonexistent.sock"

    @Test func bangOnAContainerRunsAShellInsideItAndTheDashboardComesBack() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let name = "e2e-shell-\(UUID().uuidString.prefix(6).lowercased())"
        let run = try ChildProcess.run(["docker", "-H", host, "run", "-d", "--pull=never", "--network", "none", "--name", name,
                                        "--label", "vantage.test=1", "localhost/busybox:latest", "sh", "-c", "while :; do sleep 1; done"],
                                       stderr: .discarded)
        #expect(run.status == 0)
        defer { _ = try? ChildProcess.run(["docker", "-H", host, "rm", "-f", name], stderr: .discarded) }
        let id = String(run.output.trimmingCharacters(in: .whitespacesAndNewlines).prefix(12))
        let root = NSTemporaryDirectory() + "vantage-e2e-cshell-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var environment = QuitAndLaunchEndToEndTests.environment(home: home)
        environment["DOCKER_HOST"] = host
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit stop; echo EXIT=$?",
                                   environment: environment)
        #expect(try tmux.waitFor(timeout: 20) { $0.contains(name) }.ok, "the container is listed")
        // Only this container, so it is the selected row.
        try tmux.send("/")
        try tmux.send("-l", name)
        try tmux.send("Enter")
        usleep(300_000)                                 // (the hostname inside proves which row was selected)
        try tmux.send("!")
        #expect(try tmux.waitFor(timeout: 15) { !$0.contains("Projects (") }.ok, "the screen was given to docker exec")
        try tmux.send("-l", "echo inside-$((6*7)) on $(hostname)")
        try tmux.send("Enter")
        let inside = try tmux.waitFor(timeout: 15) { $0.contains("inside-42 on \(id)") }
        #expect(inside.ok, "the marker from inside the container; screen:\n\(inside.screen)")
        try tmux.send("-l", "exit")
        try tmux.send("Enter")
        let back = try tmux.waitFor(timeout: 15) { $0.contains("Projects (") }
        #expect(back.ok, "the dashboard is back; screen:\n\(back.screen)")
        try tmux.send("q")
        #expect(try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }.ok)
    }
}
