/// CVSS v4.0 scoring is not implemented yet: `baseScore` returns nil, and callers fall back to
/// the advisory's `database_specific.severity` label.
public enum CVSS4 {
    public static func baseScore(_ vector: String) -> Double? { nil }
}
