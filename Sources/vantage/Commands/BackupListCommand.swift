import ArgumentParser
import Foundation
import VantageCore
import VantageTUI

/// `vantage backup list NAME [--json]`: the project's snapshots, oldest first.
struct BackupListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the project's snapshots (size and added data for those Vantage took).")
    @OptionGroup var target: BackupTarget
    @Flag(help: "Print a JSON array of {id, time, paths, tags, size, added, duration}.") var json = false

    func run() async throws {
        let snapshots = try target.open().list()
        if json {
            try JSONOutput.print(snapshots)
            return
        }
        guard !snapshots.isEmpty else {
            print("No snapshots of \(target.name) yet. Take one with: vantage backup run \(target.name)")
            return
        }
        let zone = ClockZone.system
        let rows = snapshots.map { s -> [String] in
            [String(s.id.prefix(8)), zone.minuteStamp(s.time), s.size.map { Formatting.bytes(Double($0)) } ?? "-",
             s.added.map { Formatting.bytes(Double($0)) } ?? "-", s.duration.map { Formatting.fixed($0, 1) + " s" } ?? "-",
             s.tags.filter { !$0.hasPrefix("project:") }.joined(separator: " ")]
        }
        print(DepsOutput.table(["ID", "TIME", "SIZE", "ADDED", "TOOK", "TAGS"], rows))
    }
}
