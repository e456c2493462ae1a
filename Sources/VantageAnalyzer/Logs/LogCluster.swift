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
    /// A position inside a group of lines that share their longest common pattern is a variable when
    /// it takes more than this many different words; with fewer, the words are constants that tell
    /// templates apart. Chosen by leave-one-out over the loghub samples (scripts/bench/logs-accuracy.sh).
    public var variableValues: Int

    public init(variableValues: Int = 6) {
        self.variableValues = variableValues
    }

    public static let `default` = LogMinerConfiguration()
}
