/// The metrics of a CVSS vector, checked against its version's specification: every metric known,
/// every value allowed, none twice, every base metric present. A vector that fails is invalid and
/// gets no score (it used to be scored from whatever metrics it held).
struct CVSSVector {
    struct Invalid: Error, Equatable, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// `vector` without its `CVSS:x.y/` prefix (when `prefix` is given it must be there), as metric → value.
    static func metrics(_ vector: String, prefix: String?, base: [String: Set<String>], optional: [String: Set<String>]) -> Result<[String: String], Invalid> {
        var parts = vector.split(separator: "/", omittingEmptySubsequences: false)
        if let prefix {
            guard parts.first.map(String.init) == prefix else {
                return .failure(Invalid(reason: "it does not start with \(prefix)"))
            }
            parts.removeFirst()
        }
        var metrics: [String: String] = [:]
        for part in parts {
            let kv = part.split(separator: ":", omittingEmptySubsequences: false)
            guard kv.count == 2 else { return .failure(Invalid(reason: "'\(part)' is not METRIC:VALUE")) }
            let key = String(kv[0]), value = String(kv[1])
            guard let allowed = base[key] ?? optional[key] else { return .failure(Invalid(reason: "unknown metric '\(key)'")) }
            guard allowed.contains(value) else {
                return .failure(Invalid(reason: "'\(value)' is not a value of \(key) (one of \(allowed.sorted().joined(separator: ", ")))"))
            }
            guard metrics.updateValue(value, forKey: key) == nil else { return .failure(Invalid(reason: "\(key) is given twice")) }
        }
        let missing = base.keys.filter { metrics[$0] == nil }.sorted()
        guard missing.isEmpty else { return .failure(Invalid(reason: "base metric\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) missing")) }
        return .success(metrics)
    }
}
