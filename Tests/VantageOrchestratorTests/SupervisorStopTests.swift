import Foundation
import Testing
import VantageCore
import VantageProbes
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct SupervisorStopTests {
    /// A server forks a grandchild that calls setsid and keeps the listening socket (and ignores
    /// SIGTERM). After stop, nothing of the project is left and the port is free.
    @Test func setsidGrandchildHoldingThePortIsKilled() async throws {
        var options = Fixture.fastOptions()
        options.stopTimeout = 1
        let f = Fixture(options: options)
        let port = randomPortBase() + 3
        let server = """
        import os, signal, socket, time
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", int(os.environ["PORT"])))
        s.listen(8)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                print("grandchild", os.getpid(), "session", os.getsid(0), flush=True)
                while True:
                    c, _ = s.accept(); c.close()
            os._exit(0)
        print("server ready", flush=True)
        while True:
            c, _ = s.accept(); c.close()
        """
        let p = f.project("forker", kinds: [.python], command: "python3 server.py", ports: [port], files: ["server.py": server])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(15)) == .ready)
        try await Task.sleep(for: .milliseconds(300))
        let before = f.processes(named: "forker")
        #expect(before.count >= 2, "server and setsid grandchild run: \(before)")
        let sessions = Set(before.compactMap { ProcessLookup.stat($0)?.sid })
        #expect(sessions.count >= 2, "the grandchild left the project's session")

        try await f.supervisor.stop(p.id)
        #expect(f.processes(named: "forker").isEmpty)
        for pid in before { #expect(!LinuxCalls.isAlive(pid) || ProcessLookup.isZombie(pid)) }
        #expect(PortProbe.isFree(port))
        #expect(await f.supervisor.status(of: p.id)?.state == .stopped)
        await f.cleanup()
    }

    @Test func concurrentLaunchAndStopAreSerialised() async throws {
        let f = Fixture()
        let p = f.project("flip", command: "while true; do sleep 0.1; done")
        await f.supervisor.register([p])
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<10 {
                group.addTask {
                    if i % 2 == 0 { try? await f.supervisor.launch(p.id) } else { try? await f.supervisor.stop(p.id) }
                }
            }
        }
        try await f.supervisor.launch(p.id)
        try await f.supervisor.launch(p.id) // already up: no second copy
        try await Task.sleep(for: .milliseconds(200))
        let running = f.processes(named: "flip")
        #expect(running.count == 1 || running.count == 2, "one sh (and maybe its sleep): \(running)")
        let groups = Set(running.compactMap { ProcessLookup.stat($0)?.pgid })
        #expect(groups.count == 1, "exactly one copy of the project runs")
        try await f.supervisor.stop(p.id)
        #expect(f.processes(named: "flip").isEmpty)
        await f.cleanup()
    }

    /// `P` freezes the project where it is (its counter stops), `P` again lets it continue; `K`
    /// ends it at once with SIGKILL although it ignores SIGTERM and its stop timeout is long.
    @Test func pauseFreezesResumeContinuesAndKillIsImmediate() async throws {
        var options = Fixture.fastOptions()
        options.stopTimeout = 30
        let f = Fixture(options: options)
        let p = f.project("ticker", command: "trap '' TERM; i=0; while :; do i=$((i+1)); echo $i > count.tmp; mv count.tmp count; sleep 0.05; done")
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        let running = await f.supervisor.waitFor(p.id, [.running, .ready], timeout: .seconds(10))
        #expect(running == .running || running == .ready)
        func count() -> Int {
            Int((try? String(contentsOfFile: p.path + "/count", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        }
        try await Task.sleep(for: .milliseconds(400))
        #expect(count() > 0)

        try await f.supervisor.setPaused(p.id, true)
        #expect(await f.supervisor.status(of: p.id)?.state == .paused)
        try await Task.sleep(for: .milliseconds(200))
        let frozen = count()
        try await Task.sleep(for: .milliseconds(600))
        #expect(count() == frozen, "nothing runs while paused")

        try await f.supervisor.setPaused(p.id, false)
        #expect(await f.supervisor.status(of: p.id)?.state == running)
        try await Task.sleep(for: .milliseconds(600))
        #expect(count() > frozen, "it continues where it stopped")

        let started = ContinuousClock.now
        try await f.supervisor.killNow(p.id)
        #expect(ContinuousClock.now - started < .seconds(5), "no 30 s grace period")
        #expect(f.processes(named: "ticker").isEmpty)
        #expect(await f.supervisor.status(of: p.id)?.state == .stopped)
        await f.cleanup()
    }
}
