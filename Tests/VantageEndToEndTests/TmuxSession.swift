import Foundation
import VantageCore

/// A private tmux server running the real `vantage` binary, driven like a person would:
/// send keys, read the screen. Each session has its own socket name so tests stay apart.
final class TmuxSession {
    let socket: String
    let name = "v"

    /// Starts `command` in a detached session of the given size. The pane prints `EXIT=<status>`
    /// after the command ends, so the exit status stays readable.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "vantage-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let envPrefix = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }.joined(separator: " ")
        let inner = "env \(envPrefix) \(command); echo EXIT=$?; sleep 120"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", inner])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let out = try ChildProcess.run(["tmux", "-L", socket, "-f", "/dev/null"] + args, stderr: .discarded)
        return out.output
    }

    /// The visible screen as text lines.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The visible screen with SGR colour escapes.
    func screenWithColors() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", name]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval, _ predicate: (String) -> Bool) throws -> (ok: Bool, screen: String, elapsed: TimeInterval) {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < timeout {
            last = try screen()
            if predicate(last) { return (true, last, Date().timeIntervalSince(start)) }
            usleep(50_000)
        }
        return (false, last, Date().timeIntervalSince(start))
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
