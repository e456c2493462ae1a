import Foundation
import Testing
@testable import VantageCore

@Suite("ChildProcess")
struct ChildProcessTests {
    @Test func capturesOutputAndExitStatus() throws {
        let r = try ChildProcess.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(r.status == 3)
        #expect(r.output.contains("out\n"))
        #expect(r.output.contains("err\n"))
        #expect(!r.succeeded)
    }

    @Test func discardsStandardErrorWhenAsked() throws {
        let r = try ChildProcess.run(["/bin/sh", "-c", "echo out; echo err >&2"], stderr: .discarded)
        #expect(r.output == "out\n")
    }

    @Test func runsInTheGivenDirectoryWithTheGivenEnvironment() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ChildProcess.run(["/bin/sh", "-c", "pwd; echo \"$ONLY\"; echo \"[$HOME]\""],
                                     directory: dir.path, environment: ["ONLY": "this", "PATH": "/usr/bin:/bin"])
        let lines = r.output.split(separator: "\n").map(String.init)
        try #require(lines.count > 0)
        #expect(URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath().path == dir.resolvingSymlinksInPath().path)
        try #require(lines.count > 1)
        #expect(lines[1] == "this")
        try #require(lines.count > 2)
        #expect(lines[2] == "[]")
    }

    @Test func childrenStartWithAnEmptySignalMask() throws {
        // The test runner blocks SIGTERM; a child that inherited that mask would show it in SigBlk.
        let r = try ChildProcess.run(["/bin/sh", "-c", "grep SigBlk /proc/self/status"])
        #expect(r.output.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("0000000000000000"))
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() throws {
        // A sleep with a duration no other process uses marks the grandchild; "[s]leep" keeps
        // pgrep from matching the shell that runs it.
        let seconds = "30.\(Int.random(in: 100_000...999_999))"
        let start = ContinuousClock.now
        let r = try ChildProcess.run(["/bin/sh", "-c", "sleep \(seconds) & echo started; wait"], timeout: 0.5)
        #expect(r.timedOut)
        #expect(r.status == 124)
        #expect(r.output == "started\n")
        #expect(ContinuousClock.now - start < .seconds(10))
        usleep(200_000)
        let left = try ChildProcess.run(["/bin/sh", "-c", "pgrep -f '[s]leep \(seconds)' || true"])
        #expect(left.output.isEmpty, "the grandchild survived: \(left.output)")
    }

    @Test func offThePoolTheResultIsTheSameAndAFailureStillThrows() async throws {
        let r = try await ChildProcess.runOffThePool(["/bin/sh", "-c", "echo done; exit 4"])
        #expect(r.status == 4)
        #expect(r.output == "done\n")
        await #expect(throws: VantageError.self) {
            try await ChildProcess.runOffThePool(["/nonexistent/program-\(UUID().uuidString)"])
        }
    }

    @Test func aMissingProgramIsAClearError() {
        #expect(throws: VantageError.self) {
            try ChildProcess.run(["/nonexistent/program-\(UUID().uuidString)"])
        }
        #expect(ChildProcess.which("sh") != nil)
        #expect(ChildProcess.which("no-such-tool-\(UUID().uuidString)") == nil)
    }

    @Test func runCheckedQuotesTheFailure() {
        do {
            _ = try ChildProcess.runChecked(["/bin/sh", "-c", "echo broken thing; exit 2"])
            Issue.record("a failing command must throw")
        } catch {
            #expect(error.message.contains("status 2"))
            #expect(error.message.contains("broken thing"))
        }
    }
}
