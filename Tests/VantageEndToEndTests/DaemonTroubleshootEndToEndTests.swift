import Foundation
import Testing
import VantageCore

/// Under `vantage daemon`, a Python project whose requirements.txt declares `six==1.16.0` and
/// whose `.venv` lacks it is diagnosed from its own manifest every time ("declared but not
/// installed"), `troubleshoot fix` installs it, and a fix command that can fix nothing exits non-zero.
@Suite(.serialized) struct DaemonTroubleshootEndToEndTests {
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    @Test(.enabled(if: has("python3"), "needs python3 (and PyPI for the install)"))
    func aDeclaredButMissingModuleIsDiagnosedAndInstalledUnderTheDaemon() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-six-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        let app = root + "/needs-six"
        let broken = root + "/broken"
        for dir in [app, broken, home] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try "six==1.16.0\n".write(toFile: app + "/requirements.txt", atomically: true, encoding: .utf8)
        try "import six\nprint('six', six.__version__, flush=True)\nimport time\ntime.sleep(60)\n".write(toFile: app + "/app.py", atomically: true, encoding: .utf8)
        try "def broken(:\n    pass\n".write(toFile: broken + "/app.py", atomically: true, encoding: .utf8)
        let venv = try ChildProcess.run(["python3", "-m", "venv", app + "/.venv"], stderr: .merged, timeout: 120)
        try #require(venv.status == 0, "python3 -m venv: \(venv.output)")
        let env = ["VANTAGE_HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home]

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: binary)
        daemon.arguments = ["daemon", "--root", root]
        daemon.environment = env
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer {
            daemon.terminate()
            daemon.waitUntilExit()
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        func cli(_ arguments: [String]) throws -> ChildProcess.Result {
            try ChildProcess.run([binary] + arguments, environment: env, stderr: .merged, timeout: 300)
        }
        var attached = false
        for _ in 0..<100 where !attached { attached = (try? cli(["ps"]))?.status == 0; if !attached { usleep(100_000) } }
        try #require(attached, "the daemon answers")

        for _ in 0..<3 {
            // Three runs, three times the same diagnosis (the flaky daemon said "not declared").
            _ = try cli(["launch", "needs-six", "--wait", "--timeout", "20"])
            let problems = try cli(["troubleshoot", "--json"])
            #expect(problems.output.contains("six is declared but not installed"), "\(problems.output)")
            #expect(problems.output.contains("\"automated\" : \"install six with pip into .venv\""), "\(problems.output)")
        }
        let fix = try cli(["troubleshoot", "fix", "needs-six", "--yes"])
        #expect(fix.status == 0, "\(fix.output)")
        #expect(fix.output.contains("Installed six"), "\(fix.output)")
        let launched = try cli(["restart", "needs-six"])
        #expect(launched.status == 0, "\(launched.output)")
        var log = ""
        for _ in 0..<100 where !log.contains("six 1.16.0") { log = (try? cli(["logs", "needs-six"]))?.output ?? ""; usleep(100_000) }
        #expect(log.contains("six 1.16.0"), "the restarted project imports six: \(log)")

        // A problem with no automatic fix: the fix command fails and says what to do by hand.
        _ = try cli(["launch", "broken", "--wait", "--timeout", "10"])
        let none = try cli(["troubleshoot", "fix", "broken", "--yes"])
        #expect(none.status != 0, "\(none.output)")
        #expect(none.output.contains("no automatic fix"), "\(none.output)")
    }
}
