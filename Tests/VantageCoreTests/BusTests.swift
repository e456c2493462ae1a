import Foundation
import Testing
@testable import VantageCore

@Suite struct BusEventTests {
    static func entry(_ text: String, at t: Double = 0) -> Event {
        .timeline(TimelineEntry(time: Date(timeIntervalSince1970: t), kind: .scan, text: text))
    }
    static func line(_ text: String) -> Event {
        .log(LogLine(time: Date(timeIntervalSince1970: 0), project: ProjectID("/p"), stream: .stdout, text: text))
    }

    @Test func fansOutEventsToEverySubscriber() async {
        let bus = Bus()
        let a = bus.events()
        let b = bus.events()
        bus.publish(Self.entry("x"))
        bus.close()
        var countA = 0, countB = 0
        for await _ in a { countA += 1 }
        for await _ in b { countB += 1 }
        #expect(countA == 1 && countB == 1)
    }

    @Test func aFullQueueDropsTheOldestLogLinesAndSaysHowMany() async throws {
        let bus = Bus(clock: ManualClock())
        let slow = bus.events(capacity: 4)
        for i in 0..<10 { bus.publish(Self.line("\(i)")) }
        bus.close()
        var texts: [String] = []
        for await case .log(let l) in slow { texts.append(l.text) }
        try #require(texts.count == 5)
        #expect(texts[0].hasPrefix(LogSeverity.vantageNotePrefix + "6 lines not shown here"))
        #expect(Array(texts[1...]) == ["6", "7", "8", "9"])
        #expect(bus.dropped == 6)
    }

    /// A reader behind a flood of output still gets every state change and problem among the lines,
    /// in the order they were published; only lines are lost.
    @Test func aFloodOfLinesNeverPushesOutOtherEvents() async {
        let bus = Bus(clock: ManualClock())
        let slow = bus.events(capacity: 16)
        var published: [String] = []
        for i in 0..<20_000 {
            bus.publish(Self.line("line \(i)"))
            if i.isMultiple(of: 1000) {
                published.append("entry \(i)")
                bus.publish(Self.entry("entry \(i)"))
            }
        }
        bus.close()
        var entries: [String] = [], lines = 0, notes = 0
        for await event in slow {
            switch event {
            case .timeline(let e): entries.append(e.text)
            case .log(let l) where l.text.hasPrefix(LogSeverity.vantageNotePrefix): notes += 1
            case .log: lines += 1
            default: break
            }
        }
        #expect(entries == published)
        #expect(lines == 16)
        #expect(notes == 1, "one note for the one project whose lines were dropped")
        #expect(bus.dropped == 20_000 - 16)
    }

    /// Lines published together reach a batch reader as one batch, in order.
    @Test func linesPublishedTogetherArriveAsOneBatch() async throws {
        let bus = Bus()
        let batches = bus.eventBatches([.log])
        bus.publish(contentsOf: (0..<100).map { Self.line("\($0)") })
        bus.close()
        var got: [[Event]] = []
        for await b in batches { got.append(b) }
        try #require(got.count == 1)
        #expect(got[0] == (0..<100).map { Self.line("\($0)") })
    }

    @Test func aSubscriberByKindSeesOnlyThoseKinds() async {
        let bus = Bus()
        let logs = bus.events([.log])
        let timeline = bus.events([.timeline, .diagnostic])
        bus.publish(Self.line("one"))
        bus.publish(Self.entry("scan"))
        bus.publish(Self.line("two"))
        bus.close()
        var seenLogs: [String] = [], seenTimeline: [String] = []
        for await case .log(let l) in logs { seenLogs.append(l.text) }
        for await event in timeline {
            guard case .timeline(let e) = event else { Issue.record("unexpected \(event.kind)"); continue }
            seenTimeline.append(e.text)
        }
        #expect(seenLogs == ["one", "two"])
        #expect(seenTimeline == ["scan"])
        #expect(bus.deliveries == 3)
    }

    /// The dashboard's nine event subscriptions (the screen, the recorder, the graph, the
    /// analyzer, the troubleshooter, the council, the memory, the error miner, the monitor) with
    /// the kinds each reads. Before kinds existed, every one of them woke for every log line.
    @Test func aLogLineWakesOnlyTheLogReaders() async {
        let dashboard: [Set<Event.Kind>?] = [
            nil,                                                                          // the screen reads everything
            [.scanned, .systemSampled, .projectsSampled, .stateChanged, .timeline, .diagnostic, .insight], // store
            [.scanned, .insight, .portsInUse],                                            // graph layout
            [.scanned],                                                                   // analyzer
            [.scanned, .discovered, .diagnostic, .log],                                   // troubleshooter
            [.scanned, .discovered, .stateChanged, .suggestions, .systemSampled, .projectsSampled, .insight], // council
            [.timeline],                                                                  // memory
            [.log],                                                                       // error-pattern miner
            [.scanned],                                                                   // monitor
        ]
        func wakeups(perLogLine kinds: [Set<Event.Kind>?]) -> Int {
            let bus = Bus()
            let streams = kinds.map { bus.events($0, capacity: 1000) }
            for i in 0..<100 { bus.publish(Self.line("line \(i)")) }
            withExtendedLifetime(streams) {}
            return bus.deliveries / 100
        }
        let before = wakeups(perLogLine: dashboard.map { _ in nil })
        let after = wakeups(perLogLine: dashboard)
        #expect(before == 9)
        #expect(after == 3, "the screen, the troubleshooter and the error miner")
    }
}

@Suite struct BusCommandTests {
    let a = ProjectID("/srv/api"), b = ProjectID("/srv/web")

    /// Collects a stream's commands until the bus closes.
    static func drain(_ stream: AsyncStream<Command>) async -> [Command] {
        var got: [Command] = []
        for await c in stream { got.append(c) }
        return got
    }

    static func diagnostics(_ stream: AsyncStream<Event>) async -> [Diagnostic] {
        var got: [Diagnostic] = []
        for await case .diagnostic(let d) in stream { got.append(d) }
        return got
    }

    @Test func commandsReachTheListenersOfTheirKind() async {
        let bus = Bus()
        let monitor = bus.commands([.refresh, .shutdown])
        let fixes = bus.commands([.applyFix])
        #expect(bus.send(.refresh) == .delivered(to: 1))
        #expect(bus.send(.shutdown) == .delivered(to: 1))
        bus.close()
        #expect(await Self.drain(monitor) == [.refresh, .shutdown])
        #expect(await Self.drain(fixes).isEmpty)
    }

    @Test func aLifecycleCommandGoesOnlyToTheProjectsOwner() async {
        let bus = Bus()
        let supervisor = bus.commandInbox(owner: "the supervisor", kinds: [.launch, .stop, .kill])
        let docker = bus.commandInbox(owner: "the Docker watcher", kinds: [.launch, .stop, .kill, .remove])
        supervisor.own([a])
        docker.own([b])
        #expect(bus.send(.stop(a)) == .delivered(to: 1))
        #expect(bus.send(.kill(b)) == .delivered(to: 1))
        bus.close()
        #expect(await Self.drain(supervisor.commands) == [.stop(a)])
        #expect(await Self.drain(docker.commands) == [.kill(b)])
        #expect(bus.unownedCommands == 0)
    }

    /// A slow owner behind a flood of commands still gets every one, the `.kill` at the end included
    /// (commands shared the events' drop-oldest buffer of 16 or 1024 before).
    @Test func aKillIsNeverDroppedBehindAFlood() async {
        let bus = Bus()
        let inbox = bus.commandInbox(owner: "the supervisor", kinds: [.launch, .stop, .restart, .kill])
        inbox.own([a])
        let events = bus.events(capacity: 4) // a flood of log lines does not touch the command path either
        for i in 0..<20_000 {
            bus.send(i.isMultiple(of: 2) ? .launch(a) : .stop(a))
            bus.publish(BusEventTests.line("\(i)"))
        }
        bus.send(.kill(a))
        bus.close()
        let got = await Self.drain(inbox.commands)
        #expect(got.count == 20_001)
        #expect(got.last == .kill(a))
        #expect(bus.dropped > 0, "log lines are still bounded")
        withExtendedLifetime(events) {}
    }

    @Test func aCommandForAProjectNobodyRunsIsAnsweredWithAnError() async throws {
        let bus = Bus(clock: ManualClock())
        let screen = bus.events([.diagnostic])
        let observer = bus.commands([.kill]) // seeing kills does not make one the owner
        let route = bus.send(.kill(a))
        bus.close()
        guard case .unowned(let why) = route else { Issue.record("expected unowned, got \(route)"); return }
        #expect(why.hasPrefix("Cannot kill api: nothing in this Vantage runs it"))
        let shown = try #require(await Self.diagnostics(screen).first)
        #expect(shown.severity == .error && shown.project == a && shown.message == why)
        #expect(shown.time == ManualClock().now)
        #expect(await Self.drain(observer) == [], "nobody carries it out, so nobody is handed it")
        #expect(bus.unownedCommands == 1)
    }

    @Test func anOwnerThatCannotDoItSaysSo() async throws {
        let bus = Bus()
        let supervisor = bus.commandInbox(owner: "the supervisor", kinds: [.launch, .stop, .kill])
        supervisor.own([a])
        #expect(bus.send(.remove(a)) == .unowned("Cannot remove api: the supervisor runs it and has no remove action for it."))
        withExtendedLifetime(supervisor) {}
    }

    @Test func aCommandOfAKindNobodyHandlesIsAnError() {
        let bus = Bus()
        guard case .unowned(let why) = bus.send(.checkOutdated(a)) else { Issue.record("expected an error"); return }
        #expect(why.hasPrefix("Cannot check outdated dependencies of api: nothing in this Vantage handles it"))
        #expect(bus.send(.shutdown) == .delivered(to: 0), "shutdown needs nobody")
        #expect(bus.unownedCommands == 1)
    }

    @Test func aClosedInboxOwnsNothing() async {
        let bus = Bus()
        let inbox = bus.commandInbox(owner: "the supervisor", kinds: [.stop])
        inbox.own([a])
        #expect(bus.send(.stop(a)) == .delivered(to: 1))
        inbox.close()
        #expect(await Self.drain(inbox.commands) == [.stop(a)], "what was delivered is still read")
        guard case .unowned = bus.send(.stop(a)) else { Issue.record("a closed inbox must not own"); return }
    }

    @Test func anInboxWhoseReaderStoppedOwnsNothing() async {
        let bus = Bus()
        let inbox = bus.commandInbox(owner: "the supervisor", kinds: [.stop])
        inbox.own([a])
        let reader = Task { for await _ in inbox.commands {} }
        reader.cancel()
        await reader.value
        guard case .unowned = bus.send(.stop(a)) else { Issue.record("a cancelled reader must not own"); return }
    }
}
