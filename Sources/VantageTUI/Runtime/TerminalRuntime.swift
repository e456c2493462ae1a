import CNcursesw
import Dispatch
import Foundation
import VantageCore

/// Runs a `TerminalProgram` against a `Terminal` and the `Bus` (the Bubble Tea loop):
/// keys and bus events go to the program; its commands go to the bus; the screen is repainted
/// only when the program says something changed, coalesced and capped at `maxFramesPerSecond`,
/// and a repaint whose buffer equals the last one writes nothing.
///
/// Start the UI from `main` with `TerminalRuntime.run(program:bus:options:)`.
@MainActor
public final class TerminalRuntime {
    public let program: any TerminalProgram
    public let terminal: Terminal
    public let options: RuntimeOptions
    public private(set) var counters = RuntimeCounters()
    public let writer: TerminalWriter

    private let bus: Bus?
    private var dirty = true
    private var paintScheduled = false
    private var lastPaint: ContinuousClock.Instant?
    private var isRunning = false
    private var stopRequested = false
    private var finished: CheckedContinuation<Void, Never>?
    private var busTask: Task<Void, Never>?
    /// Called after each input drain (lets the input thread wait for stdin again).
    var afterInputDrain: (() -> Void)?

    private var events: AsyncStream<[Event]>?

    /// `events`: a stream subscribed earlier with `bus.eventBatches()`, so nothing published before
    /// the loop starts is lost; by default the runtime subscribes when `run()` starts. Events are
    /// taken in batches (all that wait): a flood of output lines is one program step and at most
    /// one paint per frame interval, not one main-actor turn per line.
    public init(program: any TerminalProgram, terminal: Terminal, bus: Bus?, options: RuntimeOptions,
                events: AsyncStream<[Event]>? = nil) {
        self.program = program
        self.terminal = terminal
        self.bus = bus
        self.events = events
        self.options = options
        self.writer = TerminalWriter(terminal: terminal, theme: program.theme, asciiOnly: options.glyphs.isASCII)
    }

    /// Runs until the program quits or `stop()` is called. Paints the first frame at once.
    public func run() async {
        guard !isRunning else { return }
        isRunning = true
        program.resized(to: terminal.size)
        if let events = events ?? bus?.eventBatches() {
            self.events = nil
            busTask = Task { @MainActor [weak self] in
                for await batch in events {
                    guard let self, !self.stopRequested else { return }
                    self.handle(events: batch)
                }
            }
        }
        paint()
        if program.shouldQuit { stop(.quit) }
        if !stopRequested {
            await withCheckedContinuation { continuation in finished = continuation }
        }
        busTask?.cancel()
        busTask = nil
        isRunning = false
    }

    /// Ends the loop (quit key, SIGINT/SIGTERM, hangup).
    public func stop(_ reason: RuntimeCounters.StopReason = .requested) {
        if counters.stoppedBy == nil { counters.stoppedBy = reason }
        stopRequested = true
        finished?.resume()
        finished = nil
    }

    /// Reads every pending key from the terminal and hands them to the program.
    public func inputReady() {
        defer { afterInputDrain?() }
        while !stopRequested, let input = terminal.readInput() {
            switch input {
            case .key(let key):
                counters.keys += 1
                let changed = program.handle(key: key)
                afterProgramStep(changed: changed)
            case .resize:
                terminalResized()
            case .mouse(let event):
                afterProgramStep(changed: program.handle(mouse: event))
            }
        }
    }

    /// A file the program watches changed (theme, keymap): it reads them again; the theme may be new.
    public func filesChanged() {
        guard !stopRequested else { return }
        afterProgramStep(changed: program.filesChanged())
    }

    /// The terminal changed size (SIGWINCH or KEY_RESIZE): re-read it, re-lay out, repaint in full.
    public func terminalResized() {
        let size = terminal.updateSize()
        counters.resizes += 1
        program.resized(to: size)
        writer.invalidate()
        requestPaint()
    }

    /// A message from the bus.
    public func handle(event: Event) {
        handle(events: [event])
    }

    /// Messages from the bus that arrived together: one program step, one paint request.
    public func handle(events: [Event]) {
        counters.events += events.count
        afterProgramStep(changed: program.handle(events: events))
    }

    private func afterProgramStep(changed: Bool) {
        let commands = program.takeCommands()
        if let bus {
            for command in commands { bus.send(command) }
        }
        counters.commandsSent += commands.count
        if program.takeBell() { terminal.bell() }
        if let request = program.takeShellRequest() { runShell(request) }
        if program.shouldQuit { stop(.quit); return }
        if changed { requestPaint() }
    }

    /// `!`: the screen gives the terminal back, the project's shell runs in the foreground until it
    /// exits (this thread waits for it, as `system` would), then the screen is taken again and
    /// drawn whole; the footer says how the shell ended.
    func runShell(_ request: ShellRequest) {
        guard let planner = options.shellPlanner else {
            program.shellEnded(Notice("no shell from this console: it was started without one (a test or a benchmark)", role: .error))
            return
        }
        let plan: ShellPlan
        do throws(VantageError) { plan = try planner(request) } catch {
            program.shellEnded(Notice("no shell for \(request.project.name): \(error)", role: .error))
            return
        }
        terminal.suspend()
        let status: Int32
        let failure: VantageError?
        do throws(VantageError) {
            status = try ForegroundProgram.run(plan.argv, directory: plan.directory, environment: plan.environment)
            failure = nil
        } catch {
            status = -1
            failure = error
        }
        terminal.resume()
        terminalResized()
        if let failure {
            program.shellEnded(Notice("no shell for \(request.project.name): \(failure)", role: .error))
        } else {
            program.shellEnded(Notice("shell exited (status \(status))", role: status == 0 ? .ok : .warn))
        }
    }

    /// Marks the screen dirty and schedules one paint, no sooner than 1/maxFPS after the last.
    public func requestPaint() {
        dirty = true
        guard !paintScheduled, !stopRequested else { return }
        paintScheduled = true
        let interval = Duration.seconds(1) / options.maxFramesPerSecond
        let wait = lastPaint.map { max(.zero, interval - (ContinuousClock.now - $0)) } ?? .zero
        Task { @MainActor [weak self] in
            if wait > .zero { try? await Task.sleep(for: wait) }
            guard let self else { return }
            self.paintScheduled = false
            self.paint()
        }
    }

    /// Paints now if anything changed.
    public func paint() {
        guard dirty, !stopRequested else { return }
        dirty = false
        writer.setTheme(program.theme)
        let buffer = program.view(size: terminal.size)
        let bytesBefore = terminal.bytesWritten
        let fullBefore = writer.stats.fullRepaints
        let cells = writer.draw(buffer)
        lastPaint = .now
        if cells == 0 && writer.stats.fullRepaints == fullBefore {
            counters.unchangedFrames += 1
            return
        }
        counters.framesPainted += 1
        counters.fullRepaints = writer.stats.fullRepaints
        var frameBytes: UInt64?
        if let before = bytesBefore, let after = terminal.bytesWritten, after >= before {
            frameBytes = after - before
        } else {
            counters.bytesMeasured = false
        }
        counters.lastFrameBytes = frameBytes
        if counters.framesPainted == 1 {
            let elapsed = ContinuousClock.now - options.startedAt
            counters.firstFrameMilliseconds = Double(elapsed.components.seconds) * 1000
                + Double(elapsed.components.attoseconds) / 1e15
            counters.firstFrameSinceExecMilliseconds = options.processAge?()
            counters.firstFrameBytes = frameBytes
        } else if let frameBytes {
            counters.refreshBytes += frameBytes
            counters.maxRefreshBytes = max(counters.maxRefreshBytes, frameBytes)
        }
    }
}

extension TerminalRuntime {
    /// Runs the UI on the real terminal until the program quits or SIGINT/SIGTERM/SIGHUP arrives,
    /// then restores the terminal (endwin), sends `Command.shutdown` on the bus and returns what
    /// it measured (`counters.stoppedBy` says whether the user quit or a signal ended it: exit
    /// 0 for `.quit`, 130/143 for signals if you like). Throws `VantageError(.unavailable)` when the terminal cannot be opened (TERM
    /// unset or unknown and no fallback works): print it on one line and exit 2.
    @discardableResult
    ///
    /// Pass `events: bus.eventBatches()` taken before starting the actors to keep their first events
    /// (a scan result published before the screen is up); without it the runtime subscribes
    /// when the loop starts.
    public static func run(program: any TerminalProgram, bus: Bus, options: RuntimeOptions,
                           events: AsyncStream<[Event]>? = nil) async throws -> RuntimeCounters {
        // Signals ignored before ncurses starts, so ncurses leaves them to the dispatch sources.
        let signals = SignalSources()
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: options.environment,
                                           crashReport: CrashRescue.reportPath(environment: options.environment),
                                           mouse: options.mouse)
        } catch {
            signals.cancel()
            throw error
        }
        let runtime = TerminalRuntime(program: program, terminal: terminal, bus: bus, options: options, events: events)
        let watcher = InputWatcher()
        runtime.afterInputDrain = { watcher.drained() }
        signals.start(resize: { runtime.terminalResized() }, stop: { runtime.stop(.signal) })
        let stamps = FileStamps(paths: program.watchedFiles)
        watcher.start(ready: {
            Task { @MainActor in runtime.inputReady() }
        }, hangup: {
            Task { @MainActor in runtime.stop(.hangup) }
        }, tick: {
            if stamps.changed() { Task { @MainActor in runtime.filesChanged() } }
        })
        CrashRescue.scheduleDebugCrash(environment: options.environment)
        await runtime.run()
        watcher.stop()
        signals.cancel()
        terminal.close()
        bus.send(.shutdown)
        let counters = runtime.counters
        if let path = options.statsPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            if let data = try? encoder.encode(counters) {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
        }
        return counters
    }
}

/// SIGWINCH, SIGINT, SIGTERM and SIGHUP as dispatch sources on the main queue (a plain handler
/// would only run when the parked main thread wakes up; see the terminal notes).
///
/// `init` only sets the signals to SIG_IGN, before ncurses starts, so ncurses installs no
/// handlers of its own; the sources are created and resumed by `start` (a dispatch source must
/// never be released while suspended, so none exists until it can be resumed).
@MainActor
final class SignalSources {
    private var sources: [DispatchSourceSignal] = []
    private static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let all: [Int32] = [SIGWINCH] + stopping

    init() {
        for signo in Self.all { signal(signo, SIG_IGN) }
    }

    func start(resize: @escaping @MainActor () -> Void, stop: @escaping @MainActor () -> Void) {
        for signo in Self.all {
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .main)
            let isResize = signo == SIGWINCH
            source.setEventHandler {
                MainActor.assumeIsolated { isResize ? resize() : stop() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and gives the signals back their default actions.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for signo in Self.all { signal(signo, SIG_DFL) }
    }
}
