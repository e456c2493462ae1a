import ArgumentParser
import Foundation
import VantageCore
import VantageDetector
import VantageOrchestrator
import VantageStore

/// `vantage daemon`: the supervisor without a screen, in the foreground.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run the supervisor headless in the foreground; other vantage commands and the console attach to it.")

    @Option(name: .long, help: "A folder whose projects (it and its direct subfolders) the daemon may run. Repeatable.")
    var root: [String] = []

    @Option(name: .long, help: "Seconds between SIGTERM and SIGKILL when stopping a project (default: each project's stop_timeout, 10).")
    var stopTimeout: Double?

    @Flag(name: .long, help: "On SIGTERM or Ctrl-C leave the projects running; the next daemon adopts them.")
    var keepRunning = false

    @Flag(name: .long, help: "Throttle lower-priority projects when the machine runs out of CPU or memory (also [resources] governor = true in vantage.toml; off otherwise).")
    var governor = false

    func run() async throws {
        let paths = VantagePaths.fromEnvironment()
        let roots = root.isEmpty ? [FileManager.default.currentDirectoryPath] : root
        // The same scanner as `vantage scan`: every project kind, to the same depth, with its warnings.
        let scan = try ProjectScanner().scan(roots: roots)
        for warning in scan.warnings { writeStandardError("vantage daemon: warning: \(warning)\n") }
        var settings = Daemon.Settings(projects: scan.projects)
        settings.options.stopTimeout = stopTimeout
        settings.keepProjectsRunning = keepRunning
        settings.options.pressure.enabled = try governor || WorkspaceConfig.governor(roots: roots)
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
        // Scheduled jobs run here (`vantage schedule`); without the database the daemon still supervises.
        do {
            let store = try Store.open(paths: paths)
            let projects = settings.projects
            settings.scheduler = { bus in
                ScheduledActionContext(bus: bus, paths: paths, projects: { projects }).scheduler(store: store)
            }
        } catch {
            FileHandle.standardError.write(Data("vantage daemon: scheduled jobs will not run: \(error)\n".utf8))
        }
        try await Daemon.run(paths: paths, settings: settings, secrets: vault)
    }
}
