import VantageCore

/// Recent CPU (percent of a core) and memory (bytes) readings of one project, one per monitor tick.
public struct UsageHistory: Sendable, Equatable, Codable {
    public var cpu = Series(capacity: 3600)
    public var memory = Series(capacity: 3600)
    public init() {}

    public mutating func append(cpu c: Double, memory m: UInt64) {
        cpu.append(c)
        memory.append(Double(m))
    }
}
