import Foundation

/// The state of one Docker engine, for the grid's engine rows ("unreachable since 14:02").
public struct EngineStatus: Codable, Sendable, Equatable {
    public var name: String
    public var host: String
    public var reachable: Bool
    /// When the engine last changed between reachable and unreachable.
    public var since: Date
    public var apiVersion: String?
    public var engineVersion: String?
    /// Why it is unreachable, for a person.
    public var message: String?
    public var containers: Int

    public init(name: String, host: String, reachable: Bool, since: Date, apiVersion: String? = nil,
                engineVersion: String? = nil, message: String? = nil, containers: Int = 0) {
        self.name = name
        self.host = host
        self.reachable = reachable
        self.since = since
        self.apiVersion = apiVersion
        self.engineVersion = engineVersion
        self.message = message
        self.containers = containers
    }
}
