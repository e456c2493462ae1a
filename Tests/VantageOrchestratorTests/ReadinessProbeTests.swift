import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// A server that dies on any socket error, as the rust-cli example did (`?` on every write): it
/// reads the request line (or the end of the stream), then writes its reply in three pieces.
/// A probe that hangs up early, or resets the connection, makes one of the writes fail and the
/// server exit 1 with "broken pipe" or "reset".
let fragileServer = #"""
python3 -c '
import socket, sys, time, os
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(os.environ["PORT"]))); s.listen(16)
print("listening", flush=True)
while True:
    c, _ = s.accept()
    c.makefile("rb").readline()
    try:
        for part in (b"HTTP/1.1 200 OK\r\n", b"content-length: 3\r\nconnection: close\r\n\r\n", b"ok\n"):
            c.sendall(part); time.sleep(0.02)
        c.close()
    except OSError as e:
        print("fatal:", e, flush=True); sys.exit(1)
'
"""#

@Suite(.serialized, .timeLimit(.minutes(2))) struct ReadinessProbeTests {
    @Test func tcpAndHTTPProbesNeverBreakAServerThatDiesOnASocketError() async throws {
        let f = Fixture()
        let port = randomPortBase() + 3
        let p = f.project("fragile", command: fragileServer, ports: [port])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready, .failed], timeout: .seconds(20)) == .ready)
        for _ in 0..<5 {
            #expect(PortProbe.accepts(port))
            #expect(HTTPProbe.get(port: port, path: "/") == .status(200))
        }
        try await Task.sleep(for: .milliseconds(300))
        let status = try #require(await f.supervisor.status(of: p.id))
        #expect(status.state == .ready && status.restarts == 0, "the server survived every probe: \(status.state), \(status.restarts) restarts")
        let log = await f.supervisor.log(of: p.id)?.lastLines(50).map(\.text) ?? []
        #expect(!log.contains { $0.hasPrefix("fatal:") }, "\(log)")
        await f.cleanup()
    }

    @Test func httpProbeReadsTheWholeReplyAndReportsTheStatus() async throws {
        let f = Fixture()
        let port = randomPortBase() + 4
        // 404 on /missing, a 200 with a 200 KB body on /: the probe reads all of it before it closes.
        let server = """
        python3 -c '
        import http.server, os
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b"x" * 200000
                self.send_response(200 if self.path == "/" else 404)
                self.send_header("content-length", str(len(body))); self.end_headers(); self.wfile.write(body)
        http.server.HTTPServer(("127.0.0.1", int(os.environ["PORT"])), H).serve_forever()
        '
        """
        let p = f.project("big-reply", command: server, ports: [port], files: [".vantage.toml": "[readiness]\npath = \"/\"\n"])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready, .failed], timeout: .seconds(20)) == .ready)
        #expect(HTTPProbe.get(port: port, path: "/") == .status(200))
        #expect(HTTPProbe.get(port: port, path: "/missing") == .status(404))
        #expect(HTTPProbe.get(port: port + 1, path: "/") == .noAnswer("nothing accepts connections"))
        await f.cleanup()
    }

    @Test func aProcfileWebProcessGetsTheProjectsPortAndIsProbedOnIt() async throws {
        let f = Fixture()
        let port = randomPortBase() + 5
        let p = f.project("procfile-web", kinds: [.procfile], ports: [port], files: [
            "Procfile": "web: python3 -m http.server $PORT --bind 127.0.0.1\nworker: while true; do echo working; sleep 1; done\n",
        ])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready, .failed], timeout: .seconds(20)) == .ready)
        let status = try #require(await f.supervisor.status(of: p.id))
        #expect(status.ports == [port])
        #expect(status.processes.map(\.name) == ["web", "worker"])
        #expect(status.processes.first { $0.name == "web" }?.port == port)
        #expect(status.processes.first { $0.name == "worker" }?.port == nil)
        await f.cleanup()
    }

    @Test func aReassignedPortNeverTakesAPortAnotherProjectDeclares() async throws {
        let f = Fixture()
        let base = randomPortBase()
        let blocker = try TestListener(port: base)
        defer { blocker.close() }
        let web = f.project("web", command: pythonServer, ports: [base])
        let next = f.project("next", command: pythonServer, ports: [base + 1])
        let compose = Project(name: "stack", path: f.root + "/projects/stack", kinds: [.compose], ports: [base + 2])
        await f.supervisor.register([web, next])
        await f.supervisor.declarePorts(of: [compose])
        try await f.supervisor.launch(web.id)
        #expect(await f.supervisor.waitFor(web.id, [.ready, .failed], timeout: .seconds(20)) == .ready)
        let moved = try #require(await f.supervisor.status(of: web.id))
        #expect(moved.ports == [base + 3], "skips \(base + 1) (next declares it) and \(base + 2) (stack declares it): \(moved.ports)")
        #expect(moved.decisions.contains { $0.contains("\(base) busy") && $0.contains("assigned \(base + 3)") })
        let env = try await f.supervisor.resolvedEnvironment(web.id)
        #expect(env.first { $0.key == "PORT" }?.value == String(base + 3))
        await f.cleanup()
    }

    @Test func allocatorSkipsDeclaredPortsButKeepsTheProjectsOwn() {
        var allocator = PortAllocator()
        let busy: Set<Int> = [5000]
        let a = allocator.assign(preferred: 5000, to: "a", avoiding: [5000, 5001, 5002], isFree: { !busy.contains($0) })
        #expect(a?.assigned == 5003)
        let b = allocator.assign(preferred: 5001, to: "b", avoiding: [5001], isFree: { !busy.contains($0) })
        #expect(b?.assigned == 5001, "a project's own declared port is its to take")
    }

    @Test func aCatastrophicPatternIsStoppedByItsBudgetAndReportedAsAConfigurationProblem() async throws {
        let pattern = try ReadinessPattern("^(a+)+$")
        let start = ContinuousClock.now
        let outcome = await pattern.firstMatch(in: [String(repeating: "a", count: 40) + "b"])
        #expect(outcome == .overBudget(line: String(repeating: "a", count: 40) + "b"))
        #expect(ContinuousClock.now - start < .seconds(2), "stopped near its \(ReadinessPattern.budgetMillis) ms budget")
        #expect(await pattern.firstMatch(in: ["aaaa"]) == .matched)
        #expect(await (try ReadinessPattern("listening on .*:(\\d+)")).firstMatch(in: ["x", "listening on http://127.0.0.1:80"]) == .matched)

        let f = Fixture()
        let line = String(repeating: "a", count: 40) + "b"
        let p = f.project("regex", command: "echo \(line); sleep 30", files: [".vantage.toml": "[readiness]\npattern = \"^(a+)+$\"\n"])
        await f.supervisor.register([p])
        let diagnostics = f.bus.events()
        try await f.supervisor.launch(p.id)
        var reported: Diagnostic?
        for await case .diagnostic(let d) in diagnostics where d.project == p.id && d.severity == .error {
            reported = d
            break
        }
        let message = try #require(reported?.message)
        #expect(message.contains("^(a+)+$") && message.contains("100 ms") && message.contains(".vantage.toml"), "\(message)")
        let stopStart = ContinuousClock.now
        try await f.supervisor.stop(p.id)
        #expect(ContinuousClock.now - stopStart < .seconds(5))
        await f.cleanup()
    }

    @Test func aCancelledMatchStopsAtOnce() async throws {
        let pattern = try ReadinessPattern("^(a+)+$")
        let task = Task { await pattern.firstMatch(in: [String(repeating: "a", count: 40) + "b"], budgetMillis: 60_000) }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        task.cancel()
        #expect(await task.value == .noMatch)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}

@Suite struct PortsInUseEventTests {
    @Test func theSupervisorTellsEveryViewThePortInUse() async throws {
        let f = Fixture()
        let base = randomPortBase() + 6
        let blocker = try TestListener(port: base)
        defer { blocker.close() }
        let p = f.project("moved", command: pythonServer, ports: [base])
        await f.supervisor.register([p])
        let events = f.bus.events()
        try await f.supervisor.launch(p.id)
        var announced: [Int]?
        for await case let .portsInUse(project, ports) in events where project == p.id { announced = ports; break }
        #expect(announced == [base + 1])
        await f.cleanup()
    }
}
