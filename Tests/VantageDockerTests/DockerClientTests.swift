import Foundation
import Testing
@testable import VantageDocker
import VantageCore

extension DockerTests {
@Suite(.serialized) final class DockerClientTests {
    deinit { TestEngine.removeCreated() }

    @Test func negotiatesTheEnginesVersionAndANewerOneIsRefused() async throws {
        let client = try await TestEngine.client()
        #expect(client.apiVersion == "1.41", "the engine here speaks 1.41; the client settles on it")
        _ = try await client.listContainers()
        let pinned = try DockerClient.pinned(TestEngine.endpoint, apiVersion: "1.45")
        await #expect {
            _ = try await pinned.listContainers()
        } throws: { error in
            (error as? VantageError)?.message.contains("too new") == true
        }
    }

    @Test func lifecycleListInspectStartStopRestartPauseRemove() async throws {
        let client = try await TestEngine.client()
        let (id, name) = try await TestEngine.run(client, "trap 'exit 0' TERM; while :; do sleep 0.1; done")
        defer { Task { await TestEngine.cleanup(client, [id]) } }
        let listed = try await client.listContainers(all: true)
        #expect(listed.contains { $0.Id == id && $0.name == name && $0.State == "running" })
        let first = try await client.inspect(id)
        #expect(first.State.Running && first.State.Pid > 0)

        try await client.pause(id)
        #expect(try await client.inspect(id).State.Paused)
        try await client.unpause(id)
        #expect(try await client.inspect(id).State.Paused == false)

        try await client.restart(id, graceSeconds: 2)
        let restarted = try await client.inspect(id)
        #expect(restarted.State.Running && restarted.State.StartedAt != first.State.StartedAt)

        try await client.stop(id, graceSeconds: 2)
        let stopped = try await client.inspect(id)
        #expect(!stopped.State.Running && stopped.State.ExitCode == 0)
        try await client.start(id)
        try await client.kill(id)
        #expect(try await client.inspect(id).State.Running == false)

        try await client.remove(id)
        await #expect {
            _ = try await client.inspect(id)
        } throws: { ($0 as? VantageError)?.category == .notFound }
    }

    @Test func logsCarryBothStreamsAndFollow() async throws {
        let client = try await TestEngine.client()
        let (id, _) = try await TestEngine.run(client, "echo to-stdout; echo to-stderr >&2; echo second-out")
        defer { Task { await TestEngine.cleanup(client, [id]) } }
        try await Task.sleep(for: .milliseconds(500))
        var frames: [ContainerLogFrame] = []
        for try await f in try await client.logs(id) { frames.append(f) }
        #expect(frames.contains(ContainerLogFrame(stream: .stdout, text: "to-stdout")))
        #expect(frames.contains(ContainerLogFrame(stream: .stderr, text: "to-stderr")))
        #expect(frames.filter { $0.stream == .stdout }.map(\.text) == ["to-stdout", "second-out"])

        let (live, _) = try await TestEngine.run(client, "i=0; while [ $i -lt 50 ]; do echo tick-$i; i=$((i+1)); sleep 0.1; done")
        defer { Task { await TestEngine.cleanup(client, [live]) } }
        var followed: [String] = []
        for try await f in try await client.logs(live, follow: true) {
            followed.append(f.text)
            if followed.count == 5 { break }
        }
        #expect(followed == (0..<5).map { "tick-\($0)" })
    }

    @Test func eventsStreamSeesAContainerStart() async throws {
        let client = try await TestEngine.client()
        let stream = try await client.events(since: Date())
        let (id, _) = try await TestEngine.run(client, "sleep 1")
        defer { Task { await TestEngine.cleanup(client, [id]) } }
        var actions: [String] = []
        for try await e in stream where e.Actor.ID == id {
            actions.append(e.Action)
            if e.Action == "start" { break }
        }
        #expect(actions.contains("create") || actions.contains("start"))
        #expect(actions.last == "start")
    }

    @Test func cgroupFiguresAgreeWithTheEnginesOwnStats() async throws {
        let client = try await TestEngine.client()
        let (id, _) = try await TestEngine.run(client, "x=; i=0; while [ $i -lt 20000 ]; do x=\"$x.........\"; i=$((i+1)); done; while :; do :; done")
        defer { Task { await TestEngine.cleanup(client, [id]) } }
        try await Task.sleep(for: .seconds(1))
        let pid = try await client.inspect(id).State.Pid
        let cgroup = try #require(ContainerCgroup.locate(pid: pid), "the container's cgroup is readable")
        let before = try #require(cgroup.read())
        let engine = try await client.statsOnce(id)
        let after = try #require(cgroup.read())
        #expect(before.cpuNanoseconds <= engine.cpu_stats.cpu_usage.total_usage)
        #expect(engine.cpu_stats.cpu_usage.total_usage <= after.cpuNanoseconds)
        #expect(after.cpuNanoseconds > 100_000_000, "a busy loop for a second used real CPU time, even on a loaded machine")
        let usage = engine.memory_stats.usage ?? 0
        let inactive = engine.memory_stats.stats?["total_inactive_file"] ?? engine.memory_stats.stats?["inactive_file"] ?? 0
        let engineMemory = Double(usage - min(usage, inactive))
        #expect(abs(Double(after.memoryBytes) - engineMemory) <= max(engineMemory * 0.1, 512 * 1024),
                "memory from the cgroup (\(after.memoryBytes)) matches the engine's (\(engineMemory))")
        #expect(after.pids >= 1)
    }

    @Test func resourceUpdatesReachTheCgroupInTheContainersOwnStyle() async throws {
        let client = try await TestEngine.client()
        let nano = try await TestEngine.run(client, "sleep 30", hostConfig: ["NanoCpus": 500_000_000, "Memory": 64 << 20])
        let quota = try await TestEngine.run(client, "sleep 30", hostConfig: ["CpuQuota": 50_000, "CpuPeriod": 100_000, "Memory": 64 << 20])
        defer { Task { await TestEngine.cleanup(client, [nano.id, quota.id]) } }
        for c in [nano, quota] {
            try await client.updateResources(c.id, memoryBytes: 128 << 20, cpus: 0.25)
            let details = try await client.inspect(c.id)
            let cgroup = try #require(ContainerCgroup.locate(pid: details.State.Pid))
            let memDir = try #require(cgroup.directories["memory"] ?? cgroup.directories["unified"])
            let cpuDir = try #require(cgroup.directories["cpu"] ?? cgroup.directories["unified"])
            if cgroup.version == .v1 {
                #expect(ContainerCgroup.number(memDir + "/memory.limit_in_bytes") == 128 << 20)
                #expect(ContainerCgroup.number(cpuDir + "/cpu.cfs_quota_us") == 25_000)
                #expect(ContainerCgroup.number(cpuDir + "/cpu.cfs_period_us") == 100_000)
            } else {
                #expect(ContainerCgroup.number(memDir + "/memory.max") == 128 << 20)
            }
        }
        #expect(try await client.inspect(nano.id).HostConfig.NanoCpus == 250_000_000, "created with NanoCpus, updated with NanoCpus")
        #expect(try await client.inspect(quota.id).HostConfig.CpuQuota == 25_000, "created with CpuQuota, updated with CpuQuota")
    }
}
}
