/// What the JavaScript readers share: the unit context and how deep the nested readers go.
final class JSShared {
    /// Each bracket level is a nested reader; past this depth reading stops (and says so).
    static let maximumDepth = 400
    let ctx: UnitContext
    /// Readers currently nested.
    @exclusivity(unchecked) var depth = 0
    init(context: UnitContext) { ctx = context }
}
