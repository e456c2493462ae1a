import ArgumentParser
import Foundation
import VantageCore

@main
struct Vantage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vantage",
        abstract: "Run, watch, analyse and maintain every project you work on, from one terminal console.",
        discussion: "Without a subcommand, opens the dashboard on the --root folders (default: the current folder).",
        // Each subcommand lives in Commands/<Name>Command.swift.
        subcommands: [
            DashboardCommand.self,
            ScanCommand.self,
            StatusCommand.self,
            DaemonCommand.self,
            ApiCommand.self,
            AttachCommand.self,
            LaunchCommand.self,
            StopCommand.self,
            RestartCommand.self,
            DeployCommand.self,
            RollbackCommand.self,
            ReleasesCommand.self,
            CICommand.self,
            PauseCommand.self,
            UnpauseCommand.self,
            KillCommand.self,
            RemoveCommand.self,
            PsCommand.self,
            LogsCommand.self,
            EnvCommand.self,
            SecretCommand.self,
            LimitCommand.self,
            AnalyzeCommand.self,
            DepsCommand.self,
            GraphCommand.self,
            MemoryCommand.self,
            ScheduleCommand.self,
            BackupCommand.self,
            HistoryCommand.self,
            TroubleshootCommand.self,
            BenchCommand.self,
            RenderCheckCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self)

    /// Every failure ends the same way: one clear line on stderr. Usage errors and bad user files
    /// exit with status 2; help and version requests print in full and exit 0.
    static func main() async {
        PassphrasePrompt.takeAtStart()
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as VantageError {
            CommandLineOutput.fail(error.description, status: error.category == .io ? 1 : 2)
        } catch let error as CommandLineFailure {
            CommandLineOutput.fail(error.message, status: error.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            if code == .validationFailure {
                let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                CommandLineOutput.fail(message + " (see 'vantage --help')", status: 2)
            }
            exit(withError: error)
        }
    }
}

/// A failure a subcommand reports with its own exit status (e.g. 1 for "vulnerable").
struct CommandLineFailure: Error {
    var message: String
    var status: Int32
}

enum CommandLineOutput {
    static func fail(_ message: String, status: Int32) -> Never {
        writeStandardError(("vantage: " + message + "\n"))
        exit(status)
    }
}
