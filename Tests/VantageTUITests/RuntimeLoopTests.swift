import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// A small program: shows a counter; `+` increments and asks for a refresh; `n` claims a change
/// without one; `t` switches theme; `q` quits.
@MainActor
final class CounterProgram: TerminalProgram {
    var count = 0
    var quit = false
    var pending: [Command] = []
    var theme = ThemeLoader.builtin("dark")
    var views: [ContinuousClock.Instant] = []
    var sizes: [Size] = []
    var events: [Event] = []

    func handle(key: KeyPress) -> Bool {
        switch key {
        case .char("q"): quit = true; return false
        case .char("+"): count += 1; pending.append(.refresh); return true
        case .char("n"): return true
        case .char("t"): theme = ThemeLoader.builtin(theme.name == "dark" ? "light" : "dark"); return true
        default: return false
        }
    }

    func handle(event: Event) -> Bool {
        events.append(event)
        count += 100
        return true
    }

    func resized(to size: Size) { sizes.append(size) }

    func view(size: Size) -> Buffer {
        views.append(.now)
        var b = Buffer(width: size.width, height: size.height)
        b.put("count \(count)", x: 0, y: 0, style: .role(.accent))
        if size.height > 1 { b.put("\(size.width)x\(size.height)", x: 0, y: size.height - 1) }
        return b
    }

    func takeCommands() -> [Command] { defer { pending = [] }; return pending }
    var shouldQuit: Bool { quit }
}

@MainActor
@Suite("TerminalRuntime loop")
struct RuntimeLoopTests {
    /// Waits for a condition the runtime must eventually reach. The deadline only bounds a hang:
    /// on a loaded 2-core CI machine other suites can hold the cooperative pool for seconds, so
    /// the tests assert order and minimum gaps, never how fast a frame arrives.
    func waitUntil(_ condition: () -> Bool) async {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
    }

    func make(width: Int = 20, height: Int = 4, fps: Int = 1000, bus: Bus? = nil)
        -> (CounterProgram, MemoryTerminal, TerminalRuntime) {
        let program = CounterProgram()
        let term = MemoryTerminal(width: width, height: height)
        let runtime = TerminalRuntime(program: program, terminal: term, bus: bus,
                                      options: RuntimeOptions(glyphs: .unicode, maxFramesPerSecond: fps, statsPath: nil))
        return (program, term, runtime)
    }

    @Test func paintsFirstFrameHandlesKeysAndQuits() async throws {
        let (program, term, runtime) = make()
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        try #require(term.lines.count > 0)
        #expect(term.lines[0].hasPrefix("count 0"))
        #expect(runtime.counters.firstFrameMilliseconds != nil)
        term.pendingInput = [.key(.char("+")), .key(.char("+"))]
        runtime.inputReady()
        await waitUntil { runtime.counters.framesPainted == 2 }
        #expect(term.lines[0].hasPrefix("count 2"))
        term.pendingInput = [.key(.char("q"))]
        runtime.inputReady()
        await loop.value
        #expect(program.count == 2)
        #expect(runtime.counters.keys == 3)
        #expect(runtime.counters.stoppedBy == .quit)
    }

    @Test func aBurstOfChangesIsOnePaint() async throws {
        let (program, term, runtime) = make()
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        term.pendingInput = Array(repeating: .key(.char("+")), count: 50)
        runtime.inputReady()
        await waitUntil { runtime.counters.framesPainted == 2 }
        try? await Task.sleep(for: .milliseconds(30))
        #expect(runtime.counters.framesPainted == 2)
        #expect(program.views.count == 2)
        try #require(term.lines.count > 0)
        #expect(term.lines[0].hasPrefix("count 50"))
        runtime.stop()
        await loop.value
    }

    @Test func aChangeThatLooksTheSameWritesNothing() async {
        let (program, term, runtime) = make()
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        term.resetCounters()
        term.pendingInput = [.key(.char("n"))]
        runtime.inputReady()
        await waitUntil { program.views.count == 2 }
        #expect(runtime.counters.unchangedFrames == 1)
        #expect(runtime.counters.framesPainted == 1)
        #expect(term.calls.writes == 0)
        #expect(term.calls.presents == 0)
        // Keys that change nothing do not even build a view.
        term.pendingInput = [.key(.char("?"))]
        runtime.inputReady()
        try? await Task.sleep(for: .milliseconds(20))
        #expect(program.views.count == 2)
        runtime.stop()
        await loop.value
    }

    @Test func paintsAreCappedAtTheFrameRate() async {
        let (program, term, runtime) = make(fps: 10)
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        for frame in 2...4 {
            term.pendingInput = [.key(.char("+"))]
            runtime.inputReady()
            await waitUntil { runtime.counters.framesPainted == frame }
        }
        #expect(runtime.counters.framesPainted == 4)
        let gaps = zip(program.views.dropFirst(), program.views).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= .milliseconds(95) }, "\(gaps)")
        runtime.stop()
        await loop.value
    }

    @Test func busEventsReachTheProgramAndCommandsReachTheBus() async throws {
        let bus = Bus()
        let commands = bus.commands([.refresh])
        let (program, term, runtime) = make(bus: bus)
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        bus.publish(.timeline(TimelineEntry(time: Date(timeIntervalSince1970: 0), kind: .scan, text: "scanned")))
        await waitUntil { runtime.counters.framesPainted == 2 }
        #expect(program.events.count == 1)
        try #require(term.lines.count > 0)
        #expect(term.lines[0].hasPrefix("count 100"))
        term.pendingInput = [.key(.char("+"))]
        runtime.inputReady()
        var iterator = commands.makeAsyncIterator()
        #expect(await iterator.next() == .refresh)
        #expect(runtime.counters.commandsSent == 1)
        runtime.stop()
        await loop.value
    }

    @Test func eventsPublishedBeforeTheLoopStartsAreKeptWhenSubscribedEarly() async throws {
        let bus = Bus()
        let events = bus.eventBatches()
        bus.publish(.timeline(TimelineEntry(time: Date(timeIntervalSince1970: 0), kind: .scan, text: "early")))
        let program = CounterProgram()
        let term = MemoryTerminal(width: 20, height: 3)
        let runtime = TerminalRuntime(program: program, terminal: term, bus: bus,
                                      options: RuntimeOptions(glyphs: .ascii, maxFramesPerSecond: 1000, statsPath: nil),
                                      events: events)
        let loop = Task { await runtime.run() }
        await waitUntil { program.events.count == 1 && term.lines[0].hasPrefix("count 100") }
        #expect(program.events.count == 1)
        try #require(term.lines.count > 0)
        #expect(term.lines[0].hasPrefix("count 100"))
        runtime.stop()
        await loop.value
    }

    @Test func themeToggleRepaintsInFull() async throws {
        let (_, term, runtime) = make()
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        let before = term.screen[0][0].style
        term.pendingInput = [.key(.char("t"))]
        runtime.inputReady()
        await waitUntil { runtime.counters.framesPainted == 2 }
        #expect(runtime.counters.fullRepaints == 2)
        try #require(term.screen.count > 0)
        #expect(term.screen[0][0].style != before)
        runtime.stop()
        await loop.value
    }

    @Test func resizeStormAndTinyTerminalsNeverCrash() async throws {
        let (program, term, runtime) = make(width: 80, height: 24)
        let loop = Task { await runtime.run() }
        await waitUntil { runtime.counters.framesPainted == 1 }
        let sizes = [(10, 3), (1, 1), (200, 60), (2, 1), (37, 11)] + (0..<100).map { (20 + $0 % 90, 3 + $0 % 40) } + [(10, 3)]
        for (w, h) in sizes {
            term.resize(width: w, height: h)
            runtime.inputReady()
        }
        await waitUntil { term.lines.count == 3 && term.lines[2] == "10x3      " }
        #expect(program.sizes.last == Size(width: 10, height: 3))
        #expect(runtime.counters.resizes == sizes.count)
        #expect(runtime.counters.framesPainted < sizes.count)  // coalesced
        try #require(term.lines.count > 0)
        #expect(term.lines[0] == "count 0   ")
        runtime.stop()
        await loop.value
    }
}
