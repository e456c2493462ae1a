import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDocker
import VantageKnowledge
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

    @Option(help: ArgumentHelp("Seconds between samples of /proc.", valueName: "seconds"))
    var refresh: Double = 1.0

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3600 else {
            throw ValidationError("--refresh must be between 0.1 and 3600 seconds")
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let roots = try workspace.resolvedRoots()
        // Bad user files stop here, before the screen is taken, with file:line: field.
        let locator = ConfigLocator.fromEnvironment()
        let themes = try ThemeLoader.resolvePair(theme, locator: locator)
        let keys = try KeymapLoader.resolve(keymap, locator: locator)
        let options = RuntimeOptions.detect(ascii: ascii, startedAt: started)
        let paths = VantagePaths.fromEnvironment()
        let store = try Store.open(paths: paths)
        let engines = try WorkspaceConfig.dockerEngines(roots: roots)

        // The scan is a few milliseconds on a workspace: doing it first lets the first frame
        // show every project.
        let scanStart = ContinuousClock.now
        let scan = try ProjectScanner().scan(roots: roots)
        let scanTime = ContinuousClock.now - scanStart

        let bus = Bus()
        let uiEvents = bus.events()
        let session = DashboardSession(bus: bus, store: store, paths: paths, projects: scan.projects,
                                       engines: engines, interval: .seconds(refresh))
        session.start()
        Workspace.publish(scan: scan, roots: roots, duration: scanTime, on: bus)

        let counters: RuntimeCounters
        do {
            counters = try await Self.runScreen(roots: roots, projects: scan.projects, keymap: keys, themes: themes,
                                                options: options, bus: bus, events: uiEvents)
        } catch {
            await session.stop()
            throw error
        }
        await session.stop()
        if counters.stoppedBy == .signal || counters.stoppedBy == .hangup { throw ExitCode(130) }
    }

    /// ncurses is owned by the main actor only.
    @MainActor
    static func runScreen(roots: [String], projects: [Project], keymap: Keymap, themes: ThemePair, options: RuntimeOptions,
                          bus: Bus, events: AsyncStream<Event>) async throws -> RuntimeCounters {
        let app = App(roots: roots, projects: projects, keymap: keymap, darkTheme: themes.dark,
                      lightTheme: themes.light, startVariant: themes.current.variant, glyphs: options.glyphs)
        app.monochrome = !(options.environment["NO_COLOR"] ?? "").isEmpty
        return try await TerminalRuntime.run(program: app, bus: bus, options: options, events: events)
    }
}
