import Foundation
import Testing
import VantageCore

/// `scripts/test` stops, when it ends, every process its tests started: they all carry the run's
/// `VANTAGE_TEST_RUN` mark, including a daemon in its own session and a tmux server. This drives the
/// script's own functions (`scripts/test-marked-processes.sh`) on real processes.
@Suite(.serialized) struct TestRunCleanupEndToEndTests {
    static let script = Binary.repositoryRoot + "/scripts/test-marked-processes.sh"

    /// The pids whose environment carries `VANTAGE_TEST_RUN=run`, read from /proc here (not by the script).
    static func marked(_ run: String) -> [Int32] {
        let mark = Data("VANTAGE_TEST_RUN=\(run)".utf8)
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return pids.filter { pid in
            guard let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environ.split(separator: 0).contains { Data($0) == mark }
        }
    }

    static func stop(_ run: String) throws -> ChildProcess.Result {
        try ChildProcess.run(["bash", "-c", ". \(TmuxSession.shellQuote(script)); stop_marked_processes \(run)"], stderr: .merged, timeout: 30)
    }

    @Test(.enabled(if: ChildProcess.which("tmux") != nil && ChildProcess.which("setsid") != nil, "needs tmux and setsid (scripts/test installs tmux)"))
    func everyMarkedProcessIsStoppedAndNoOther() throws {
        let run = "cleanup-\(UUID().uuidString)"
        let socket = "vantage-cleanup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? Self.stop(run) }
        // A background child, a daemon in a session of its own, a tmux server with a pane: all marked.
        let start = try ChildProcess.run(["bash", "-c", """
            export VANTAGE_TEST_RUN=\(run)
            sleep 300 >/dev/null 2>&1 </dev/null &
            setsid sleep 301 >/dev/null 2>&1 </dev/null &
            tmux -L \(socket) -f /dev/null new-session -d 'sleep 302'
            """], stderr: .merged, timeout: 30)
        #expect(start.status == 0, "\(start.output)")
        // One process of the same kind without the mark: it must survive.
        let other = try ChildProcess.run(["bash", "-c", "env -u VANTAGE_TEST_RUN sleep 303 >/dev/null 2>&1 </dev/null & echo $!"], timeout: 30)
        let otherPID = try #require(Int32(other.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(otherPID, SIGKILL) }

        let before = Self.marked(run)
        #expect(before.count >= 4, "sleep 300, sleep 301, the tmux server and its pane: \(before)")
        #expect(try ChildProcess.run(["tmux", "-L", socket, "has-session"], stderr: .discarded).status == 0)

        let stopped = try Self.stop(run)
        #expect(stopped.status == 0, "\(stopped.output)")
        #expect(stopped.output.contains("\(before.count) process(es): "), "\(stopped.output)")
        #expect(stopped.output.contains("sleep x") && stopped.output.contains("tmux"), "\(stopped.output)")
        #expect(Self.marked(run).isEmpty, "still running: \(Self.marked(run))")
        #expect(try ChildProcess.run(["tmux", "-L", socket, "has-session"], stderr: .discarded).status != 0, "the tmux server is gone")
        #expect(kill(otherPID, 0) == 0, "a process without the mark is left alone")

        // Nothing left: nothing printed, success.
        let again = try Self.stop(run)
        #expect(again.status == 0 && again.output.isEmpty, "\(again.output)")
    }
}
