import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageFormats
import VantageDocker
import VantageKnowledge
import VantageOrchestrator
import VantageProbes
import VantageStore
import VantageTUI

/// `vantage [--root DIR]...`: the full-screen dashboard.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Theme name (in themes/ or your config folder) or a path to a theme file.", valueName: "name|path"))
    var theme: String?

    @Option(help: ArgumentHelp("Keymap preset name (default, vim, emacs) or a path to a keymap file.", valueName: "name|path"))
    var keymap: String?

    @Flag(help: "Draw with ASCII only, whatever the locale.")
    var ascii = false

    @Flag(help: "Leave the mouse to the terminal: no clicks or wheel in the dashboard (default: mouse in ~/.config/vantage/settings.toml, else on).")
    var noMouse = false

    @Option(help: ArgumentHelp("Seconds between samples of /proc.", valueName: "seconds"))
    var refresh: Double = 1.0

    @Option(name: .customLong("connect"),
            help: ArgumentHelp("Attach to another host's Vantage daemon through your own ssh (ssh://user@host[:port]) or to a daemon's socket "
                               + "(unix:///path/vantage.sock); repeat for several hosts ([[hosts]] in vantage.toml adds more).", valueName: "url"))
    var connect: [String] = []

    @Option(name: .customLong("remote-vantage"),
            help: ArgumentHelp("The vantage program --connect runs on a remote host (default: vantage on its PATH; `vantage` in [[hosts]] sets it per host).",
                               valueName: "path"))
    var remoteVantage: String?

    @Option(name: .customLong("on-exit"),
            help: ArgumentHelp("What quitting does with running projects: stop them, keep them running under a Vantage daemon, or ask "
                               + "(default: on_exit in ~/.config/vantage/settings.toml, else ask).", valueName: "stop|keep|ask"))
    var onExit: OnExit?

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3600 else {
            throw ValidationError("--refresh must be between 0.1 and 3600 seconds")
        }
        for text in connect {
            if case .failure(let problem) = HostURL.parse(text) { throw ValidationError("--connect: " + problem.message) }
        }
        if let remoteVantage, remoteVantage.isEmpty || remoteVantage.contains("\0") {
            throw ValidationError("--remote-vantage needs a program path")
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let roots = try workspace.resolvedRoots()
        // Bad user files stop here, before the screen is taken, with file:line: field.
        let locator = ConfigLocator.fromEnvironment()
        var themes = try ThemeLoader.resolvePair(theme, locator: locator)
        // Without --theme, start in the variant that matches the terminal's background (`t` still switches).
        if theme == nil, let variant = TerminalBackground.detect(fd: STDOUT_FILENO, environment: ProcessInfo.processInfo.environment),
           variant != themes.current.variant {
            themes = ThemePair(current: themes.other, other: themes.current)
        }
        let keys = try KeymapLoader.resolve(keymap, locator: locator)
        let live = LiveConfig(theme: theme, keymap: keymap, locator: locator)
        let onExitChoice = try onExit ?? OnExitSetting.read(userConfigDirectory: locator.userConfigDirectory)
        var options = RuntimeOptions.detect(ascii: ascii, startedAt: started)
        options.processAge = ProcessLookup.ageOfThisProcess
        options.mouse = try !noMouse && MouseSetting.read(userConfigDirectory: locator.userConfigDirectory)
        let paths = VantagePaths.fromEnvironment()
        let store = try Store.open(paths: paths)
        let engines = try WorkspaceConfig.dockerEngines(roots: roots)

        let bus = Bus(clock: SystemClock())   // the one clock of this process: every actor reads bus.clock
        options.shellPlanner = ConsoleShell.planner(paths: paths, bus: bus, engines: engines)
        let uiEvents = bus.eventBatches()
        // Other hosts' daemons (--connect, [[hosts]]): the console is their view, and this
        // machine's daemon's when one runs.
        let hosts = try RemoteHosts.resolve(connect: connect, remoteVantage: remoteVantage, roots: roots)
        if !hosts.isEmpty {
            var attachments = hosts.map { $0.attachment(bus: bus) }
            if SupervisorConnection.isDaemonRunning(paths) { attachments.insert(Self.localAttachment(paths, bus: bus), at: 0) }
            let counters = try await Self.attached(attachments, roots: roots, store: store, bus: bus, events: uiEvents,
                                                   keymap: keys, themes: themes, options: options, live: live)
            if counters.stoppedBy == .signal || counters.stoppedBy == .hangup { throw ExitCode(130) }
            return
        }
        // A daemon (or another console) hosts the actors: attach to it, and the screen shows its state.
        if SupervisorConnection.isDaemonRunning(paths) {
            let counters = try await Self.attached([Self.localAttachment(paths, bus: bus)], roots: roots, store: store, bus: bus, events: uiEvents,
                                                   keymap: keys, themes: themes, options: options, live: live)
            if counters.stoppedBy == .signal || counters.stoppedBy == .hangup { throw ExitCode(130) }
            return
        }

        // The scan is a few milliseconds on a workspace: doing it first lets the first frame
        // show every project.
        let scanStart = ContinuousClock.now
        let scan = try ProjectScanner(lastGood: LastGoodConfigStore(paths: paths)).scan(roots: roots)
        let scanTime = ContinuousClock.now - scanStart

        var supervisorOptions = SupervisorOptions()
        supervisorOptions.pressure.enabled = try WorkspaceConfig.governor(roots: roots)
        let alerts = try WorkspaceConfig.alertRules(roots: roots)
        let notify = try WorkspaceConfig.notifyTargets(roots: roots)
        let session = try await HostedActors.make(bus: bus, store: store, paths: paths, projects: scan.projects, engines: engines,
                                                  interval: .seconds(refresh), supervisorOptions: supervisorOptions,
                                                  secrets: HostedSupervisor.vaultWithoutPrompt(paths, bus: bus))
        session.start(started: bus.clock.now, alerts: alerts, notify: notify)
        Workspace.publish(scan: scan, roots: roots, duration: scanTime, on: bus)
        session.watch(roots: roots, initial: scan)

        let counters: RuntimeCounters
        let answered: OnExit?
        do {
            (counters, answered) = try await Self.runScreen(roots: roots, projects: scan.projects, keymap: keys, themes: themes,
                                                            options: options, onExit: onExitChoice, hostsProjects: true, bus: bus,
                                                            events: uiEvents, live: live)
        } catch {
            await session.stop()
            throw error
        }
        // The quit question was answered on screen; without an answer (a hang-up or a signal
        // closed the screen) projects keep running, handed over.
        let running = await session.runningProjects()
        let choice = OnExitSetting.decide(onExitChoice, answered: answered, running: running)
        await session.stop(choice)
        if choice == .keep && !running.isEmpty {
            do {
                let result = try await DaemonHandover.start(executable: Self.executable(), roots: roots, paths: paths)
                print(OnExitSetting.handedOver(result, names: running))
            } catch {
                FileHandle.standardError.write(Data("vantage: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        if counters.stoppedBy == .signal || counters.stoppedBy == .hangup { throw ExitCode(130) }
    }

    /// The console attached to the running daemon: its state and events on this bus, the screen's
    /// commands to it; the metric history of other windows is read from the store here. Quitting
    /// leaves everything running under the daemon.
    static func attached(_ attachments: [HostAttachment], roots: [String], store: Store, bus: Bus, events: AsyncStream<[Event]>,
                         keymap: Keymap, themes: ThemePair, options: RuntimeOptions, live: LiveConfig?) async throws -> RuntimeCounters {
        let history = StoredHistory(store: store, bus: bus, clock: bus.clock)
        let historyCommands = bus.commands(StoredHistory.commandKinds)
        let reading = Task { await history.run(commands: historyCommands) }
        for attachment in attachments { attachment.start() }
        defer {
            for attachment in attachments { attachment.stop() }
            reading.cancel()
            bus.close()
        }
        return try await runScreen(roots: roots, projects: [], keymap: keymap, themes: themes, options: options, onExit: .keep,
                                   hostsProjects: false, bus: bus, events: events, live: live).0
    }

    /// This machine's daemon, on its control socket.
    static func localAttachment(_ paths: VantagePaths, bus: Bus) -> HostAttachment {
        HostAttachment(name: "local", address: paths.socket, bus: bus, clock: bus.clock) { () throws(VantageError) in
            try ControlClient.connect(paths)
        }
    }

    /// This program's own file, to start the daemon that takes the projects over.
    static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// ncurses is owned by the main actor only.
    @MainActor
    static func runScreen(roots: [String], projects: [Project], keymap: Keymap, themes: ThemePair, options: RuntimeOptions,
                          onExit: OnExit, hostsProjects: Bool, bus: Bus,
                          events: AsyncStream<[Event]>, live: LiveConfig? = nil) async throws -> (RuntimeCounters, OnExit?) {
        let app = App(roots: roots, projects: projects, keymap: keymap, darkTheme: themes.dark,
                      lightTheme: themes.light, startVariant: themes.current.variant, glyphs: options.glyphs,
                      now: bus.clock.now)
        app.monochrome = !(options.environment["NO_COLOR"] ?? "").isEmpty
        app.onExit = onExit
        app.liveConfig = live
        // Attached to a daemon, quitting changes nothing for the projects: no question.
        app.hostsProjects = { hostsProjects }
        let counters = try await TerminalRuntime.run(program: app, bus: bus, options: options, events: events)
        return (counters, app.quitChoice)
    }
}
