import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage attach --stdio`: what a console on another host runs here over ssh
/// (`vantage --connect ssh://user@host`): standard input and output joined to this machine's daemon.
struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Join standard input and output to this machine's Vantage daemon (run over ssh by `vantage --connect ssh://user@host`).")

    @Flag(help: "Speak the attach protocol on standard input and output.")
    var stdio = false

    func validate() throws {
        guard stdio else {
            throw ValidationError("attach only runs with --stdio (a console reaches this host with `vantage --connect ssh://user@host`; to open the console here, run `vantage`)")
        }
    }

    func run() throws {
        do {
            try ControlBridge.run(VantagePaths.fromEnvironment())
        } catch {
            FileHandle.standardError.write(Data("vantage: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
