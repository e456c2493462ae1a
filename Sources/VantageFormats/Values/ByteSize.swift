import Foundation

/// Sizes as users write them: `256M`, `1g`, `512k`, `2GB`, `1048576` (bytes). Suffixes are
/// powers of 1024 and case does not matter. The one size reader for `.vantage.toml` `[limits]
/// memory` and compose `mem_limit`.
public enum ByteSize {
    /// The size in bytes, or nil for text that is not a size, a negative or non-finite number, or
    /// one too large for 64 bits (never a trap).
    public static func parse(_ text: String) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty else { return nil }
        var digits = Substring(t)
        var factor: Double = 1
        let (k, m, g, tera) = (1024.0, 1_048_576.0, 1_073_741_824.0, 1_099_511_627_776.0)
        for (suffix, f) in [("kb", k), ("mb", m), ("gb", g), ("tb", tera), ("k", k), ("m", m), ("g", g), ("t", tera), ("b", 1)]
        where t.hasSuffix(suffix) {
            digits = t.dropLast(suffix.count)
            factor = f
            break
        }
        guard let value = Double(digits.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else { return nil }
        let bytes = (value * factor).rounded(.down)
        guard bytes < 9.2e18 else { return nil }
        return Int64(exactly: bytes)
    }
}
