import ArgumentParser
import Foundation
import VantageCore
import VantageDetector
import VantageOrchestrator
import VantageProbes
import VantageStore
#if canImport(Glibc)
import Glibc
#endif

/// `vantage daemon`: every actor, headless, in the foreground; consoles and the CLI attach to it.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run every Vantage actor headless in the foreground (supervisor, monitor, recorder, analyzer, troubleshooter, council, Docker, scheduler); consoles and the CLI attach to it.",
        subcommands: [DaemonInstallCommand.self])

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Seconds between SIGTERM and SIGKILL when stopping a project (default: each project's stop_timeout, 10).")
    var stopTimeout: Double?

    @Flag(name: .long, help: "On SIGTERM or Ctrl-C leave the projects running; the next daemon adopts them.")
    var keepRunning = false

    @Flag(name: .long, help: "Throttle lower-priority projects when the machine runs out of CPU or memory (also [resources] governor = true in vantage.toml; off otherwise).")
    var governor = false

    @Option(help: ArgumentHelp("Seconds between samples of /proc.", valueName: "seconds"))
    var refresh: Double = 1.0

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3600 else { throw ValidationError("--refresh must be between 0.1 and 3600 seconds") }
        if let stopTimeout, !(stopTimeout.isFinite && stopTimeout >= 0 && stopTimeout <= 3600) {
            throw ValidationError("--stop-timeout must be between 0 and 3600 seconds")
        }
    }

    func run() async throws {
        let paths = VantagePaths.fromEnvironment()
        let roots = try workspace.resolvedRoots()
        // The one project detector, as the console and `vantage scan` use it.
        let scanStart = ContinuousClock.now
        let scan = try ProjectScanner().scan(roots: roots)
        let scanTime = ContinuousClock.now - scanStart
        for warning in scan.warnings { writeStandardError("vantage daemon: warning: \(warning)\n") }
        var options = SupervisorOptions()
        options.stopTimeout = stopTimeout
        options.pressure.enabled = try governor || WorkspaceConfig.governor(roots: roots)
        let engines = try WorkspaceConfig.dockerEngines(roots: roots)
        var vault: SecretVault?
        if SecretVault.isPassphraseProtected(paths) {
            // A sealed key with a wrong or missing passphrase stops the daemon: projects must not
            // start without the secrets they were given.
            vault = try PassphrasePrompt.openVault(paths)
        } else {
            do { vault = try SecretVault.open(paths) } catch {
                writeStandardError("vantage daemon: secrets are unavailable: \(error)\n")
            }
        }
        let store = try Store.open(paths: paths)
        let bus = Bus(clock: SystemClock())   // the one clock of this process: every actor reads bus.clock
        let actors = try await HostedActors.make(bus: bus, store: store, paths: paths, projects: scan.projects, engines: engines,
                                                 interval: .seconds(refresh), supervisorOptions: options, secrets: vault)
        actors.start(started: bus.clock.now)
        Workspace.publish(scan: scan, roots: roots, duration: scanTime, on: bus)
        actors.watch(roots: roots, initial: scan)
        let adoption = actors.adoption
        if !adoption.adopted.isEmpty { writeStandardError("adopted: \(adoption.adopted.joined(separator: ", "))\n") }
        if !adoption.lost.isEmpty { writeStandardError("lost: \(adoption.lost.joined(separator: ", "))\n") }
        writeStandardError("vantage daemon: pid \(getpid()), \(WorkText.count(scan.projects.count, "project")), socket \(paths.socket)\n")

        let received = await SignalWaiter([SIGTERM, SIGINT]).wait()
        writeStandardError("vantage daemon: \(received == SIGTERM ? "SIGTERM" : "SIGINT") received, \(keepRunning ? "leaving projects running" : "stopping projects")\n")
        await actors.stop(keepRunning ? OnExit.keep : OnExit.stop)
    }
}
