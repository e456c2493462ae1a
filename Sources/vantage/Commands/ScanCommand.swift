import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector

/// `vantage scan [DIR...] [--json] [--depth N]`: the projects found under the given folders.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the projects found under the given folders (default: the current folder).",
        discussion: """
        Detects node, python, go, swift, rust, Procfile, compose, Docker and Java projects from their \
        manifests, with the proposed start command, declared ports and direct dependencies. \
        Problems in manifests are printed as warnings on stderr; the scan goes on.
        """)

    @Argument(help: ArgumentHelp("Folders to scan.", valueName: "dir"))
    var directories: [String] = []

    @Flag(help: "Print a JSON array of projects (see docs/scan-json.md).")
    var json = false

    @Option(help: ArgumentHelp("How many folder levels below each root to look into.", valueName: "n"))
    var depth: Int = 4

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        let roots = directories.isEmpty ? [FileManager.default.currentDirectoryPath] : directories
        let result: ScanResult
        do {
            result = try ProjectScanner().scan(roots: roots, maxDepth: depth)
        } catch {
            writeStandardError("vantage: \(error.description)\n")
            throw ExitCode(2)
        }
        for warning in result.warnings {
            writeStandardError("warning: \(warning.description)\n")
        }
        if json {
            try JSONOutput.print(result.projects.map(ScanReportEntry.init))
        } else {
            print(ScanTable.render(result.projects, relativeTo: FileManager.default.currentDirectoryPath))
        }
    }
}

/// The human-readable table `vantage scan` prints.
enum ScanTable {
    static func render(_ projects: [Project], relativeTo cwd: String) -> String {
        guard !projects.isEmpty else { return "No projects found." }
        let header = ["NAME", "KIND", "PORTS", "COMMAND", "PATH"]
        let rows = projects.map { p -> [String] in
            let path = p.path.hasPrefix(cwd + "/") ? String(p.path.dropFirst(cwd.count + 1)) : p.path
            return [p.name, p.kinds.map(\.rawValue).joined(separator: ","),
                    p.ports.map(String.init).joined(separator: ","), p.command ?? "-", path]
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, pair in
                i == cells.count - 1 ? pair.0 : pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let count = WorkText.count(projects.count, "project")
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(count)"
    }
}
