/// The knobs of `ForceLayout`. The defaults settle a few thousand nodes in about 300 ticks.
public struct ForceLayoutParameters: Sendable, Equatable {
    /// Rest length of an edge's spring, in layout units.
    public var springLength: Double = 30
    /// Repulsion between every two nodes (force = repulsion / distance).
    public var repulsion: Double = 100
    /// Pull of each node toward its component's anchor, per unit of distance.
    public var gravity: Double = 0.02
    /// Barnes–Hut opening angle: a cell is taken as one body when size / distance < theta.
    public var theta: Double = 0.8
    /// Fraction of velocity lost each tick.
    public var friction: Double = 0.4
    /// Temperature lost each tick (alpha *= 1 - alphaDecay); 0.0228 reaches alphaMin in 300 ticks.
    public var alphaDecay: Double = 0.0228
    /// Below this temperature the layout is settled and `step()` does nothing.
    public var alphaMin: Double = 0.001
    /// Temperature an incremental change reheats to (a fresh layout starts at 1).
    public var reheatAlpha: Double = 0.3
    /// After an incremental change: how freely nodes next to the change move (new nodes move freely).
    public var neighbourMobility: Double = 0.5
    /// After an incremental change: how freely every other (already settled) node moves.
    public var settledMobility: Double = 0.05
    /// Largest distance a node may move in one tick.
    public var maxSpeed: Double = 60
    /// Distances are never taken as shorter than this (no infinite forces).
    public var minDistance: Double = 1

    public init() {}
}
