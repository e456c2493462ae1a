import ArgumentParser
import Foundation
import VantageCore

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
        throw CommandLineFailure(message: "the dashboard is being wired up", status: 1)
    }
}
