import Foundation
import Testing
@testable import VantageProbes
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The process view's tree (issue 12 §7): a real parent with children and a grandchild, started in
/// a project's folder, read from the real /proc by the monitor's sampler and laid out parents first.
@Suite(.serialized) struct ProcessTreeTests {
    /// `sh` → `sleep 61`, and `sh` → `sh -c` → `sleep 62` (the `; :` keeps the inner shell from
    /// exec'ing its last command, so it stays a process of its own).
    static func family(in folder: TemporaryFolder) throws -> SpawnedProcess {
        try SpawnedProcess.shell("cd '\(folder.path)' || exit 1; sleep 61 & sh -c 'sleep 62; :' & wait")
    }

    @Test func theSamplerLaysOutAProjectsProcessesParentsFirstWithTheirFigures() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = Project(name: "family", path: folder.path, kinds: [.command])
        let other = try TemporaryFolder()
        defer { other.remove() }
        let sampler = MonitorSampler(projects: [project, Project(name: "other", path: other.path, kinds: [.command])])
        let parent = try Self.family(in: folder)
        defer { parent.kill() }
        #expect(await eventually { (try? sampler.project().processCount) == 4 }, "sh, sleep, sh -c, sleep")

        let tree = sampler.processTree(of: project.id, at: Date())
        #expect(tree.project == project.id)
        try #require(tree.rows.count == 4, "\(tree.rows)")
        let top = tree.rows[0]
        #expect(top.pid == parent.pid && top.depth == 0 && top.ppid != parent.pid)
        #expect(top.command.hasPrefix("/bin/sh -c cd "), "\(top.command)")
        let children = tree.rows.filter { $0.ppid == parent.pid }
        #expect(children.count == 2 && children.allSatisfy { $0.depth == 1 })
        #expect(children.map(\.command).sorted() == ["sh -c sleep 62; :", "sleep 61"], "\(children.map(\.command))")
        let inner = try #require(children.first { $0.command.hasPrefix("sh -c") })
        let grandchild = try #require(tree.rows.first { $0.ppid == inner.pid })
        #expect(grandchild.depth == 2 && grandchild.command == "sleep 62")
        // Parents before children: each row's parent is the top or an earlier row.
        for (i, row) in tree.rows.enumerated() where row.depth > 0 {
            #expect(tree.rows.prefix(i).contains { $0.pid == row.ppid }, "\(row.pid) listed before its parent")
        }
        // Figures as the kernel has them: resident memory, one thread each, started moments ago.
        for row in tree.rows {
            #expect(row.rssBytes > 0 && row.threads == 1 && row.state == "S", "\(row)")
            let age = try #require(row.uptimeSeconds)
            #expect(age >= 0 && age < 120, "\(row.pid) is \(age) s old")
        }
        // Another project's tree holds none of them.
        #expect(sampler.processTree(of: ProjectID(other.path), at: Date()).rows.isEmpty)

        parent.kill()
        #expect(await eventually { (try? sampler.project().processCount) == 0 })
        #expect(sampler.processTree(of: project.id, at: Date()).rows.isEmpty)
    }

    /// `Command.listProcesses` on the bus is answered by the Monitor actor with `Event.processes`.
    @Test func theMonitorAnswersListProcessesOnTheBus() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = Project(name: "family", path: folder.path, kinds: [.command])
        let parent = try Self.family(in: folder)
        defer { parent.kill() }
        let bus = Bus()
        let trees = bus.events([.processes])
        let monitor = Monitor(bus: bus, clock: SystemClock(), projects: [project], interval: .milliseconds(200))
        let running = Task { await monitor.run() }
        defer { bus.send(.shutdown); running.cancel() }
        // Once the monitor listens, the command is delivered (before, nobody handles it).
        #expect(await eventually { bus.send(.listProcesses(project.id), announce: false) == .delivered(to: 1) })
        var answer: ProcessTree?
        for await event in trees {
            guard case .processes(let tree) = event else { continue }
            if tree.rows.count == 4 { answer = tree; break }
            try await Task.sleep(for: .milliseconds(100))
            bus.send(.listProcesses(project.id))
        }
        let tree = try #require(answer)
        #expect(tree.rows.first?.pid == parent.pid)
        #expect(tree.rows.map(\.depth) == [0, 1, 1, 2] || tree.rows.map(\.depth) == [0, 1, 2, 1], "\(tree.rows.map(\.depth))")
    }

    /// The builder on a table made by hand: a process whose parent is outside the project is a top,
    /// children are ordered by pid, and a process listed as its own parent does not loop.
    @Test func theBuilderOrdersByPidAndStopsAtTheTable() {
        func reading(_ pid: Int32, _ ppid: Int32, _ comm: String) -> ProcessReading {
            ProcessReading(pid: pid, ppid: ppid, pgid: pid, sid: pid, state: UInt8(ascii: "S"), comm: comm, cpuTicks: 0,
                           startTicks: 100, threads: 2, rssBytes: 4096)
        }
        let table = ProcessTable(processes: [1: reading(1, 0, "init"), 10: reading(10, 1, "npm"), 30: reading(30, 10, "node b"),
                                             20: reading(20, 10, "node a"), 40: reading(40, 20, "esbuild"), 50: reading(50, 50, "self")],
                                 monotonicSeconds: 0, uptimeSeconds: 11)
        let rows = ProcessTreeBuilder.rows(members: [10, 20, 30, 40, 50], table: table, rates: [20: ProcessRate(cpuPercent: 12.5)],
                                           ticksPerSecond: 100, commandLine: { $0 == 10 ? ["npm", "start"] : [] })
        #expect(rows.map(\.pid) == [10, 20, 40, 30, 50])
        #expect(rows.map(\.depth) == [0, 1, 2, 1, 0])
        #expect(rows.map(\.command) == ["npm start", "node a", "esbuild", "node b", "self"])
        #expect(rows.first { $0.pid == 20 }?.cpuPercent == 12.5)
        #expect(rows.allSatisfy { $0.uptimeSeconds == 10 })
    }
}
