/// How the Graph pane looks at the snapshot: zoom factor and pan offset. Pan is measured in
/// fractions of the fitted view, so one step moves the same visual distance at any zoom.
public struct GraphViewport: Sendable, Equatable {
    public var zoom: Double
    public var panX: Double
    public var panY: Double

    public init(zoom: Double = 1, panX: Double = 0, panY: Double = 0) {
        self.zoom = zoom
        self.panX = panX
        self.panY = panY
    }

    public static let minZoom = 0.25
    public static let maxZoom = 16.0
    public static let panStep = 0.1
    public static let zoomStep = 1.5

    public mutating func zoomIn() { zoom = min(Self.maxZoom, zoom * Self.zoomStep) }
    public mutating func zoomOut() { zoom = max(Self.minZoom, zoom / Self.zoomStep) }
    public mutating func pan(dx: Double, dy: Double) {
        panX = min(5, max(-5, panX + dx * Self.panStep / zoom))
        panY = min(5, max(-5, panY + dy * Self.panStep / zoom))
    }
    public mutating func center() { self = GraphViewport() }
}
