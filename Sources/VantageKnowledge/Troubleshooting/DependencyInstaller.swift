import Foundation
import VantageCore

/// Applies `FixAction.installDependency`: installs a package the project's own manifest declares
/// into the project's own environment, with the ecosystem's tool.
/// - pip: creates `.venv` with `python3 -m venv` when missing, then `.venv/bin/pip install SPEC`,
///   where SPEC is the requirement as written in `requirements.txt` (or the bare name).
/// - npm: `npm install` in the project folder (from `package.json`, into `node_modules`).
public enum DependencyInstaller {
    public struct Outcome: Sendable, Equatable {
        public var succeeded: Bool
        /// The commands run, as a person would type them.
        public var commands: [String]
        /// The tool's output, for the user when it fails.
        public var output: String
    }

    public static func install(_ name: String, manager: PackageManager, projectPath: String) -> Outcome {
        switch manager {
        case .pip:
            var commands: [String] = []
            var output = ""
            let venv = projectPath + "/.venv"
            if !FileManager.default.isExecutableFile(atPath: venv + "/bin/pip") {
                let created = run(["python3", "-m", "venv", ".venv"], in: projectPath)
                commands.append("python3 -m venv .venv")
                output += created.output
                guard created.status == 0 else { return Outcome(succeeded: false, commands: commands, output: output) }
            }
            let spec = requirement(named: name, inFolder: projectPath) ?? name
            let installed = run([venv + "/bin/pip", "install", "--disable-pip-version-check", "--no-input", spec], in: projectPath)
            commands.append(".venv/bin/pip install \(spec)")
            output += installed.output
            return Outcome(succeeded: installed.status == 0, commands: commands, output: output)
        case .npm:
            let installed = run(["npm", "install", "--no-audit", "--no-fund"], in: projectPath)
            return Outcome(succeeded: installed.status == 0, commands: ["npm install"], output: installed.output)
        }
    }

    /// The line of `requirements.txt` that names `name` (PyPI names compared loosely), without
    /// comments, hashes or environment markers.
    static func requirement(named name: String, inFolder folder: String) -> String? {
        guard let text = try? String(contentsOfFile: folder + "/requirements.txt", encoding: .utf8) else { return nil }
        let wanted = ProjectContext.pypiName(name)
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            for cut in [";", " --hash", "\\"] { if let r = line.range(of: cut) { line = String(line[..<r.lowerBound]) } }
            line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("-") else { continue }
            let end = line.firstIndex { "=<>!~[ ".contains($0) } ?? line.endIndex
            if ProjectContext.pypiName(String(line[..<end])) == wanted { return line }
        }
        return nil
    }

    /// Runs an installer (pip, npm …) in the project folder through `ChildProcess`: clean signal
    /// mask (Foundation.Process passes the caller's blocked signals on), output and errors together,
    /// stopped after 10 minutes.
    static func run(_ arguments: [String], in folder: String) -> (status: Int32, output: String) {
        do {
            let r = try ChildProcess.run(arguments, directory: folder, timeout: 600)
            return (r.status, r.timedOut ? r.output + "\n(stopped after 10 minutes)" : r.output)
        } catch {
            return (127, error.message)
        }
    }
}
