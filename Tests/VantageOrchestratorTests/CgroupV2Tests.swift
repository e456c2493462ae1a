import Foundation
import Testing
import VantageCore
import VantageProbes
@testable import VantageOrchestrator

/// The cgroup v2 code, on a cgroup2 hierarchy mounted for the test (this machine's /sys/fs/cgroup
/// is v1). Its controllers (memory, cpu, pids) are held by v1, so what runs here is what needs
/// none: creating groups, moving processes in, listing them, cgroup.events, cgroup.kill, removal.
enum CgroupV2Mount {
    static let path = NSTemporaryDirectory() + "vantage-cgroup2"

    /// A writable cgroup2 mount at `path` (mounted now if it is not yet), or nil.
    static let root: String? = {
        let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
        if mounts.split(separator: "\n").contains(where: { $0.split(separator: " ").count > 2 && $0.split(separator: " ")[1] == path && $0.split(separator: " ")[2] == "cgroup2" }) {
            return path
        }
        mkdir(path, 0o755)
        guard mount("none", path, "cgroup2", 0, nil) == 0, access(path + "/cgroup.procs", W_OK) == 0 else { return nil }
        return path
    }()
}

@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: CgroupV2Mount.root != nil, "needs root and a kernel that mounts cgroup2"))
struct CgroupV2Tests {
    func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func groupTracksAProcessTreeAndCgroupKillEmptiesIt() async throws {
        let root = try #require(CgroupV2Mount.root)
        #expect(CgroupVersion.detect(root: root) == .v2)
        let name = "test-\(UUID().uuidString.prefix(8))"
        let cg = try #require(ProjectCgroup.create(name: name, root: root))
        #expect(cg.version == .v2 && cg.directories["unified"] == "\(root)/vantage/\(name)")
        #expect(ProjectCgroup.existing(name: name, root: root) == cg)
        #expect(cg.isPopulated == false && cg.pids().isEmpty)

        // A shell with a child, and a grandchild in a session of its own that ignores SIGTERM: all
        // of them are in the group, because the gated parent was moved in before it ran anything.
        let devnull = open("/dev/null", O_WRONLY)
        defer { close(devnull) }
        let gated = try ProcessLauncher.spawn(SpawnRequest(
            command: "sleep 300 & setsid sh -c 'trap \"\" TERM; sleep 300' & wait", directory: "/tmp",
            environment: ["PATH": "/usr/bin:/bin"], stdoutFD: devnull, stderrFD: devnull))
        #expect(cg.add(gated.pid))
        gated.open()
        try await waitUntil { cg.pids().count >= 4 }
        let members = cg.pids()
        #expect(members.count >= 4, "sh, sleep, setsid sh, its sleep: \(members)")
        #expect(members.contains(gated.pid))
        #expect(cg.isPopulated == true)
        #expect(Set(members.compactMap { ProcessLookup.stat($0)?.sid }).count >= 2, "one escaped into its own session")

        // cgroup.kill (kernel 5.14+) kills every member at once.
        #expect(access("\(root)/vantage/\(name)/cgroup.kill", W_OK) == 0)
        cg.killAll()
        var status: Int32 = 0
        waitpid(gated.pid, &status, 0)
        try await waitUntil { cg.isPopulated == false }
        #expect(cg.isPopulated == false)
        #expect(cg.pids().isEmpty)
        for pid in members where pid != gated.pid { #expect(!LinuxCalls.isAlive(pid) || ProcessLookup.isZombie(pid)) }
        cg.remove()
        #expect(access("\(root)/vantage/\(name)", F_OK) != 0, "the empty group is removed")
        #expect(ProjectCgroup.existing(name: name, root: root) == nil)
    }

    @Test func freezeStopsAndResumesTheGroup() async throws {
        let root = try #require(CgroupV2Mount.root)
        let cg = try #require(ProjectCgroup.create(name: "freeze-\(UUID().uuidString.prefix(8))", root: root))
        let devnull = open("/dev/null", O_WRONLY)
        defer { close(devnull) }
        let gated = try ProcessLauncher.spawn(SpawnRequest(command: "while :; do :; done", directory: "/tmp",
                                                           environment: ["PATH": "/usr/bin:/bin"], stdoutFD: devnull, stderrFD: devnull))
        cg.add(gated.pid)
        gated.open()
        // cpu.stat's usage_usec is kept without the cpu controller: the monitor's CPU figure works.
        try await Task.sleep(for: .milliseconds(200))
        let used = try #require(cg.cpuNanoseconds())
        #expect(used > 10_000_000, "a busy loop used more than 10 ms of CPU in 200 ms: \(used) ns")
        #expect(cg.freeze(true))
        try await waitUntil { (LinuxCalls.readSmallFile("\(cg.directories["unified"]!)/cgroup.events") ?? "").contains("frozen 1") }
        let ticks = { ProcessLookup.stat(gated.pid)?.cpuTicks ?? 0 }
        let t0 = ticks()
        try await Task.sleep(for: .milliseconds(300))
        #expect(ticks() == t0, "a frozen busy loop uses no CPU")
        #expect(cg.freeze(false))
        cg.killAll()
        var status: Int32 = 0
        waitpid(gated.pid, &status, 0)
        try await waitUntil { cg.isPopulated == false }
        cg.remove()
    }

    /// The supervisor pointed at the v2 hierarchy: the project's processes go into its v2 group,
    /// and stop leaves nothing behind (a setsid grandchild that ignores SIGTERM included).
    @Test func supervisorStopsEverythingThroughAV2Group() async throws {
        let root = try #require(CgroupV2Mount.root)
        var options = Fixture.fastOptions()
        options.stopTimeout = 0.5
        options.cgroupRoot = root
        let f = Fixture(options: options)
        let p = f.project("v2proj", command: "setsid sh -c 'trap \"\" TERM; while :; do sleep 1; done' & while :; do sleep 1; done")
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.ready], timeout: .seconds(15)) == .ready)
        let group = try #require(ProjectCgroup.existing(name: ProjectFileName.cgroupName(p, home: f.paths.home), root: root))
        #expect(group.version == .v2)
        try await waitUntil { group.pids().count >= 3 }
        let members = group.pids()
        #expect(members.count >= 3, "sh, the setsid sh and a sleep: \(members)")
        try await f.supervisor.stop(p.id)
        #expect(group.pids().isEmpty)
        #expect(ProjectCgroup.existing(name: ProjectFileName.cgroupName(p, home: f.paths.home), root: root) == nil,
                "the emptied group was removed on stop")
        for pid in members { #expect(!LinuxCalls.isAlive(pid) || ProcessLookup.isZombie(pid)) }
        #expect(await f.supervisor.status(of: p.id)?.state == .stopped)
        await f.cleanup()
        group.remove()
    }
}
