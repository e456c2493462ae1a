import Foundation
import Testing
@testable import VantageProbes
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The Monitor actor on a real bus: ticks, state transitions, commands.
@Suite(.serialized) struct MonitorActorTests {
    /// Collects the events of a bus in the background.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [Event] = []
        func append(_ e: Event) { lock.lock(); events.append(e); lock.unlock() }
        var all: [Event] { lock.lock(); defer { lock.unlock() }; return events }
    }

    @Test func publishesSamplesAndStateChangesAndStopsOnShutdown() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = Project(name: "demo", path: folder.path, kinds: [.command])
        let bus = Bus()
        let events = bus.events()
        let recorder = Recorder()
        let listener = Task { for await e in events { recorder.append(e) } }
        let monitor = Monitor(bus: bus, clock: SystemClock(), projects: [project], interval: .milliseconds(200))
        let finished = Flag()
        Task { await monitor.run(); finished.set() }

        // Ticks arrive with system and project samples. The wait bounds a hang only: at the start of
        // a full run on 2 cores, CPU-heavy tests can hold both pool threads for tens of seconds.
        #expect(await eventually(timeout: .seconds(90)) {
            recorder.all.contains { if case .systemSampled(let s) = $0 { return s.memTotalBytes > 0 }; return false }
        }, "events so far: \(recorder.all.map { String(describing: $0).prefix(60) })")
        #expect(await eventually {
            recorder.all.contains { if case .projectsSampled(let p) = $0 { return p.first?.state == .stopped }; return false }
        })

        let child = try SpawnedProcess.shell("cd '\(folder.path)' && exec sleep 60")
        defer { child.kill() }
        let started = Event.stateChanged(project: project.id, from: .stopped, to: .external)
        #expect(await eventually { recorder.all.contains(started) })
        #expect(await monitor.currentStates()[project.id] == .external)

        child.kill()
        let stopped = Event.stateChanged(project: project.id, from: .external, to: .stopped)
        #expect(await eventually { recorder.all.contains(stopped) })
        // Exactly one transition each way.
        #expect(recorder.all.filter { $0 == started }.count == 1)
        #expect(recorder.all.filter { $0 == stopped }.count == 1)

        bus.send(.shutdown)
        #expect(await eventually(timeout: .seconds(30)) { finished.isSet })  // bounds a hang only; a loaded CI machine can be slow
        listener.cancel()
    }

    /// Issue 12 §5: after a supervised stop the monitor published (and the store recorded)
    /// "external → stopped"; a guess that tells nothing beside the supervisor's word is not published.
    @Test func aSupervisedProjectsProcessesAreNotReportedAsGuesses() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = Project(name: "demo", path: folder.path, kinds: [.command])
        let bus = Bus()
        let events = bus.events()
        let recorder = Recorder()
        let listener = Task { for await e in events { recorder.append(e) } }
        let monitor = Monitor(bus: bus, clock: SystemClock(), projects: [project], interval: .milliseconds(200))
        let running = Task { await monitor.run() }
        defer { running.cancel(); listener.cancel() }
        func guesses() -> [Event] {
            recorder.all.filter { if case let .stateChanged(_, from, to) = $0 { return RunState.isGuess(from: from, to: to) }; return false }
        }
        /// Every event published before this call has been recorded once it returns true.
        func drained(_ marker: String) async -> Bool {
            let entry = TimelineEntry(time: Date(), kind: .scan, text: marker)
            bus.publish(.timeline(entry))
            return await eventually(timeout: .seconds(90)) { recorder.all.contains(.timeline(entry)) }
        }

        // The supervisor starts it: its word is heard (sent again until the monitor, which subscribes
        // when it starts running, has heard it), and the processes it sees are not "external".
        #expect(await eventually(timeout: .seconds(90)) {
            bus.publish(.stateChanged(project: project.id, from: .stopped, to: .starting))
            return await monitor.supervisorState(of: project.id) == .starting
        })
        let child = try SpawnedProcess.shell("cd '\(folder.path)' && exec sleep 60")
        defer { child.kill() }
        #expect(await eventually(timeout: .seconds(90)) { await monitor.currentStates()[project.id] == .external })
        // The supervisor stops it: the monitor then sees nothing, which the supervisor already said.
        bus.publish(.stateChanged(project: project.id, from: .starting, to: .stopped))
        #expect(await eventually(timeout: .seconds(90)) { await monitor.supervisorState(of: project.id) == .stopped })
        child.kill()
        #expect(await eventually(timeout: .seconds(90)) { await monitor.currentStates()[project.id] == .stopped })
        #expect(await drained("after the stop"))
        #expect(guesses().isEmpty, "no guess published: \(guesses())")

        // A process started outside Vantage after that is news: it is published.
        let outside = try SpawnedProcess.shell("cd '\(folder.path)' && exec sleep 60")
        defer { outside.kill() }
        let started = Event.stateChanged(project: project.id, from: .stopped, to: .external)
        #expect(await eventually(timeout: .seconds(90)) { recorder.all.contains(started) })
    }

    /// The tick schedule and the refresh gap are the monitor's logic: tested on a clock the test moves.
    @Test func refreshSamplesImmediately() async throws {
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let events = bus.events()
        let recorder = Recorder()
        let listener = Task { for await e in events { recorder.append(e) } }
        let monitor = Monitor(bus: bus, clock: clock, projects: [], interval: .seconds(3600))
        let finished = Flag()
        Task { await monitor.run(); finished.set() }
        // The first sample comes 250 ms after the start even with an hour's interval (a system and a
        // projects sample), stamped with the monitor's clock...
        #expect(await clock.waitForSleepers())
        // (Steps of 1/8 s: exact in binary, so no rounding puts a deadline just out of reach.)
        clock.advance(by: .milliseconds(125))
        try await Task.sleep(for: .milliseconds(50))
        #expect(recorder.all.isEmpty)
        clock.advance(by: .milliseconds(125))
        #expect(await eventually { recorder.all.count == 2 })
        let start = clock.now.addingTimeInterval(-0.25)
        /// When each system sample was taken on the monitor's clock, in milliseconds after the start.
        func sampleTimes() -> [Int] {
            recorder.all.compactMap { if case .systemSampled(let s) = $0 { Int((s.time.timeIntervalSince(start) * 1000).rounded()) } else { nil } }
        }
        #expect(sampleTimes() == [250])
        // A refresh right after a sample is ignored (the figures are fresh)...
        await monitor.sampleNow()
        clock.advance(by: .milliseconds(125))
        await monitor.refresh()
        // ...and one once the gap (250 ms) has passed, through the bus, brings another sample at once.
        clock.advance(by: .milliseconds(125))
        bus.send(.refresh)
        #expect(await eventually { sampleTimes().last == 500 })
        // The next tick is an interval after the first one, not after the refreshes.
        #expect(await clock.waitForSleepers())
        clock.advance(by: .seconds(3600) - Monitor.minimumRefreshGap)
        #expect(await eventually { sampleTimes().last == 3_600_250 })
        #expect(sampleTimes() == [250, 250, 500, 3_600_250], "the refresh within the gap took no sample")
        bus.close()
        #expect(await eventually(timeout: .seconds(30)) { finished.isSet })  // bounds a hang only; a loaded CI machine can be slow
        listener.cancel()
    }

    @Test func scannedEventsAndUpdateProjectsChangeWhatIsWatched() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = Project(name: "late", path: folder.path, kinds: [.command])
        let bus = Bus()
        let events = bus.events()
        let recorder = Recorder()
        let listener = Task { for await e in events { recorder.append(e) } }
        let clock = ManualClock()
        let monitor = Monitor(bus: bus, clock: clock, projects: [], interval: .milliseconds(200))
        let finished = Flag()
        Task { await monitor.run(); finished.set() }
        #expect(await clock.waitForSleepers())   // subscribed, waiting for its first tick
        bus.publish(.scanned(roots: [folder.path], projects: [project]))
        #expect(await eventually { await monitor.currentStates().keys.contains(project.id) })
        clock.advance(by: .milliseconds(250))
        #expect(await eventually {
            recorder.all.contains { if case .projectsSampled(let p) = $0 { return p.map(\.project) == [project.id] }; return false }
        })
        await monitor.updateProjects([])
        #expect(await monitor.currentStates().isEmpty)
        bus.send(.shutdown)
        #expect(await eventually(timeout: .seconds(30)) { finished.isSet })  // bounds a hang only; a loaded CI machine can be slow
        listener.cancel()
    }

    @Test func sampleOnceGivesRatesFromTwoReads() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let child = try SpawnedProcess.shell("cd '\(folder.path)' && while :; do :; done")
        defer { child.kill() }
        try await Task.sleep(for: .milliseconds(100))
        let (system, projects) = await Monitor.sampleOnce(
            projects: [Project(name: "busy", path: folder.path, kinds: [.command])], window: .milliseconds(300))
        #expect(system.cpuPercent > 0 && system.cpuPercent <= 100)
        #expect(system.memTotalBytes == UInt64(sysconf(Int32(_SC_PHYS_PAGES))) * UInt64(sysconf(Int32(_SC_PAGESIZE))))
        #expect(projects.count == 1)
        try #require(projects.count > 0)
        #expect(projects[0].state == .external)
        #expect(projects[0].cpuPercent > 0 && projects[0].cpuPercent < 110)
        if machineHasASpareCore() {
            #expect(system.cpuPercent > 100.0 / Double(system.cpuCount) * 0.5)   // at least half a core busy
            #expect(projects[0].cpuPercent > 50)
        }
    }
}

/// Set once, read from anywhere.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
