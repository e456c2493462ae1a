import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageProbes

/// `vantage status [DIR...] [--json]`: the machine and the workspace's projects, from a fresh sample.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print system and project state from a fresh sample of /proc.")

    @Argument(help: ArgumentHelp("Folders whose projects to show (default: the current folder), as for `scan`.", valueName: "dir"))
    var directories: [String] = []

    /// `--root DIR` (older spelling, still accepted): the same as a DIR argument.
    @OptionGroup(visibility: .hidden) var workspace: WorkspaceOptions

    @Flag(help: "Print JSON: {\"system\": {...}, \"projects\": [{...}]}.")
    var json = false

    struct Report: Encodable {
        struct Row: Encodable {
            var name: String
            var path: String
            var kind: String
            var state: RunState
            var cpu: Double
            var rss: UInt64
            var pids: [Int32]
            var ports: [Int]
        }
        var system: SystemSample
        var projects: [Row]
    }

    /// The ports a project uses: those it listens on while it runs (a port Vantage moved it to
    /// included), else the ones it declares.
    static func portsInUse(declared: [Int], listening: [Int]) -> [Int] {
        (listening.isEmpty ? declared : listening).sorted()
    }

    func run() async throws {
        var given = workspace
        given.roots = directories + workspace.roots
        let roots = try given.resolvedRoots()
        let scan = try ProjectScanner().scan(roots: roots)
        for w in scan.warnings { writeStandardError("warning: \(w)\n") }
        let (system, samples) = await Monitor.sampleOnce(projects: scan.projects)
        let byID = Dictionary(samples.map { ($0.project, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = scan.projects.map { p -> Report.Row in
            let s = byID[p.id]
            return Report.Row(name: p.name, path: p.path, kind: p.primaryKind.rawValue, state: s?.state ?? .stopped,
                              cpu: s?.cpuPercent ?? 0, rss: s?.rssBytes ?? 0, pids: s?.pids ?? [],
                              ports: Self.portsInUse(declared: p.ports, listening: s?.listeningPorts ?? []))
        }
        if json {
            try JSONOutput.print(Report(system: system, projects: rows))
            return
        }
        print(String(format: "CPU %.1f %% of %d cores   memory %@ / %@   load %.2f %.2f %.2f",
                     system.cpuPercent, system.cpuCount, Bytes.human(system.memUsedBytes), Bytes.human(system.memTotalBytes),
                     system.load1, system.load5, system.load15))
        print(String(format: "net ↓%@/s ↑%@/s   disk r %@/s w %@/s",
                     Bytes.human(UInt64(system.netRxBytesPerSec)), Bytes.human(UInt64(system.netTxBytesPerSec)),
                     Bytes.human(UInt64(system.diskReadBytesPerSec)), Bytes.human(UInt64(system.diskWriteBytesPerSec))))
        let header = ["NAME", "KIND", "STATE", "CPU", "RSS", "PORTS"]
        let table = rows.map { [$0.name, $0.kind, $0.state.rawValue, String(format: "%.1f%%", $0.cpu), Bytes.human($0.rss),
                                $0.ports.map(String.init).joined(separator: ",")] }
        let widths = header.indices.map { i in ([header[i]] + table.map { $0[i] }).map(\.count).max() ?? 0 }
        for line in [header] + table {
            print(line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
        }
    }
}

enum Bytes {
    static func human(_ n: UInt64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = Double(n), i = 0
        while v >= 1024, i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(n) B" : String(format: "%.1f %@", v, units[i])
    }
}
