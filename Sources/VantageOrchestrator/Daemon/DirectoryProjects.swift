import Foundation
import VantageCore
import VantageFormats

/// A small stand-in for the workspace scanner, used by `vantage daemon --root DIR` until the scanner
/// is wired in: every folder (the root and its direct subfolders) with run evidence becomes a project.
public enum DirectoryProjects {
    public static func discover(root: String) -> [Project] {
        let fm = FileManager.default
        var dirs = [root]
        if let names = try? fm.contentsOfDirectory(atPath: root) {
            for n in names.sorted() where !n.hasPrefix(".") {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: root + "/" + n, isDirectory: &isDir), isDir.boolValue { dirs.append(root + "/" + n) }
            }
        }
        return dirs.compactMap(project(at:))
    }

    public static func project(at dir: String) -> Project? {
        let fm = FileManager.default
        func has(_ f: String) -> Bool { fm.fileExists(atPath: dir + "/" + f) }
        var kinds: [ProjectKind] = []
        if has("Procfile") { kinds.append(.procfile) }
        if has("package.json") { kinds.append(.node) }
        if has("pyproject.toml") || has("requirements.txt") || has("manage.py") || has("app.py") || has("main.py") { kinds.append(.python) }
        if has("go.mod") { kinds.append(.go) }
        if has("Package.swift") { kinds.append(.swift) }
        if has("Cargo.toml") { kinds.append(.rust) }
        let hasConfig = has(ProjectConfigReader.fileName)
        if kinds.isEmpty && !hasConfig { return nil }
        if kinds.isEmpty { kinds = [.command] }
        let url = URL(fileURLWithPath: dir).standardizedFileURL
        var name = url.lastPathComponent
        var ports: [Int] = []
        var command: String?
        var problem: String?
        if hasConfig {
            do throws(VantageError) {
                if let reading = try ProjectConfigReader.load(projectPath: dir) {
                    if let n = reading.config.name { name = n }
                    command = reading.config.command
                    ports = reading.config.ports
                    problem = reading.errors.first?.description
                }
            } catch { problem = error.description }
        }
        if ports.isEmpty, let env = try? DotEnvFile.assignments(contentsOf: dir + "/.env"), let p = env.last(where: { $0.key == "PORT" }).flatMap({ Int($0.value) }) {
            ports = [p]
        }
        return Project(name: name, path: url.path, kinds: kinds, command: command, ports: ports, configProblem: problem)
    }
}
