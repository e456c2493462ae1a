import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

extension OnExit: ExpressibleByArgument {}

/// The default of `--on-exit`: `on_exit = "stop" | "keep" | "ask"` in
/// `$XDG_CONFIG_HOME/vantage/settings.toml` (`~/.config/vantage/settings.toml`), else `ask`.
enum OnExitSetting {
    static func file(userConfigDirectory: String) -> String { userConfigDirectory + "/settings.toml" }

    static func read(userConfigDirectory: String) throws(VantageError) -> OnExit {
        let path = file(userConfigDirectory: userConfigDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return .ask }
        let table = try TOMLParser.parse(contentsOf: path)
        guard let value = table["on_exit"] else { return .ask }
        guard let text = value.stringValue, let choice = OnExit(rawValue: text) else {
            throw VantageError(.config, "expected \"stop\", \"keep\" or \"ask\"",
                               at: SourceLocation(file: path, line: table.line(of: "on_exit"), field: "on_exit"))
        }
        return choice
    }

    /// What to do with the running projects: `setting` itself unless it is `ask`; then the answer
    /// to the quit question on screen (`App.quitChoice`). Without an answer (a hang-up or a signal
    /// closed the screen, or a project started as `q` was pressed) they keep running, since
    /// stopping them loses work the user did not agree to lose.
    static func decide(_ setting: OnExit, answered: OnExit?, running: [String]) -> OnExit {
        guard !running.isEmpty else { return .stop }
        guard setting == .ask else { return setting }
        return answered ?? .keep
    }

    /// The line printed after a handover: who supervises the projects now, and how to reach them.
    static func handedOver(_ result: DaemonHandover.Result, names: [String]) -> String {
        let adopted = result.projects.filter { names.contains($0.name) && $0.state.isUp }.map(\.name)
        return "\(adopted.isEmpty ? "no project" : adopted.joined(separator: ", ")) kept running under the Vantage daemon "
            + "(pid \(result.pid), log \(result.log)); `vantage ps` lists them, `vantage stop NAME` stops one, "
            + "and `vantage` attaches to the daemon."
    }
}
