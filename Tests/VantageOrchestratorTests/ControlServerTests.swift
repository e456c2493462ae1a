import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct ControlServerTests {
    @Test func subscribersReceiveEventsAndRequestsMirrorCommands() async throws {
        let f = Fixture()
        let p = f.project("streamed", command: "echo hello from streamed; sleep 30")
        await f.supervisor.register([p])
        await f.supervisor.start()
        let server = ControlServer(supervisor: f.supervisor, bus: f.bus, socketPath: f.paths.socket)
        try server.start()
        defer { server.stop() }
        let subscriber = try await offPool { try ControlClient.connect(f.paths) }
        #expect(UnixSocket.writeAll(subscriber.fd, ControlCoding.encode(ControlRequest.subscribe)))
        try await Task.sleep(for: .milliseconds(100))
        // A request carrying the app's own Command.
        let paths = f.paths
        #expect(try await offPool { try ControlClient.request(paths, .command(.launch(p.id))) } == .ok(message: nil))
        var states: [RunState] = []
        var sawLog = false
        while !(states.contains(.ready) && sawLog) {
            guard case .event(let e) = try await offPool({ try subscriber.next() }) else { continue }
            if case .stateChanged(let id, _, let to) = e, id == p.id { states.append(to) }
            if case .log(let line) = e, line.text == "hello from streamed" { sawLog = true }
        }
        #expect(states.prefix(3) == [.starting, .running, .ready])
        guard case .status(let rows) = try await offPool({ try ControlClient.request(paths, .ps) }) else { Issue.record("no status"); return }
        let row = try #require(rows.first)
        #expect(row.health == 100 && row.healthReasons == ["no problems seen"])
        // A command for a project nothing here runs, or one its owner cannot do, is refused in the
        // bus's words (as on the console's own bus), not dropped.
        let stranger = ProjectID(f.root + "/projects/stranger")
        #expect(try await offPool { try ControlClient.connect(paths).send(.command(.kill(stranger))) }
            == .error(message: "Cannot kill stranger: nothing in this Vantage runs it (no supervisor, Docker engine or compose launcher has it). If it was moved or renamed, restart Vantage to scan again; `vantage ps` lists what the supervisor runs."))
        #expect(try await offPool { try ControlClient.connect(paths).send(.command(.remove(p.id))) }
            == .error(message: "Cannot remove streamed: the supervisor runs it and has no remove action for it."))
        // Bad input gets an answer, not a crash.
        let raw = try await offPool { try ControlClient.connect(paths) }
        #expect(UnixSocket.writeAll(raw.fd, Data("{not json\n".utf8)))
        if case .error(let message) = try await offPool({ try raw.next() }) { #expect(message.contains("not valid JSON")) } else { Issue.record("expected an error") }
        await f.cleanup()
    }

    @Test func priorityAndRlimitsApplyToTheProcessTree() async throws {
        let f = Fixture()
        let p = f.project("lowly", command: "sleep 30", files: [".vantage.toml": "priority = \"background\"\n[limits]\nnofile = 256\n"])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        let pid = try #require(await f.supervisor.status(of: p.id)?.pid)
        let limits = LinuxCalls.readSmallFile("/proc/\(pid)/limits") ?? ""
        #expect(limits.split(separator: "\n").contains { $0.hasPrefix("Max open files") && $0.contains(" 256 ") })
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(pid)) == 10)
        let out = f.root + "/ionice.txt"
        let fd = open(out, O_WRONLY | O_CREAT, 0o600)
        let check = try ProcessLauncher.spawn(SpawnRequest(command: "ionice -p \(pid)", directory: f.root, environment: ProcessInfo.processInfo.environment, stdoutFD: fd, stderrFD: fd))
        check.open()
        let checkPid = check.pid
        _ = try await offPool { var status: Int32 = 0; return waitpid(checkPid, &status, 0) }
        close(fd)
        #expect((try String(contentsOfFile: out, encoding: .utf8)).contains("idle"))
        await f.cleanup()
    }
}

@Suite(.serialized, .timeLimit(.minutes(2))) struct SupervisorStartTests {
    @Test func aCrashAtStartIsNeverReported() async throws {
        let f = Fixture()
        let p = f.project("flash", command: "exit 1", files: [".vantage.toml": "[restart]\npolicy = \"never\"\n"])
        await f.supervisor.register([p])
        let events = f.bus.events()
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.failed]) == .failed)
        var states: [RunState] = []
        for await e in events {
            if case .stateChanged(_, _, let to) = e { states.append(to); if to == .failed { break } }
        }
        #expect(!states.contains(.ready), "\(states)")
        await f.cleanup()
    }
}
