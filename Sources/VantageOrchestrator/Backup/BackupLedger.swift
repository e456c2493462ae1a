import Foundation
import VantageCore

/// What restic 0.14's snapshot list does not keep: each snapshot's size, the data it added and how
/// long it took, recorded by Vantage from the backup's summary in `$VANTAGE_HOME/backups/snapshots.json`.
/// A snapshot made by hand with restic has no entry; its size and added data are then unknown.
public struct BackupLedger: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var repository: String
        /// restic's short id (8 hex digits), as its summary names the snapshot.
        public var snapshot: String
        public var project: String
        /// Bytes of the files read.
        public var size: Int64
        /// Bytes the repository grew by.
        public var added: Int64
        public var duration: Double
    }

    struct File: Codable { var version = 1; var entries: [Entry] = [] }

    public let path: String

    public init(paths: VantagePaths) {
        path = paths.backups + "/snapshots.json"
    }

    public func record(_ entry: Entry) throws(VantageError) {
        try VantagePaths.ensurePrivateDirectory((path as NSString).deletingLastPathComponent)
        try FileLock.withExclusiveLock(path + ".lock") { () throws(VantageError) in
            var file = try loadForUpdate()
            file.entries.removeAll { $0.repository == entry.repository && $0.snapshot == entry.snapshot }
            file.entries.append(entry)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data: Data
            do { data = try encoder.encode(file) } catch { throw VantageError(.io, "cannot encode the backup ledger: \(error)") }
            try AtomicFile.write(data, to: path)
        }
    }

    /// The entry of a snapshot of `repository` (by its full or short id).
    public func entry(repository: String, snapshot id: String) -> Entry? {
        load().entries.first { $0.repository == repository && id.hasPrefix($0.snapshot) }
    }

    /// The file as it is; a damaged one is not overwritten (its entries would be lost silently).
    private func loadForUpdate() throws(VantageError) -> File {
        guard let data = FileManager.default.contents(atPath: path) else { return File() }
        do { return try JSONDecoder().decode(File.self, from: data) } catch {
            throw VantageError(.io, "the backup ledger is damaged, so this snapshot's size is not recorded (the snapshot itself is in the repository): \(error)",
                               at: SourceLocation(file: path), hint: "move the file aside; Vantage starts a new one")
        }
    }

    private func load() -> File {
        guard let data = FileManager.default.contents(atPath: path), let file = try? JSONDecoder().decode(File.self, from: data) else { return File() }
        return file
    }
}
