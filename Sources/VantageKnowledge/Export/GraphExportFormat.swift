/// The formats `vantage graph export` writes.
public enum GraphExportFormat: String, Sendable, CaseIterable {
    case dot, graphml, json
}
