import Foundation
import Testing
import VantageCore

/// Quitting never destroys work by surprise, and a compose project without an engine says why it
/// cannot start, on the real binary.
@Suite(.serialized) struct QuitAndLaunchEndToEndTests {
    static func environment(home: String) -> [String: String] {
        ["TERM": "tmux-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "VANTAGE_HOME": home,
         "XDG_CONFIG_HOME": home + "/config", "COLORTERM": "", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    static func cli(_ arguments: [String], home: String, in directory: String? = nil,
                    stderr: ChildProcess.StandardError = .merged) throws -> ChildProcess.Result {
        let bin = try #require(Binary.vantage)
        return try ChildProcess.run([bin] + arguments, directory: directory,
                                    environment: ["VANTAGE_HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                                                  "DOCKER_HOST": "unix://" + home + "/no-docker.sock"],
                                    stderr: stderr, timeout: 60)
    }

    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    @Test(.enabled(if: has("python3"), "needs python3"))
    func quittingWithKeepHandsTheRunningProjectToADaemonWhichAdoptsIt() throws {
        let binary = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        let root = NSTemporaryDirectory() + "vantage-e2e-keep-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        let app = root + "/keeper"
        let port = Int.random(in: 20000...50000)
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        try "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(port)]\n[readiness]\npath = \"/\"\n"
            .write(toFile: app + "/.vantage.toml", atomically: true, encoding: .utf8)
        var daemonPid: Int32?
        defer {
            if let daemonPid { kill(daemonPid, SIGTERM) } // the daemon stops the project on its way out
            usleep(1_500_000)
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        let tmux = try TmuxSession(width: 120, height: 40,
                                   command: "\(TmuxSession.shellQuote(binary)) --root \(TmuxSession.shellQuote(root)) --on-exit keep",
                                   environment: Self.environment(home: home))
        #expect(try tmux.waitFor(timeout: 10) { $0.contains("keeper") }.ok)
        try tmux.send("s")
        let ready = try tmux.waitFor(timeout: 30) { $0.contains("ready") }
        #expect(ready.ok, "the project is ready; screen:\n\(ready.screen)")
        let before = try Self.cli(["ps", "--json"], home: home, stderr: .discarded)
        let pid = try #require(Self.pid(of: "keeper", in: before.output), "ps while the console hosts: \(before.output)")
        try tmux.send("q")
        let handed = try tmux.waitFor(timeout: 30) { $0.contains("kept running under the Vantage daemon") && $0.contains("EXIT=0") }
        #expect(handed.ok, "the console says who supervises the project now; screen:\n\(handed.screen)")
        daemonPid = handed.screen.range(of: #"pid (\d+), log"#, options: .regularExpression)
            .flatMap { Int32(handed.screen[$0].dropFirst(4).prefix { $0.isNumber }) }
        #expect(daemonPid != nil)
        let after = try Self.cli(["ps", "--json"], home: home, stderr: .discarded)
        #expect(Self.pid(of: "keeper", in: after.output) == pid, "adopted, not restarted: the same pid; \(after.output)")
        #expect(after.output.contains("\"state\" : \"ready\"") || after.output.contains("\"state\" : \"running\""), "\(after.output)")
        #expect(kill(pid, 0) == 0, "the project's process still runs")
    }

    static func pid(of name: String, in json: String) -> Int32? {
        guard let rows = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]],
              let row = rows.first(where: { $0["name"] as? String == name }) else { return nil }
        return (row["pid"] as? NSNumber)?.int32Value
    }

    @Test func launchingAComposeProjectWithoutAnEngineSaysWhyAndFails() throws {
        let root = NSTemporaryDirectory() + "vantage-e2e-compose-\(UUID().uuidString.prefix(8))"
        let home = root + "-home"
        try FileManager.default.createDirectory(atPath: root + "/stack", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: home) }
        try "services:\n  web:\n    image: localhost/busybox:latest\n    ports:\n      - \"4999:80\"\n"
            .write(toFile: root + "/stack/compose.yaml", atomically: true, encoding: .utf8)
        let out = try Self.cli(["launch", "stack"], home: home, in: root)
        #expect(out.status != 0)
        #expect(out.output.contains("stack is a compose project and cannot start: no Docker engine answers"), "\(out.output)")
        #expect(out.output.contains("start the Docker engine"), "says what to do: \(out.output)")
    }
}
