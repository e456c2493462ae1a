/// The kinds of anti-pattern the scanner reports.
public enum AntiPatternKind: String, Codable, Sendable, CaseIterable {
    /// `except:`, `except Exception: pass`, `catch {}`, `catch (e) {}`: errors swallowed.
    case catchAll = "catch-all"
    /// An AWS key id, a private key, a `password = "..."` literal or a high-entropy token in code.
    case hardCodedSecret = "hard-coded-secret"
    /// `print(`, `console.log(`, `fmt.Println(` ... in library code.
    case printDebugging = "print-debugging"
    /// More TODO/FIXME/XXX/HACK markers per thousand lines than the threshold.
    case todoDensity = "todo-density"
}

/// One anti-pattern in one place, with what to do and what it costs.
public struct AntiPatternFinding: Codable, Sendable, Equatable {
    public var kind: AntiPatternKind
    /// Path relative to the scanned root (or as given for a single file).
    public var file: String
    /// 1-based line; 0 for a file-wide finding (TODO density).
    public var line: Int
    public var message: String
    public var suggestion: String
    public var remediationMinutes: Int

    public init(kind: AntiPatternKind, file: String, line: Int, message: String, suggestion: String, remediationMinutes: Int) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
        self.suggestion = suggestion
        self.remediationMinutes = remediationMinutes
    }

    /// The finding as input to the debt calculator.
    public var remediationItem: RemediationItem {
        RemediationItem(kind: kind.rawValue, file: file, line: line, minutes: remediationMinutes)
    }
}
