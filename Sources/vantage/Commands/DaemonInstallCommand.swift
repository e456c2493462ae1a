import ArgumentParser
import Foundation
import VantageCore

/// `vantage daemon install`: a systemd user unit that starts the daemon at login.
struct DaemonInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write a systemd user unit (~/.config/systemd/user/vantage.service) that runs `vantage daemon` at login, and enable it.",
        discussion: """
            When `systemctl --user` works, the unit is enabled and started. Without systemd (a \
            container, another init), the unit is still written and printed, with why it was not \
            enabled.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Print the unit without writing or enabling it.")
    var print = false

    func run() async throws {
        let roots = try workspace.resolvedRoots()
        let environment = ProcessInfo.processInfo.environment
        let unit = SystemdUnit.text(executable: DashboardCommand.executable(), roots: roots,
                                    vantageHome: environment["VANTAGE_HOME"], path: environment["PATH"])
        if print {
            Swift.print(unit, terminator: "")
            return
        }
        let file = SystemdUnit.path(environment: environment)
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(unit.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw VantageError(.io, "cannot write the unit: \(error.localizedDescription)", at: SourceLocation(file: file))
        }
        Swift.print("wrote \(file)")
        if let why = SystemdUnit.enable() {
            Swift.print("""
                not enabled: \(why)
                The daemon will not start at login by itself; start it with `vantage daemon \(roots.map { "--root " + TextEscaping.shellWord($0) }.joined(separator: " "))`, or use this unit with your init:

                \(unit)
                """, terminator: "")
        } else {
            Swift.print("enabled and started: vantage.service (`systemctl --user status vantage` shows it; `journalctl --user -u vantage` its messages)")
        }
    }
}

/// The daemon's systemd user unit.
enum SystemdUnit {
    /// `$XDG_CONFIG_HOME/systemd/user/vantage.service`, else `~/.config/systemd/user/vantage.service`.
    static func path(environment: [String: String]) -> String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/systemd/user/vantage.service"
    }

    static func text(executable: String, roots: [String], vantageHome: String?, path: String?) -> String {
        let command = ([executable, "daemon"] + roots.flatMap { ["--root", $0] }).map(execQuoted).joined(separator: " ")
        var lines = [
            "[Unit]",
            "Description=Vantage daemon: runs, watches and analyses the projects under \(roots.joined(separator: ", ").replacingOccurrences(of: "%", with: "%%"))",
            "",
            "[Service]",
            "Type=simple",
            "ExecStart=\(command)",
        ]
        if let vantageHome { lines.append("Environment=\(execQuoted("VANTAGE_HOME=" + vantageHome))") }
        // The projects find their toolchains (node, python, go…) on the PATH the installer had.
        if let path { lines.append("Environment=\(execQuoted("PATH=" + path))") }
        lines += [
            // Only the daemon gets the stop signal: it stops its projects itself, or leaves them for
            // the next daemon to adopt; systemd must not kill them behind its back.
            "KillMode=process",
            "Restart=on-failure",
            "RestartSec=2",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// One word of `ExecStart=` or `Environment=`: quoted when it holds a space, a quote or a
    /// backslash; `%` doubled (systemd's specifier character).
    static func execQuoted(_ word: String) -> String {
        let escaped = word.replacingOccurrences(of: "%", with: "%%")
        guard escaped.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "'" || $0 == "\t" }) else { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Enables and starts the unit with `systemctl --user`; nil when it worked, else why not.
    static func enable() -> String? {
        guard let systemctl = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map({ "\($0)/systemctl" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "systemctl is not installed (this system does not run systemd)"
        }
        for args in [["--user", "daemon-reload"], ["--user", "enable", "--now", "vantage.service"]] {
            let result: ChildProcess.Result
            do { result = try ChildProcess.run([systemctl] + args, timeout: 30) } catch { return "\(systemctl) \(args.joined(separator: " ")) could not run: \(error)" }
            if result.status != 0 {
                let said = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                return "`systemctl \(args.joined(separator: " "))` failed (\(said.isEmpty ? "exit status \(result.status)" : said)); systemd's user instance is not reachable here"
            }
        }
        return nil
    }
}
