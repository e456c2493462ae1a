extension Duration {
    /// The duration in seconds, fractions included (`.milliseconds(1500).seconds == 1.5`).
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
