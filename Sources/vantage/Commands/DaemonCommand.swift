import ArgumentParser
import Foundation
import VantageAPI
import VantageCore
import VantageDetector
import VantageFormats
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

    @Option(help: ArgumentHelp("Serve the HTTP API on this address (also [api] listen in vantage.toml); loopback unless TLS is given.", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate (chain) for the HTTP API: serve HTTPS.", valueName: "file"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    func validate() throws {
        if let listen, case .failure(let problem) = ListenAddress.parse(listen) { throw ValidationError("--listen: \(problem.message)") }
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
        let scan = try ProjectScanner(lastGood: LastGoodConfigStore(paths: paths)).scan(roots: roots)
        let scanTime = ContinuousClock.now - scanStart
        for warning in scan.warnings { writeStandardError("vantage daemon: warning: \(warning)\n") }
        var options = SupervisorOptions()
        options.stopTimeout = stopTimeout
        options.pressure.enabled = try governor || WorkspaceConfig.governor(roots: roots)
        let engines = try WorkspaceConfig.dockerEngines(roots: roots)
        // Checked before anything starts: an address the API must not serve on stops the daemon here.
        let api = try apiConfiguration(roots: roots)
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
        let alerts = try WorkspaceConfig.alertRules(roots: roots)
        let notify = try WorkspaceConfig.notifyTargets(roots: roots)
        let store = try Store.open(paths: paths)
        let bus = Bus(clock: SystemClock())   // the one clock of this process: every actor reads bus.clock
        let actors = try await HostedActors.make(bus: bus, store: store, paths: paths, projects: scan.projects, engines: engines,
                                                 interval: .seconds(refresh), supervisorOptions: options, secrets: vault)
        actors.start(started: bus.clock.now, alerts: alerts, notify: notify)
        Workspace.publish(scan: scan, roots: roots, duration: scanTime, on: bus)
        actors.watch(roots: roots, initial: scan)
        let adoption = actors.adoption
        if !adoption.adopted.isEmpty { writeStandardError("adopted: \(adoption.adopted.joined(separator: ", "))\n") }
        if !adoption.lost.isEmpty { writeStandardError("lost: \(adoption.lost.joined(separator: ", "))\n") }
        writeStandardError("vantage daemon: pid \(getpid()), \(WorkText.count(scan.projects.count, "project")), socket \(paths.socket)\n")
        var server: APIServer?
        if let api {
            do {
                server = try await APIServer.start(api, control: actors.control, bus: bus, paths: paths)
            } catch {
                await actors.stop(keepRunning ? OnExit.keep : OnExit.stop)
                throw error
            }
            writeStandardError("vantage daemon: HTTP API on \(api.tls == nil ? "http" : "https")://\(api.address.host.contains(":") ? "[\(api.address.host)]" : api.address.host):\(server?.port ?? api.address.port) (bearer token in \(APIToken.path(paths)); `vantage api token` prints it)\n")
        }

        let received = await SignalWaiter([SIGTERM, SIGINT]).wait()
        writeStandardError("vantage daemon: \(received == SIGTERM ? "SIGTERM" : "SIGINT") received, \(keepRunning ? "leaving projects running" : "stopping projects")\n")
        await server?.stop()
        await actors.stop(keepRunning ? OnExit.keep : OnExit.stop)
    }

    /// The HTTP API's address and TLS files: the flags, else `[api]` in vantage.toml; nil when neither asks for it.
    private func apiConfiguration(roots: [String]) throws -> APIConfiguration? {
        if let listen, case .success(let address) = ListenAddress.parse(listen) {
            return try APIConfiguration(address: address, source: "--listen", certificate: tlsCertificate, key: tlsKey)
        }
        if let configured = try WorkspaceConfig.api(roots: roots) {
            return try APIConfiguration(address: configured.listen, source: "[api] listen in \(configured.file)",
                                        certificate: tlsCertificate ?? configured.certificate, key: tlsKey ?? configured.key)
        }
        guard tlsCertificate == nil, tlsKey == nil else { throw ValidationError("--tls-cert and --tls-key are for the HTTP API: give --listen host:port too") }
        return nil
    }
}
