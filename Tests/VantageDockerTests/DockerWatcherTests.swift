import Foundation
import Testing
@testable import VantageDocker
import VantageCore
import VantageFormats

/// Collects what a watcher publishes on the bus.
actor Published {
    var events: [Event] = []
    func add(_ e: Event) { events.append(e) }
    func clear() { events = [] }

    func discovered(source: String) -> [Project]? {
        for case .discovered(let s, let projects) in events.reversed() where s == source { return projects }
        return nil
    }
    var diagnostics: [Diagnostic] { events.compactMap { if case .diagnostic(let d) = $0 { return d }; return nil } }
    var engines: [EngineStatus] { events.compactMap { if case .engine(let s) = $0 { return s }; return nil } }
    var samples: [ProjectSample] { events.flatMap { e -> [ProjectSample] in if case .projectsSampled(let s) = e { return s }; return [] } }
}

func collect(_ bus: Bus, into published: Published) -> Task<Void, Never> {
    let stream = bus.events()
    return Task { for await e in stream { await published.add(e) } }
}

/// A watcher on a bus of its own, with everything it publishes collected. With `running` its loop
/// runs too; without, the test drives it with `tick()`. `stop()` ends both.
struct WatchedEngines {
    let watcher: DockerWatcher
    let bus = Bus()
    let published = Published()
    private let tasks: [Task<Void, Never>]

    init(_ endpoints: [DockerEndpoint] = [TestEngine.endpoint], options: DockerWatcher.Options = .init(), running: Bool) {
        let sink = collect(bus, into: published)   // subscribed before the watcher can publish
        let watcher = DockerWatcher(bus: bus, clock: SystemClock(), endpoints: endpoints, options: options)
        self.watcher = watcher
        tasks = running ? [sink, Task { await watcher.run() }] : [sink]
    }

    func stop() { for task in tasks { task.cancel() } }
}

func eventually(_ timeout: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return await condition()
}

extension DockerTests {
@Suite(.serialized) final class DockerWatcherTests {
    deinit { TestEngine.removeCreated() }

    @Test func containersBecomeProjectsWithMetersFromTheirCgroup() async throws {
        let client = try await TestEngine.client()
        let busy = try await TestEngine.run(client, "while :; do :; done", hostConfig: ["NanoCpus": 300_000_000])
        defer { Task { await TestEngine.cleanup(client, [busy.id]) } }
        let watched = WatchedEngines(running: false)
        defer { watched.stop() }
        let (watcher, published) = (watched.watcher, watched.published)
        await watcher.tick()
        try await Task.sleep(for: .seconds(1))
        await watcher.tick()
        try await Task.sleep(for: .milliseconds(200))
        let projects = try #require(await published.discovered(source: "docker:main"))
        let project = try #require(projects.first { $0.name == busy.name })
        #expect(project.kinds == [.container])
        #expect(project.id == ContainerProjects.id(engine: "main", container: busy.name))
        let sample = try #require(await published.samples.last { $0.project == project.id })
        #expect(sample.state == .running)
        #expect(sample.cpuPercent > 15 && sample.cpuPercent < 45, "a busy loop limited to 0.3 CPU shows about 30 %: \(sample.cpuPercent)")
        #expect(sample.rssBytes > 0)
    }

    @Test func healthCheckStatusBecomesTheState() async throws {
        let client = try await TestEngine.client()
        let hc: [String: Any] = ["Test": ["CMD-SHELL", "test -f /tmp/ok"], "Interval": 200_000_000, "Timeout": 1_000_000_000, "Retries": 1]
        let id = try await client.create(name: "vt-health-\(UUID().uuidString.prefix(6).lowercased())",
                                         config: ["Image": TestEngine.image, "Cmd": ["sh", "-c", "sleep 1; touch /tmp/ok; sleep 300"],
                                                  "Healthcheck": hc, "Labels": ["vantage.test": "1"], "HostConfig": ["NetworkMode": "none"]])
        TestEngine.created.withLock { $0.append((client.endpoint.host, id)) }
        try await client.start(id)
        let watched = WatchedEngines(running: true)
        defer { watched.stop() }
        let published = watched.published
        let name = try await client.inspect(id).Name.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let project = ContainerProjects.id(engine: "main", container: name)
        #expect(await eventually { await published.samples.contains { $0.project == project && $0.state == .starting } },
                "before its check passes the container is starting")
        #expect(await eventually(.seconds(15)) { await published.samples.contains { $0.project == project && $0.state == .ready } },
                "a healthy container is ready")
    }

    /// The screen's P, K and Delete reach the engine as pause, unpause, kill and remove, and the
    /// projects follow: paused, then running, then stopped, then gone.
    @Test func pauseResumeKillAndRemoveReachTheEngine() async throws {
        let client = try await TestEngine.client()
        let c = try await TestEngine.run(client, "while :; do sleep 1; done")
        defer { Task { await TestEngine.cleanup(client, [c.id]) } }
        let watched = WatchedEngines(running: true)
        defer { watched.stop() }
        let (watcher, published) = (watched.watcher, watched.published)
        let id = ContainerProjects.id(engine: "main", container: c.name)
        func state() async -> RunState? { await published.samples.last { $0.project == id }?.state }
        #expect(await eventually { await state() == .running })

        // Through the bus, as the screen sends it: the watcher owns the commands of the containers it lists.
        #expect(watched.bus.send(.pause(id)) == .delivered(to: 1))
        #expect(await eventually { (try? await client.inspect(c.id).State.Status) == "paused" })
        #expect(await eventually { await state() == .paused }, "a paused container is shown as paused, not stopped")
        #expect(await eventually { (await published.samples.last { $0.project == id }?.rssBytes ?? 0) > 0 },
                "and still holds its memory")
        await watcher.perform(.resume(id))
        #expect(try await client.inspect(c.id).State.Status == "running")
        #expect(await eventually { await state() == .running })

        await watcher.perform(.kill(id))
        let killed = try await client.inspect(c.id).State
        #expect(killed.Status == "exited" && killed.ExitCode == 137, "SIGKILL: \(killed.Status) \(killed.ExitCode)")
        #expect(await eventually { await state() == .stopped })

        await watcher.perform(.remove(id))
        #expect(await eventually { (try? await client.listContainers(all: true))?.contains { $0.Id == c.id } == false }, "gone from the engine")
        #expect(await eventually { await published.discovered(source: "docker:main")?.contains { $0.id == id } == false },
                "and from the grid")
        guard case .unowned(let why) = watched.bus.send(.kill(id)) else { Issue.record("a removed container has no owner"); return }
        #expect(why.hasPrefix("Cannot kill \(c.name): nothing in this Vantage runs it"))
    }

    @Test func anOOMKillIsReported() async throws {
        let client = try await TestEngine.client()
        let watched = WatchedEngines(running: true)
        defer { watched.stop() }
        let published = watched.published
        #expect(await eventually { await published.engines.contains { $0.reachable } })
        // -m 32m, then a shell string that doubles until it cannot.
        let hog = try await TestEngine.run(client, "sleep 1; x=aaaaaaaaaaaaaaaa; while :; do x=$x$x; done",
                                           hostConfig: ["Memory": 32 << 20, "MemorySwap": 32 << 20])
        defer { Task { await TestEngine.cleanup(client, [hog.id]) } }
        let reported = await eventually(.seconds(20)) {
            await published.diagnostics.contains { $0.source == hog.name && $0.message.contains("out of memory") }
        }
        #expect(reported, "the OOM kill of \(hog.name) appears as a troubleshooting entry")
        #expect(await eventually { (try? await client.inspect(hog.id).State.OOMKilled) == true }, "the engine agrees: OOMKilled")
    }

    @Test func aComposeProjectIsGroupedUnderItsName() async throws {
        let client = try await TestEngine.client()
        let dir = NSTemporaryDirectory() + "vt-compose-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let yaml = """
        name: vtstack
        services:
          web:
            image: localhost/busybox:latest
            command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
            network_mode: none
            depends_on: [db]
          db:
            image: localhost/busybox:latest
            command: sleep 300
            network_mode: none
          ghost:
            image: localhost/not-here:1
            network_mode: none
        """
        try yaml.write(toFile: dir + "/compose.yaml", atomically: true, encoding: .utf8)
        let file = try ComposeFile.load(path: dir + "/compose.yaml")
        #expect(file.startOrder.map(\.name).firstIndex(of: "db")! < file.startOrder.map(\.name).firstIndex(of: "web")!)
        let runner = ComposeRunner(client: client)
        let outcome = try await runner.up(file)
        #expect(Set(outcome.started) == ["web", "db"])
        #expect(outcome.skipped["ghost"]?.contains("not present locally") == true)

        let watched = WatchedEngines(running: false)
        defer { watched.stop() }
        let (watcher, published) = (watched.watcher, watched.published)
        await watcher.tick()
        try await Task.sleep(for: .milliseconds(200))
        let projects = try #require(await published.discovered(source: "docker:main"))
        let grouped = projects.filter { $0.group == "vtstack" }.map(\.name).sorted()
        #expect(grouped == ["vtstack-db-1", "vtstack-web-1"])

        try await runner.down(file, graceSeconds: 2)
        let left = try await client.listContainers(all: true, labelFilter: "com.docker.compose.project=vtstack")
        #expect(left.isEmpty)
    }
}
}

extension DockerTests {
/// Engines that die, freeze and come back: these use a second engine the test starts itself.
@Suite(.serialized) final class DockerEngineFailureTests {
    deinit { TestEngine.removeCreated() }

    @Test func twoEnginesAtOnceAndAFrozenOneNeverBlocks() async throws {
        defer { TestEngine.stopSecondWhenDone() }
        try await TestEngine.startSecond()
        let second = try await DockerClient.connect(TestEngine.secondEndpoint, timeout: .seconds(20))
        let onSecond = try await TestEngine.run(second, "sleep 300", name: "on-second")
        defer { Task { await TestEngine.cleanup(second, [onSecond.id]) } }

        var options = DockerWatcher.Options()
        options.timeout = .seconds(2)
        let watched = WatchedEngines([TestEngine.endpoint, TestEngine.secondEndpoint], options: options, running: false)
        defer { watched.stop() }
        let (watcher, published) = (watched.watcher, watched.published)
        await watcher.tick()
        try await Task.sleep(for: .milliseconds(200))
        #expect(await published.discovered(source: "docker:main") != nil)
        #expect(await published.discovered(source: "docker:second")?.contains { $0.name == "on-second" } == true)

        // Freeze the second engine: a refresh still finishes within 3 s, and says so.
        let pid = try #require(TestEngine.secondPID)
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        let start = ContinuousClock.now
        await watcher.perform(.refresh)   // `r` in the dashboard: re-read every engine now
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(3), "a frozen engine costs at most the deadline: \(elapsed)")
        #expect(await watcher.statuses().first { $0.name == "second" }?.reachable == false)
        // The healthy engine is not dragged down with it.
        #expect(await eventually { await watcher.tick(); return await watcher.statuses().first { $0.name == "main" }?.reachable == true })
        kill(pid, SIGCONT)
    }

    @Test func anEngineOverTCP() async throws {
        let base = "/tmp/vantage-docker-test-tcp"
        let r = try await ChildProcess.runOffThePool(["env", "BASE=\(base)", "SKIP_SMOKE=1", "TCP=127.0.0.1:23760", "bash",
                                       TestEngine.repositoryRoot + "/scripts/docker-engine.sh", "start"])
        #expect(r.status == 0, "\(r.output.suffix(300))")
        defer { _ = try? ChildProcess.run(["env", "BASE=\(base)", "bash", TestEngine.repositoryRoot + "/scripts/docker-engine.sh", "stop"]) }
        let tcp = DockerEndpoint(name: "tcp", host: "tcp://127.0.0.1:23760", source: .config)
        let client = try await DockerClient.connect(tcp, timeout: .seconds(20))
        #expect(client.apiVersion == "1.41")
        let (id, name) = try await TestEngine.run(client, "echo over-tcp; sleep 30")
        #expect(try await client.listContainers().contains { $0.Id == id && $0.name == name })
        try await Task.sleep(for: .milliseconds(300))
        var lines: [String] = []
        for try await frame in try await client.logs(id) { lines.append(frame.text) }
        #expect(lines == ["over-tcp"])
    }

    @Test func aKilledEngineIsReconnectedWhenItReturns() async throws {
        defer { TestEngine.stopSecondWhenDone() }
        try await TestEngine.startSecond()
        var options = DockerWatcher.Options()
        options.maxBackoff = .seconds(1)
        let watched = WatchedEngines([TestEngine.secondEndpoint], options: options, running: true)
        defer { watched.stop() }
        let (watcher, published) = (watched.watcher, watched.published)
        #expect(await eventually { await watcher.statuses().first?.reachable == true })

        try await TestEngine.stopSecond()
        #expect(await eventually { await watcher.statuses().first?.reachable == false }, "the dead engine shows as unreachable")
        #expect(await published.diagnostics.contains { $0.message.contains("unreachable") })

        try await TestEngine.startSecond()
        #expect(await eventually(.seconds(15)) { await watcher.statuses().first?.reachable == true }, "it reconnects by itself")
        // The event stream resumed: a container started now appears without waiting for a relist.
        let second = try await DockerClient.connect(TestEngine.secondEndpoint, timeout: .seconds(20))
        let fresh = try await TestEngine.run(second, "sleep 300", name: "after-restart-\(UUID().uuidString.prefix(4).lowercased())")
        defer { Task { await TestEngine.cleanup(second, [fresh.id]) } }
        #expect(await eventually(.seconds(5)) {
            await published.discovered(source: "docker:second")?.contains { $0.name == fresh.name } == true
        })
    }
}
}
