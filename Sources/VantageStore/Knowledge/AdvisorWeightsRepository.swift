import GRDB

extension Store {
    /// Replaces the stored advisor weights (advisor name → weight) in one transaction.
    public func saveAdvisorWeights(_ weights: [String: Double]) async throws {
        try await write("save the advisor weights") { db in
            try db.execute(sql: "DELETE FROM advisor_weights")
            for (advisor, weight) in weights.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO advisor_weights (advisor, weight) VALUES (?, ?)", arguments: [advisor, weight])
            }
        }
    }

    /// The stored advisor weights (empty before the first save).
    public func advisorWeights() async throws -> [String: Double] {
        try await read("read the advisor weights") { db in
            var result: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT advisor, weight FROM advisor_weights") { result[row["advisor"]] = row["weight"] }
            return result
        }
    }
}
