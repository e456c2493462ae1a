import VantageStore
extension Store {
    /// Saves the council's learned weights.
    public func saveCouncil(_ council: Council) async throws {
        try await saveAdvisorWeights(Dictionary(uniqueKeysWithValues: council.weights.map { ($0.key.rawValue, $0.value) }))
    }

    /// The council with its stored weights (all 1 before the first save).
    public func loadCouncil() async throws -> Council {
        var weights: [AdvisorRole: Double] = [:]
        for (name, weight) in try await advisorWeights() { if let role = AdvisorRole(rawValue: name) { weights[role] = weight } }
        return Council(weights: weights)
    }
}
