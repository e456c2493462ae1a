import Foundation

/// When an alert fires, as `[[alerts]] when = "…"` in `vantage.toml` writes it:
///
///     cpu > 80% for 2m          share of one core, held for 2 minutes
///     memory > 512MB for 5m     resident memory (B, KB, MB, GB; or a % of the machine's memory)
///     restarts > 3 per hour     restarts in the last hour
///     errors > 10 per minute    error lines in the last minute
///     health < 50 for 1m        the health score (0–100) shown in the grid
///     new vulnerability         a vulnerable dependency the project's previous analysis did not list
///
/// `for DURATION` (s, m, h; at most 24 h) says how long the condition must hold before the alert
/// fires; without it, it fires at the first sample that meets it. The comparison is one of
/// `>`, `>=`, `<`, `<=`. Every value is checked here, so no threshold or duration the evaluator
/// reads is negative, infinite or out of range.
public struct AlertCondition: Sendable, Equatable, CustomStringConvertible {
    public enum Metric: String, Sendable, CaseIterable {
        case cpu, memory, restarts, errors, health
        /// Not a level but an event: each dependency that becomes vulnerable fires once, and is
        /// resolved when an analysis no longer lists it (`new vulnerability`).
        case newVulnerability = "new vulnerability"
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case above = ">", atLeast = ">=", below = "<", atMost = "<="

        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .above: value > threshold
            case .atLeast: value >= threshold
            case .below: value < threshold
            case .atMost: value <= threshold
            }
        }
    }

    /// What a memory threshold is measured in.
    public enum MemoryUnit: Sendable, Equatable {
        case bytes
        /// A percentage of the machine's memory.
        case percentOfMachine
    }

    public var metric: Metric
    public var comparison: Comparison
    /// Percent of a core (cpu), bytes or percent of the machine (memory), a count (restarts,
    /// errors) or a score (health).
    public var threshold: Double
    public var memoryUnit: MemoryUnit = .bytes
    /// Seconds the condition must hold before the alert fires (0: at once).
    public var sustained: Double
    /// The text as written, for messages.
    public var text: String

    public var description: String { text }

    /// The longest `for` accepted.
    public static let longestHold: Double = 24 * 3600

    /// Reads `text`; the failure says what is wrong in words (the caller adds file, line and field).
    public static func parse(_ text: String) -> Result<AlertCondition, AlertConditionError> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.count >= 2, words[0].lowercased() == "new", words[1].lowercased().hasPrefix("vulnerabilit") {
            guard words.count == 2, ["vulnerability", "vulnerabilities"].contains(words[1].lowercased()) else {
                return .failure(.init("\"\(TerminalText.escaped(text))\" is not understood: write \"new vulnerability\" alone (it fires once per newly vulnerable dependency)"))
            }
            return .success(AlertCondition(metric: .newVulnerability, comparison: .above, threshold: 0, sustained: 0, text: "new vulnerability"))
        }
        let example = "write it as METRIC OP VALUE [for DURATION], e.g. \"cpu > 80% for 2m\" (metrics: \(Metric.allCases.filter { $0 != .newVulnerability }.map(\.rawValue).joined(separator: ", ")); or \"new vulnerability\" alone)"
        guard words.count >= 3 else { return .failure(.init("\"\(TerminalText.escaped(text))\" is not a condition: " + example)) }
        guard let metric = Metric(rawValue: words[0].lowercased()) else {
            return .failure(.init("\"\(TerminalText.escaped(words[0]))\" is not a metric an alert can watch: " + example))
        }
        guard let comparison = Comparison(rawValue: words[1]) else {
            return .failure(.init("\"\(TerminalText.escaped(words[1]))\" is not a comparison: use >, >=, < or <="))
        }
        var condition = AlertCondition(metric: metric, comparison: comparison, threshold: 0, sustained: 0, text: words.joined(separator: " "))
        var rest = Array(words.dropFirst(3))
        switch threshold(words[2], for: metric) {
        case .success(let (value, unit)):
            condition.threshold = value
            condition.memoryUnit = unit
        case .failure(let error): return .failure(error)
        }
        if metric == .restarts || metric == .errors {
            let window = metric == .restarts ? "hour" : "minute"
            guard rest.count >= 2, rest[0].lowercased() == "per", rest[1].lowercased() == window else {
                return .failure(.init("\(metric.rawValue) are counted per \(window): write \"\(metric.rawValue) \(comparison.rawValue) \(words[2]) per \(window)\""))
            }
            rest.removeFirst(2)
        }
        if !rest.isEmpty {
            guard rest.count == 2, rest[0].lowercased() == "for" else {
                return .failure(.init("\"\(TerminalText.escaped(rest.joined(separator: " ")))\" is not understood: after the value only \"for DURATION\" may follow (e.g. for 2m)"))
            }
            guard metric != .restarts && metric != .errors else {
                return .failure(.init("\(metric.rawValue) are already counted over a window: drop \"for \(TerminalText.escaped(rest[1]))\""))
            }
            switch duration(rest[1]) {
            case .success(let seconds): condition.sustained = seconds
            case .failure(let error): return .failure(error)
            }
        }
        return .success(condition)
    }

    /// "80%", "512MB", "3", "50": the number and, for memory, its unit.
    static func threshold(_ word: String, for metric: Metric) -> Result<(Double, MemoryUnit), AlertConditionError> {
        let lower = word.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        let suffix = String(lower.dropFirst(digits.count))
        guard !digits.isEmpty, let number = Double(digits), number.isFinite, number >= 0 else {
            return .failure(.init("\"\(TerminalText.escaped(word))\" is not a number (a value of 0 or more, like 80% or 512MB)"))
        }
        switch metric {
        case .cpu:
            guard suffix == "%" || suffix.isEmpty else { return .failure(.init("cpu is a percentage of one core: write e.g. 80%")) }
            guard number <= 100_000 else { return .failure(.init("cpu \(word) is beyond any machine (at most 100000%, a thousand cores)")) }
            return .success((number, .bytes))
        case .memory:
            if suffix == "%" {
                guard number <= 100 else { return .failure(.init("memory \(word) is more than all of the machine's memory")) }
                return .success((number, .percentOfMachine))
            }
            let (k, m, g, t): (Double, Double, Double, Double) = (1024, 1024 * 1024, 1024 * 1024 * 1024, 1024 * 1024 * 1024 * 1024)
            let units: [String: Double] = ["": 1, "b": 1, "k": k, "kb": k, "kib": k, "m": m, "mb": m, "mib": m,
                                           "g": g, "gb": g, "gib": g, "t": t, "tb": t, "tib": t]
            guard let scale = units[suffix] else {
                return .failure(.init("\"\(TerminalText.escaped(suffix))\" is not a memory unit: use B, KB, MB, GB, TB or a % of the machine's memory"))
            }
            guard number * scale <= 1024 * t else { return .failure(.init("memory \(word) is beyond any machine (at most 1 PB)")) }
            return .success((number * scale, .bytes))
        case .restarts, .errors:
            guard suffix.isEmpty, number == number.rounded(), number <= 1_000_000 else {
                return .failure(.init("\(metric.rawValue) are a whole count (0 to 1000000), not \"\(TerminalText.escaped(word))\""))
            }
            return .success((number, .bytes))
        case .health:
            guard suffix.isEmpty, number <= 100 else { return .failure(.init("health is a score from 0 to 100, not \"\(TerminalText.escaped(word))\"")) }
            return .success((number, .bytes))
        case .newVulnerability:
            return .failure(.init("write \"new vulnerability\" alone: it has no value to compare"))
        }
    }

    /// "30s", "2m", "1h": seconds, more than 0 and at most a day.
    public static func duration(_ word: String) -> Result<Double, AlertConditionError> {
        let lower = word.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        let scale: [String: Double] = ["s": 1, "m": 60, "h": 3600]
        guard !digits.isEmpty, let number = Double(digits), number.isFinite, let unit = scale[String(lower.dropFirst(digits.count))] else {
            return .failure(.init("\"\(TerminalText.escaped(word))\" is not a duration: write e.g. 30s, 2m or 1h"))
        }
        let seconds = number * unit
        guard seconds > 0, seconds <= longestHold else { return .failure(.init("for \(word): a duration is more than 0 and at most 24h")) }
        return .success(seconds)
    }
}

/// Why a `when` text is not a condition, in words.
public struct AlertConditionError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Diagnostic {
    /// The source of the diagnostics alert rules publish (`AlertWatch`): a warning
    /// "CONDITION (PROJECT at VALUE…)" when one fires, an info "resolved: CONDITION (…)" when it ends.
    public static let alertSource = "alert"

    /// Whether this diagnostic is an alert's resolution that ends `fired` (the same rule on the
    /// same project): the Troubleshooting pane drops the warning then.
    public func resolvesAlert(_ fired: Diagnostic) -> Bool {
        guard source == Self.alertSource, fired.source == Self.alertSource, severity == .info, fired.severity == .warning,
              project == fired.project, message.hasPrefix("resolved: ") else { return false }
        let rule = message.dropFirst("resolved: ".count).prefix { $0 != "(" }
        return !rule.isEmpty && fired.message.hasPrefix(rule + "(")
    }
}
