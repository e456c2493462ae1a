import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// The real daemon and CLI (the `vantage` binary next to the test runner) against hostile or
/// careless use: bad requests, a stopped daemon, a black-hole Docker engine, parallel writers and
/// a passphrase in the environment.
@Suite(.serialized, .timeLimit(.minutes(4))) struct DaemonRobustnessTests {
    static var binary: String { DaemonTests.binary }

    static func requireBinary() throws {
        try #require(FileManager.default.fileExists(atPath: binary), "build the binary first: swift build --product vantage")
    }

    /// `vantage logs NAME -n=-1` killed the daemon (`suffix(-1)`). The CLI refuses it itself; a
    /// client that sends it anyway gets an error answer and the daemon goes on serving.
    @Test func outOfRangeRequestsNeverKillTheDaemon() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        f.project("gamma", files: [".vantage.toml": "command = \"while true; do echo gamma alive; sleep 0.2; done\"\n"])
        let daemon = try DaemonTests.startDaemon(root: f.root + "/projects", home: f.paths.home)
        defer { kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        let cli = try await DaemonTests.vantage(["logs", "gamma", "-n=-1"], home: f.paths.home)
        #expect(cli.status == 64 || cli.status == 2, "\(cli.status) \(cli.output)")
        #expect(cli.output.contains("-n must be between 0 and 1000000, not -1"), "\(cli.output)")
        let paths = f.paths
        for request in [ControlRequest.logs(name: "gamma", lines: -1, follow: false), .logs(name: "gamma", lines: -1, follow: true),
                        .backlog(lines: Int.min), .limit(name: "gamma", limits: ResourceLimits(cpus: -.infinity, pids: -1))] {
            let answer = try await offPool { try ControlClient.connect(paths).send(request) }
            guard case .error = answer else { Issue.record("\(request) got \(answer)"); continue }
        }
        // A 300 MB line without a newline: the connection is closed after the first megabyte.
        let sent = try await offPool { () -> Int in
            let client = try ControlClient.connect(paths)
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
            var total = 0
            while total < 300 << 20, UnixSocket.writeAll(client.fd, chunk) { total += chunk.count }
            return total
        }
        #expect(sent < 64 << 20, "the daemon stopped reading: \(sent) bytes went out")
        #expect(kill(daemon, 0) == 0, "the daemon is alive")
        let ps = try await DaemonTests.vantage(["ps"], home: f.paths.home)
        #expect(ps.status == 0 && ps.output.contains("gamma"), "\(ps.output)")
    }

    /// Traps on ordinary `.vantage.toml` values killed the daemon, and the restarted daemon crash-looped
    /// on the same file while re-adopting the orphan. With three broken projects in the workspace
    /// (a negative port, an infinite timeout, 9,000 nested arrays) the daemon is killed with SIGKILL and
    /// started again: it comes up, stays up, re-adopts the healthy project's process (same pid, not
    /// started twice), and says for each broken one which file, line and field is wrong.
    @Test func aDaemonKilledBesideBrokenProjectsRestartsAndServesTheOthers() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        let root = f.root + "/projects"
        f.project("healthy", files: [".vantage.toml": "command = \"exec python3 -u -c 'import time\\nwhile True: print(\\\"healthy alive\\\"); time.sleep(0.2)'\"\n"])
        f.project("negative-port", files: [".vantage.toml": "command = \"sleep 60\"\nports = [-1]\n"])
        f.project("infinite-timeout", files: [".vantage.toml": "command = \"sleep 60\"\n\n[readiness]\ntype = \"exec\"\ncommand = \"true\"\ntimeout = inf\n"])
        f.project("deep", files: [".vantage.toml": "command = \"sleep 60\"\nx = " + String(repeating: "[", count: 9000) + String(repeating: "]", count: 9000) + "\n"])
        var daemon = try DaemonTests.startDaemon(root: root, home: f.paths.home)
        defer { kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        let launch = try await DaemonTests.vantage(["launch", "healthy"], home: f.paths.home)
        #expect(launch.status == 0, "\(launch.output)")
        var healthyPid: Int32?
        for _ in 0..<200 {
            healthyPid = try await DaemonTests.rows(f.paths).first { $0.name == "healthy" && $0.state.isUp }?.pid
            if healthyPid != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let pid = try #require(healthyPid, "the healthy project came up")
        defer { kill(-pid, SIGKILL) }

        kill(daemon, SIGKILL)
        let crashed = daemon
        _ = try await offPool { var status: Int32 = 0; return waitpid(crashed, &status, 0) }
        #expect(LinuxCalls.isAlive(pid), "a supervised project outlives the daemon")

        daemon = try DaemonTests.startDaemon(root: root, home: f.paths.home)
        try await DaemonTests.waitForSocket(f.paths)
        try await Task.sleep(for: .seconds(2))
        #expect(kill(daemon, 0) == 0, "the restarted daemon is still alive two seconds later")
        let rows = try await DaemonTests.rows(f.paths)
        let healthy = try #require(rows.first { $0.name == "healthy" }, "rows: \(rows.map(\.name))")
        #expect(healthy.pid == pid && healthy.state.isUp, "re-adopted, not restarted: \(healthy.state) pid \(String(describing: healthy.pid)) was \(pid)")
        #expect(f.processes(named: "healthy") == [pid], "not started twice")

        // Each broken project answers with where its file is wrong; the daemon goes on serving.
        for (name, needle) in [("negative-port", ".vantage.toml:2"), ("infinite-timeout", ".vantage.toml:6"), ("deep", ".vantage.toml:2")] {
            let run = try await DaemonTests.vantage(["launch", name, "--wait", "--timeout", "10"], home: f.paths.home)
            #expect(run.status != 0, "\(name): \(run.output)")
            #expect(run.output.contains(needle), "\(name) names the file and line: \(run.output)")
        }
        #expect(kill(daemon, 0) == 0, "the daemon survived three broken launches")
        let logs = try await DaemonTests.vantage(["logs", "healthy", "-n", "3"], home: f.paths.home)
        #expect(logs.status == 0 && logs.output.contains("healthy alive"), "the others are still served: \(logs.output)")
    }

    /// A stopped daemon hung every command for ever. Each request now waits `--timeout` seconds
    /// (10 by default), then says the daemon is stopped and how to resume it.
    @Test func aStoppedDaemonCostsACommandItsTimeoutAndAClearMessage() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        f.project("gamma", files: [".vantage.toml": "command = \"sleep 60\"\n"])
        let daemon = try DaemonTests.startDaemon(root: f.root + "/projects", home: f.paths.home)
        defer { kill(daemon, SIGCONT); kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        kill(daemon, SIGSTOP)
        for args in [["ps", "--timeout", "1.5"], ["stop", "gamma", "--timeout", "1.5"], ["logs", "gamma", "--timeout", "1.5"], ["launch", "gamma", "--timeout", "1.5"]] {
            let start = ContinuousClock.now
            let run = try await DaemonTests.vantage(args, home: f.paths.home, timeoutSeconds: 30)
            let elapsed = ContinuousClock.now - start
            #expect(run.status != 0 && run.status != 124, "\(args): \(run.status) \(run.output)")
            #expect(elapsed < .seconds(12), "\(args) took \(elapsed)")
            #expect(run.output.contains("the Vantage daemon (pid \(daemon)) did not answer within 1.5 s: it is stopped (SIGSTOP or a debugger)"), "\(args): \(run.output)")
            #expect(run.output.contains("kill -CONT \(daemon)"), "\(run.output)")
        }
        let start = ContinuousClock.now
        let byDefault = try await DaemonTests.vantage(["ps"], home: f.paths.home, timeoutSeconds: 30)
        let elapsed = ContinuousClock.now - start
        #expect(byDefault.output.contains("did not answer within 10 s"), "\(byDefault.output)")
        #expect(elapsed >= .seconds(9) && elapsed < .seconds(25), "\(elapsed)")
        kill(daemon, SIGCONT)
        let ps = try await DaemonTests.vantage(["ps"], home: f.paths.home)
        #expect(ps.status == 0 && ps.output.contains("gamma"), "\(ps.output)")
    }

    /// A Docker engine that accepts connections and never answers made `stop`, `logs` and
    /// `launch` of folder projects wait 1.5 s each. They no longer ask the engine at all.
    @Test func aBlackHoleEngineDoesNotDelayFolderProjectCommands() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        f.project("gamma", files: [".vantage.toml": "command = \"while true; do echo gamma alive; sleep 0.2; done\"\n"])
        let hole = try BlackHoleEngine()
        defer { hole.stop() }
        let daemon = try DaemonTests.startDaemon(root: f.root + "/projects", home: f.paths.home)
        defer { kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        let env = ["DOCKER_HOST": "tcp://127.0.0.1:\(hole.port)"]
        for args in [["launch", "gamma"], ["logs", "gamma", "-n", "5"], ["stop", "gamma"], ["launch", "gamma"], ["restart", "gamma"]] {
            let start = ContinuousClock.now
            let run = try await offPool { try ChildProcess.run([Self.binary] + args, directory: f.root,
                                                               environment: ["VANTAGE_HOME": f.paths.home, "PATH": "/usr/bin:/bin"].merging(env) { $1 },
                                                               timeout: 60) }
            let elapsed = ContinuousClock.now - start
            #expect(run.status == 0, "\(args): \(run.output)")
            #expect(elapsed < .milliseconds(1500) || hole.connections == 0, "\(args) took \(elapsed)")
        }
        #expect(hole.connections == 0, "no command asked the engine about a supervised project")
        // A name the supervisor does not know is still looked up on the engine.
        let unknown = try await offPool { try ChildProcess.run([Self.binary, "stop", "no-such"], directory: f.root,
                                                               environment: ["VANTAGE_HOME": f.paths.home, "PATH": "/usr/bin:/bin"].merging(env) { $1 }, timeout: 60) }
        #expect(unknown.status != 0)
        #expect(hole.connections > 0)
    }

    /// 30 parallel `vantage secret set` kept 3–6 secrets and most lost ones printed "stored".
    @Test func fiftyParallelSecretSetsAreAllKept() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        let script = "for i in $(seq 1 50); do printf 'value %s' $i | '\(Self.binary)' secret set api K$i > \(f.root)/set-$i.out 2>&1 & done; wait"
        let run = try await offPool { try ChildProcess.run(["/bin/sh", "-c", script], environment: ["VANTAGE_HOME": f.paths.home, "PATH": "/usr/bin:/bin"], timeout: 120) }
        #expect(run.status == 0)
        let stored = (1...50).filter { ((try? String(contentsOfFile: "\(f.root)/set-\($0).out", encoding: .utf8)) ?? "").contains("stored K\($0) for api") }
        #expect(stored.count == 50, "\(50 - stored.count) writers did not say stored")
        let list = try await DaemonTests.vantage(["secret", "list", "api"], home: f.paths.home)
        #expect(Set(list.output.split(separator: "\n").map(String.init)) == Set((1...50).map { "development\tK\($0)" }), "\(list.output)")
        let get = try await DaemonTests.vantage(["secret", "get", "api", "K37"], home: f.paths.home)
        #expect(get.output == "value 37\n")
        for file in ["", "/secrets.json", "/master.key"] {
            var st = stat()
            #expect(stat(f.paths.home + file, &st) == 0 && st.st_mode & 0o077 == 0, "\(file.isEmpty ? "VANTAGE_HOME" : file) is private: \(String(st.st_mode & 0o777, radix: 8))")
        }
    }

    /// The passphrase stayed in `/proc/<daemon>/environ`, readable by the supervised projects
    /// (`unsetenv` does not touch the kernel's copy). Also: the home is 0700, its files 0600.
    @Test func thePassphraseLeavesTheDaemonsEnvironmentAndTheHomeIsPrivate() async throws {
        try Self.requireBinary()
        let f = Fixture()
        defer { f.removeFiles() }
        let passphrase = "correct horse \(UUID().uuidString.prefix(8))"
        let seal = try await DaemonTests.vantage(["secret", "passphrase", "set"], home: f.paths.home, stdin: passphrase + "\n")
        #expect(seal.status == 0, "\(seal.output)")
        f.project("gamma", files: [".vantage.toml": "command = \"sleep 60\"\n"])
        let log = open(f.root + "/daemon.log", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let p = try ProcessLauncher.spawn(SpawnRequest(command: "exec '\(Self.binary)' daemon --root '\(f.root)/projects'", directory: f.root,
                                                       environment: ["VANTAGE_HOME": f.paths.home, "PATH": "/usr/bin:/bin", "VANTAGE_PASSPHRASE": passphrase],
                                                       stdoutFD: log, stderrFD: log))
        close(log)
        p.open()
        let daemon = p.pid
        defer { kill(daemon, SIGKILL) }
        try await DaemonTests.waitForSocket(f.paths)
        let launch = try await DaemonTests.vantage(["launch", "gamma"], home: f.paths.home)
        #expect(launch.status == 0, "\(launch.output)")
        let child = try #require(try await DaemonTests.rows(f.paths).first?.pid)
        for pid in [daemon, child] {
            let environ = String(decoding: FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data(), as: UTF8.self)
            #expect(!environ.isEmpty)
            #expect(!environ.contains(passphrase), "pid \(pid) still shows the passphrase")
            #expect(!environ.contains("VANTAGE_PASSPHRASE="), "pid \(pid)")
        }
        var st = stat()
        #expect(stat(f.paths.home, &st) == 0 && st.st_mode & 0o777 == 0o700)
        for file in ["vantage.sqlite", "vantage.sqlite-wal", "supervisor-state.json", "master.key", "logs/gamma.log"] {
            if stat(f.paths.home + "/" + file, &st) == 0 { #expect(st.st_mode & 0o077 == 0, "\(file): \(String(st.st_mode & 0o777, radix: 8))") }
        }
        #expect(stat(f.paths.home + "/supervisor-state.json", &st) == 0, "the state file exists")
    }
}

/// A TCP listener that accepts every connection and never answers (a frozen Docker engine).
final class BlackHoleEngine: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 64) == 0 else { throw VantageError(.io, "cannot listen on 127.0.0.1") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        fd = listener
        start()
    }

    private func start() {
        let listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                lock.lock(); accepted.append(client); lock.unlock()
            }
        }
    }

    var connections: Int { lock.lock(); defer { lock.unlock() }; return accepted.count }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        lock.lock(); accepted.forEach { close($0) }; lock.unlock()
    }
}
