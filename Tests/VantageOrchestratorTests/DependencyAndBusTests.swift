import Foundation
import Testing
import VantageCore
import VantageProbes
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct DependencyAndBusTests {
    @Test func dependenciesStartFirstAndAreWaitedFor() async throws {
        let f = Fixture()
        let base = randomPortBase()
        let db = f.project("db", command: "sleep 0.5; exec python3 -m http.server $PORT --bind 127.0.0.1", ports: [base + 2])
        let migrate = f.project("migrate", command: "sleep 0.2; echo migrated > done.txt", files: [
            ".vantage.toml": "[restart]\npolicy = \"on-failure\"\n",
        ])
        let api = f.project("api", command: "cat ../migrate/done.txt; sleep 30", files: [
            ".vantage.toml": "depends_on = [\"db:healthy\", \"migrate:completed\"]\n",
        ])
        await f.supervisor.register([db, migrate, api])
        let events = f.bus.events()
        try await f.supervisor.launch(api.id)
        // When api starts, db is ready and migrate has finished.
        var order: [String] = []
        for await e in events {
            guard case .stateChanged(let id, _, let to) = e else { continue }
            let name = URL(fileURLWithPath: id.rawValue).lastPathComponent
            order.append("\(name):\(to.rawValue)")
            if name == "api" && to == .starting { break }
        }
        let apiStart = order.firstIndex(of: "api:starting")!
        #expect(order.firstIndex(of: "db:ready")! < apiStart, "\(order)")
        #expect(order.firstIndex(of: "migrate:stopped")! < apiStart, "\(order)")
        try await Task.sleep(for: .milliseconds(300))
        let log = ProjectLog.tail(ofFile: f.paths.logs + "/api.log", lines: 20)
        #expect(log.contains { $0.hasSuffix("out migrated") })
        await f.cleanup()
    }

    @Test func unknownDependencyAndUnknownNameListKnownProjects() async throws {
        let f = Fixture()
        let a = f.project("web", command: "sleep 30", files: [".vantage.toml": "depends_on = [\"nosuch\"]\n"])
        await f.supervisor.register([a])
        await #expect { try await f.supervisor.launch(a.id) } throws: { e in
            (e as? VantageError)?.hint == "known projects: web"
        }
        await #expect { try await f.supervisor.resolve("nope") } throws: { e in
            (e as? VantageError)?.hint == "known projects: web"
        }
        await f.cleanup()
    }

    @Test func busCommandsLaunchAndStop() async throws {
        let f = Fixture()
        let p = f.project("viabus", command: "sleep 30")
        await f.supervisor.register([p])
        await f.supervisor.start()
        f.bus.send(.launch(p.id))
        #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(10)) == .ready)
        f.bus.send(.stop(p.id))
        #expect(await f.supervisor.waitFor(p.id, [.stopped], timeout: .seconds(10)) == .stopped)
        #expect(f.processes(named: "viabus").isEmpty)
        await f.cleanup()
    }

    /// The supervisor owns the commands of the projects it registered, from `start` on; a command
    /// for another project, or one it cannot carry out, is answered with an error on the bus.
    @Test func commandsTheSupervisorDoesNotOwnAreAnswered() async throws {
        let f = Fixture()
        let p = f.project("owned", command: "sleep 30")
        let stranger = ProjectID(f.root + "/projects/stranger")
        await f.supervisor.register([p])
        guard case .unowned = f.bus.send(.launch(p.id)) else { Issue.record("not started: nobody owns it yet"); return }
        await f.supervisor.start()
        let diagnostics = f.bus.events([.diagnostic])
        #expect(f.bus.send(.launch(p.id)) == .delivered(to: 1))
        #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(10)) == .ready)
        guard case .unowned(let why) = f.bus.send(.kill(stranger)) else { Issue.record("stranger must be unowned"); return }
        #expect(why.hasPrefix("Cannot kill stranger: nothing in this Vantage runs it"))
        #expect(f.bus.send(.remove(p.id)) == .unowned("Cannot remove owned: the supervisor runs it and has no remove action for it."))
        var shown: [String] = []
        for await case .diagnostic(let d) in diagnostics {
            shown.append(d.message)
            if shown.count == 2 { break }
        }
        #expect(shown.first == why)
        // A project registered after `start` is owned at once.
        let late = f.project("late", command: "sleep 30")
        await f.supervisor.register([late])
        #expect(f.bus.send(.launch(late.id)) == .delivered(to: 1))
        #expect(await f.supervisor.waitFor(late.id, [.ready], timeout: .seconds(10)) == .ready)
        await f.supervisor.shutdown()
        guard case .unowned = f.bus.send(.stop(p.id)) else { Issue.record("a stopped supervisor owns nothing"); return }
        await f.cleanup()
    }

    @Test func withoutCgroupsTheMarkerStillFindsASetsidGrandchild() async throws {
        var options = Fixture.fastOptions()
        options.useCgroups = false
        options.stopTimeout = 0.5
        let f = Fixture(options: options)
        let p = f.project("nocg", command: "setsid sh -c 'trap \"\" TERM; while :; do sleep 0.1; done' & sleep 30")
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        try await Task.sleep(for: .milliseconds(300))
        let before = f.processes(named: "nocg")
        #expect(Set(before.compactMap { ProcessLookup.stat($0)?.sid }).count >= 2, "one process left the session")
        try await f.supervisor.stop(p.id)
        #expect(f.processes(named: "nocg").isEmpty)
        await f.cleanup()
    }

    @Test func logFilesRotateBySize() throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let log = ProjectLog(directory: f.paths.logs, name: "rot", project: ProjectID("/x"), bus: nil, clock: SystemClock(), maxBytes: 2000, keptFiles: 2)
        for i in 0..<100 { log.append("line \(i) " + String(repeating: "x", count: 40), stream: .stdout) }
        log.close()
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: log.path + ".1"))
        #expect(fm.fileExists(atPath: log.path + ".2"))
        #expect(!fm.fileExists(atPath: log.path + ".3"))
        let size = (try fm.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        #expect(size <= 2000)
        #expect(ProjectLog.tail(ofFile: log.path, lines: 1).first?.contains("line 99 ") == true)
    }
}

@Suite(.serialized, .timeLimit(.minutes(2))) struct AdoptionTests {
    /// A second supervisor on the same home (the first one "crashed") adopts from the records, and
    /// from the cgroup alone when the records are gone; it never starts a duplicate.
    @Test func adoptsFromRecordsOrFromTheCgroupAlone() async throws {
        try #require(CgroupVersion.detect() != nil, "needs a writable cgroup")
        let first = Fixture()
        let port = randomPortBase() + 9
        let p = first.project("keeper", command: pythonServer, ports: [port])
        await first.supervisor.register([p])
        try await first.supervisor.launch(p.id)
        #expect(await first.supervisor.waitFor(p.id, [.ready]) == .ready)
        let pid = try #require(await first.supervisor.status(of: p.id)?.pid)

        for removeRecords in [false, true] {
            if removeRecords { try FileManager.default.removeItem(atPath: SupervisorRecords.path(first.paths)) }
            let second = Supervisor(paths: first.paths, bus: Bus(), clock: SystemClock(), options: Fixture.fastOptions())
            await second.register([p])
            let result = await second.adoptFromRecords()
            #expect(result.adopted == ["keeper"], "records removed: \(removeRecords)")
            #expect(await second.waitFor(p.id, [.ready]) == .ready)
            let row = try #require(await second.status(of: p.id))
            #expect(row.pid == pid)
            #expect(row.ports == [port])
            try await second.launch(p.id)
            #expect(first.processes(named: "keeper") == [pid], "no duplicate")
            await second.shutdown(stopProjects: false)
        }
        await first.cleanup()
        #expect(PortProbe.isFree(port))
    }
}
