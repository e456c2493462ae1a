/// A pane of the dashboard, by name. The panes that exist, their order (Tab moves forward through
/// it), titles, places in the layout, keys and drawing are one table: `PaneSpec.all`.
public struct PaneID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let projects = PaneID("projects")
    public static let metrics = PaneID("metrics")
    public static let graph = PaneID("graph")
    public static let timeline = PaneID("timeline")
    public static let troubleshooting = PaneID("troubleshooting")
}
