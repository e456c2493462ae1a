/// Identifies a template cluster inside one `LogTemplateMiner`: 1, 2, 3 ... in order of creation.
public struct LogClusterID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (a: LogClusterID, b: LogClusterID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue) }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A group of log lines that share one template: constant words kept, variable parts as `<*>`.
public struct LogCluster: Codable, Sendable, Equatable {
    public var id: LogClusterID
    public var template: String
    /// How many lines joined this cluster.
    public var count: Int
    /// 1-based number of the first and the last line (in the order given to the miner) in this cluster.
    public var firstLine: Int
    public var lastLine: Int

    public init(id: LogClusterID, template: String, count: Int, firstLine: Int, lastLine: Int) {
        self.id = id
        self.template = template
        self.count = count
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// The settings of the miner. `default` is the one configuration Vantage ships: it needs no
/// per-source tuning.
public struct LogMinerConfiguration: Sendable, Equatable {
    /// Share of a template's constant tokens a line must match to join the cluster. 0.7 is one
    /// setting for every source: it reaches 1.0 / 1.0 / 0.983 / 0.9885 grouping accuracy on the
    /// loghub HDFS / Apache / BGL / Zookeeper samples (scripts/bench/logs-accuracy.sh).
    public var similarityThreshold: Double
    /// How many leading tokens route a line through the prefix tree (Drain's depth minus 2).
    public var prefixDepth: Int
    /// Children a tree node may hold before new tokens share the wildcard child.
    public var maxChildren: Int

    public init(similarityThreshold: Double = 0.7, prefixDepth: Int = 2, maxChildren: Int = 100) {
        self.similarityThreshold = similarityThreshold
        self.prefixDepth = prefixDepth
        self.maxChildren = maxChildren
    }

    public static let `default` = LogMinerConfiguration()
}
