import Foundation
import VantageCore

/// One snapshot as `restic snapshots --json` describes it.
public struct ResticSnapshot: Sendable, Equatable, Decodable {
    public var id: String
    public var shortID: String
    public var time: Date
    public var paths: [String]
    public var tags: [String]
    public var hostname: String

    enum CodingKeys: String, CodingKey {
        case id, time, paths, tags, hostname
        case shortID = "short_id"
    }

    public init(id: String, shortID: String, time: Date, paths: [String], tags: [String], hostname: String) {
        self.id = id
        self.shortID = shortID
        self.time = time
        self.paths = paths
        self.tags = tags
        self.hostname = hostname
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        shortID = try c.decodeIfPresent(String.self, forKey: .shortID) ?? String(id.prefix(8))
        let text = try c.decode(String.self, forKey: .time)
        guard let date = Self.date(text) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "not an RFC 3339 time: \(text)")
        }
        time = date
        paths = try c.decodeIfPresent([String].self, forKey: .paths) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        hostname = try c.decodeIfPresent(String.self, forKey: .hostname) ?? ""
    }

    /// The value of a `name:value` tag (`project:shop` → `shop`).
    public func tag(_ name: String) -> String? {
        tags.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Decodes restic's array (restic prints `null` for an empty repository). restic 0.14 writes
    /// "reading repository password from stdin" to standard output first: only the JSON line counts.
    public static func list(fromJSON text: String) throws(VantageError) -> [ResticSnapshot] {
        let line = text.split(separator: "\n").first { $0.hasPrefix("[") || $0.hasPrefix("null") } ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == "null" { return [] }
        do { return try JSONDecoder().decode([ResticSnapshot].self, from: Data(trimmed.utf8)) } catch {
            throw VantageError(.io, "restic snapshots printed JSON Vantage cannot read (\(error)): \(trimmed.prefix(200))")
        }
    }

    /// RFC 3339 with restic's nanoseconds (`2026-12-07T12:34:12.229852518Z`, `…+01:00`).
    static func date(_ text: String) -> Date? {
        guard let m = text.wholeMatch(of: /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)/) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let whole = formatter.date(from: String(m.output.1) + String(m.output.3)) else { return nil }
        let fraction = m.output.2.map { Double("0." + $0) ?? 0 } ?? 0
        return whole.addingTimeInterval(fraction)
    }
}

/// The last line of `restic backup --json`: what the new snapshot added.
public struct ResticBackupSummary: Sendable, Equatable, Decodable {
    public var snapshotID: String
    public var filesNew: Int
    public var filesChanged: Int
    public var filesUnmodified: Int
    /// Bytes the repository grew by (after deduplication and compression).
    public var dataAdded: Int64
    /// Bytes of the files read.
    public var totalBytesProcessed: Int64
    public var totalDuration: Double

    enum CodingKeys: String, CodingKey {
        case snapshotID = "snapshot_id", filesNew = "files_new", filesChanged = "files_changed"
        case filesUnmodified = "files_unmodified", dataAdded = "data_added"
        case totalBytesProcessed = "total_bytes_processed", totalDuration = "total_duration"
    }

    /// The summary among restic's JSON lines, nil when there is none (the backup failed).
    public static func find(inJSONLines text: String) -> ResticBackupSummary? {
        for line in text.split(separator: "\n").reversed() where line.contains("\"message_type\":\"summary\"") {
            if let summary = try? JSONDecoder().decode(ResticBackupSummary.self, from: Data(line.utf8)) { return summary }
        }
        return nil
    }
}
