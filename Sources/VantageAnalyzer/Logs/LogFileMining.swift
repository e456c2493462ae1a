import Foundation
import VantageCore

/// The result of mining one log file: its templates and, per line, the cluster it joined.
public struct LogFileMining {
    public let grouping: LogTemplateGrouping
    /// `assignments[i]` is the cluster of line `i + 1`.
    public let assignments: [LogClusterID]

    /// Clusters in order of their first line, numbered from 1.
    public var clusters: [LogCluster] { grouping.clusters }

    /// Reads `path` and mines every line (`\n` or `\r\n` endings; invalid UTF-8 is mined as bytes).
    public static func mine(path: String, configuration: LogMinerConfiguration = .default) throws -> LogFileMining {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw VantageError(.io, "cannot read the log file: \(error.localizedDescription)",
                               at: SourceLocation(file: path), hint: "check the path and its permissions")
        }
        return mine(data: data, configuration: configuration)
    }

    public static func mine(data: Data, configuration: LogMinerConfiguration = .default) -> LogFileMining {
        let miner = LogTemplateMiner(configuration: configuration)
        var shapes: [Int] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            func emit(_ end: Int) {
                var e = end
                if e > start, bytes[e - 1] == 0x0D { e -= 1 }
                shapes.append(miner.add(bytes: UnsafeBufferPointer(rebasing: bytes[start ..< e])))
            }
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A { emit(i); start = i + 1 }
                i += 1
            }
            if start < bytes.count { emit(bytes.count) }
        }
        let grouping = miner.grouping()
        return LogFileMining(grouping: grouping, assignments: shapes.map { grouping.clusterOfShape[$0] })
    }

    /// Clusters, most frequent first (ties: first seen first).
    public var clustersByCount: [LogCluster] {
        clusters.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
    }
}
