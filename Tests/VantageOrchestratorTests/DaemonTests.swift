import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// Drives the real `vantage` binary (built next to the test runner: `swift build --product vantage`).
@Suite(.serialized, .timeLimit(.minutes(2))) struct DaemonTests {
    static var binary: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("vantage").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("vantage").path
    }

    struct Run { var status: Int32; var output: String }

    /// Runs `vantage ARGS` to completion with VANTAGE_HOME set.
    static func vantage(_ args: [String], home: String, stdin: String? = nil, timeoutSeconds: Int? = nil) async throws -> Run {
        try await offPool { try runVantage(args, home: home, stdin: stdin, timeoutSeconds: timeoutSeconds) }
    }

    static func runVantage(_ args: [String], home: String, stdin: String?, timeoutSeconds: Int?) throws -> Run {
        let out = home + "/../cli-\(UUID().uuidString.prefix(6)).out"
        let input = stdin.map { s -> String in
            let path = home + "/../stdin-\(UUID().uuidString.prefix(6))"
            try? s.write(toFile: path, atomically: true, encoding: .utf8)
            return " < '\(path)'"
        } ?? " < /dev/null"
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        let fd = open("/dev/null", O_WRONLY)
        defer { close(fd) }
        let prefix = timeoutSeconds.map { "timeout \($0) " } ?? ""
        let p = try ProcessLauncher.spawn(SpawnRequest(command: "\(prefix)'\(binary)' \(quoted) > '\(out)' 2>&1\(input)", directory: home,
                                                       environment: ["VANTAGE_HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                                                       stdoutFD: fd, stderrFD: fd))
        p.open()
        var status: Int32 = 0
        waitpid(p.pid, &status, 0)
        return Run(status: ExitStatus(raw: status).code ?? -1, output: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    /// Starts `vantage daemon --root ROOT` in the background.
    static func startDaemon(root: String, home: String) throws -> Int32 {
        let log = open(home + "/../daemon.log", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        defer { close(log) }
        let p = try ProcessLauncher.spawn(SpawnRequest(command: "exec '\(binary)' daemon --root '\(root)' --stop-timeout 2", directory: root,
                                                       environment: ["VANTAGE_HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                                                       stdoutFD: log, stderrFD: log))
        p.open()
        return p.pid
    }

    static func waitForSocket(_ paths: VantagePaths) async throws {
        for _ in 0..<200 {
            if (try? await offPool({ try ControlClient.connect(paths).send(.ps) })) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw VantageError(.unavailable, "the daemon did not come up")
    }

    static func rows(_ paths: VantagePaths) async throws -> [ProjectStatus] {
        guard case .status(let rows) = try await offPool({ try ControlClient.request(paths, .ps) }) else { return [] }
        return rows
    }

    @Test func cliWithoutADaemonSaysSo() async throws {
        try #require(FileManager.default.fileExists(atPath: Self.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        defer { f.removeFiles() }
        let run = try await Self.vantage(["ps"], home: f.paths.home)
        #expect(run.status != 0)
        #expect(run.output.contains("no Vantage daemon is running"), "\(run.output)")
    }

    @Test func daemonServesTheCLIRefusesASecondSupervisorAndAdoptsAfterSIGKILL() async throws {
        try #require(FileManager.default.fileExists(atPath: Self.binary), "build the binary first: swift build --product vantage")
        let f = Fixture()
        let base = randomPortBase()
        let root = f.root + "/projects"
        f.project("alpha", files: [".vantage.toml": "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(base)]\n"])
        f.project("beta", files: [".vantage.toml": "command = \"python3 -m http.server $PORT --bind 127.0.0.1\"\nports = [\(base)]\n"])
        f.project("gamma", files: [".vantage.toml": "command = \"while true; do echo gamma alive; sleep 0.2; done\"\n[env.staging]\nSTAGE = \"1\"\n"])
        var daemon = try Self.startDaemon(root: root, home: f.paths.home)
        defer { kill(daemon, SIGKILL) }
        try await Self.waitForSocket(f.paths)
        var st = stat()
        #expect(stat(f.paths.socket, &st) == 0 && st.st_mode & 0o777 == 0o600)

        // Only one supervisor per home.
        let second = try await Self.vantage(["daemon", "--root", root], home: f.paths.home)
        #expect(second.status != 0 && second.output.contains("already runs"), "\(second.output)")

        // Unknown names list the known ones.
        let unknown = try await Self.vantage(["launch", "nosuch"], home: f.paths.home)
        #expect(unknown.status != 0 && unknown.output.contains("known projects: alpha, beta, gamma"), "\(unknown.output)")

        let launch = try await Self.vantage(["launch", "--all"], home: f.paths.home)
        #expect(launch.status == 0, "\(launch.output)")
        for _ in 0..<100 where try await Self.rows(f.paths).contains(where: { $0.state != .ready }) { try await Task.sleep(for: .milliseconds(50)) }
        let ps = try await Self.vantage(["ps", "--json"], home: f.paths.home)
        let rows = try JSONDecoder().decode([ProjectStatus].self, from: Data(ps.output.utf8))
        #expect(rows.map(\.state) == [.ready, .ready, .ready])
        let json = try JSONSerialization.jsonObject(with: Data(ps.output.utf8)) as! [[String: Any]]
        for key in ["name", "kind", "state", "pid", "ports", "cpu", "rss", "health", "restarts", "env", "decisions"] {
            try #require(json.count > 0)
            #expect(json[0][key] != nil, "ps --json has \(key)")
        }
        #expect(rows.flatMap(\.decisions).contains { $0.contains("\(base) busy") })
        let logs = try await Self.vantage(["logs", "gamma", "-n", "3"], home: f.paths.home)
        #expect(logs.output.contains("gamma alive"))
        // restart, env use, limit and logs -f through the CLI.
        let gammaPid = rows.first { $0.name == "gamma" }!.pid!
        #expect(try await Self.vantage(["restart", "gamma"], home: f.paths.home).status == 0)
        let useEnv = try await Self.vantage(["env", "use", "gamma", "staging"], home: f.paths.home)
        #expect(useEnv.output.contains("gamma now uses staging"), "\(useEnv.output)")
        let limit = try await Self.vantage(["limit", "alpha", "--cpu", "0.5", "--memory", "256M", "--pids", "100"], home: f.paths.home)
        #expect(limit.status == 0, "\(limit.output)")
        let badLimit = try await Self.vantage(["limit", "alpha", "--memory", "lots"], home: f.paths.home)
        #expect(badLimit.status != 0 && badLimit.output.contains("256M or 1G"))
        let follow = try await Self.vantage(["logs", "gamma", "-f", "-n", "1"], home: f.paths.home, timeoutSeconds: 1)
        #expect(follow.output.split(separator: "\n").filter { $0.contains("gamma alive") }.count >= 3, "\(follow.output)")
        let refreshed = try await Self.rows(f.paths)
        let gammaRow = refreshed.first { $0.name == "gamma" }!
        #expect(gammaRow.pid != gammaPid && gammaRow.env == "staging" && gammaRow.state.isUp)
        let alphaRow = refreshed.first { $0.name == "alpha" }!
        #expect(alphaRow.limits == ResourceLimits(cpus: 0.5, memoryBytes: 256 << 20, pids: 100))
        #expect(alphaRow.decisions.contains { $0.contains("limits set to cpu 0.5, memory 256M, pids 100") })
        let pidsBefore = Dictionary(uniqueKeysWithValues: refreshed.map { ($0.name, $0.pid!) })

        // A secret set through the CLI (value on stdin) shows masked in `env show`, with its source.
        let secretValue = "sk-\(UUID().uuidString)"
        let set = try await Self.vantage(["secret", "set", "alpha", "API_KEY"], home: f.paths.home, stdin: secretValue + "\n")
        #expect(set.status == 0, "\(set.output)")
        let show = try await Self.vantage(["env", "show", "alpha"], home: f.paths.home)
        #expect(show.output.contains("API_KEY") && show.output.contains("********") && show.output.contains("secret (development)"), "\(show.output)")
        #expect(!show.output.contains(secretValue))
        let get = try await Self.vantage(["secret", "get", "alpha", "API_KEY"], home: f.paths.home)
        #expect(get.output == secretValue + "\n")
        let list = try await Self.vantage(["secret", "list", "alpha"], home: f.paths.home)
        #expect(list.output == "development\tAPI_KEY\n")
        chmod(f.paths.keyFile, 0o644)
        let refused = try await Self.vantage(["secret", "get", "alpha", "API_KEY"], home: f.paths.home)
        #expect(refused.status != 0 && refused.output.contains("chmod 600"), "\(refused.output)")
        chmod(f.paths.keyFile, 0o600)

        // Crash the supervisor: projects keep running; beta dies while nobody watches.
        kill(daemon, SIGKILL)
        let crashed = daemon
        _ = try await offPool { var status: Int32 = 0; return waitpid(crashed, &status, 0) }
        kill(-pidsBefore["beta"]!, SIGKILL)
        try await Task.sleep(for: .milliseconds(300))
        #expect(LinuxCalls.isAlive(pidsBefore["alpha"]!))

        daemon = try Self.startDaemon(root: root, home: f.paths.home)
        try await Self.waitForSocket(f.paths)
        for _ in 0..<100 where try await Self.rows(f.paths).first(where: { $0.name == "alpha" })?.state != .ready { try await Task.sleep(for: .milliseconds(50)) }
        var after = Dictionary(uniqueKeysWithValues: try await Self.rows(f.paths).map { ($0.name, $0) })
        #expect(after["alpha"]?.state == .ready)
        #expect(after["alpha"]?.pid == pidsBefore["alpha"], "adopted, not restarted")
        #expect(after["gamma"]?.pid == pidsBefore["gamma"])
        #expect(after["beta"]?.state == .lost)
        // Launching an adopted project does not start a duplicate.
        _ = try await Self.vantage(["launch", "alpha", "gamma"], home: f.paths.home)
        #expect(f.processes(named: "alpha") == [pidsBefore["alpha"]!], "still the one adopted process")
        try await Task.sleep(for: .milliseconds(500))
        let adoptedLogs = try await Self.vantage(["logs", "gamma", "-n", "2"], home: f.paths.home)
        #expect(adoptedLogs.output.contains("gamma alive"), "the adopted project's output is still captured")
        let logTail = ProjectLog.tail(ofFile: f.paths.logs + "/gamma.log", lines: 3)
        #expect(logTail.contains { $0.contains("gamma alive") && $0 > (logs.output.split(separator: "\n").last.map(String.init) ?? "") })

        let stop = try await Self.vantage(["stop", "--all"], home: f.paths.home)
        #expect(stop.status == 0, "\(stop.output)")
        after = Dictionary(uniqueKeysWithValues: try await Self.rows(f.paths).map { ($0.name, $0) })
        #expect(after["alpha"]?.state == .stopped)
        #expect(f.processes(named: "alpha").isEmpty && f.processes(named: "gamma").isEmpty)
        #expect(PortProbe.isFree(base))
        kill(daemon, SIGTERM)
        let stopped = daemon
        let status = try await offPool { var status: Int32 = 0; waitpid(stopped, &status, 0); return status }
        #expect(ExitStatus(raw: status).code == 0)
        await f.cleanup()
    }
}
