import VantageCore

/// Decides whether a line of project output is a warning or an error, from its words.
public enum LogClassifier {
    static let errorWords = ["error", "exception", "fatal", "panic", "traceback", "failed", "eaddrinuse",
                             "refused", "denied", "segmentation fault", "out of memory"]
    static let warningWords = ["warn", "deprecat"]

    public static func severity(of text: String) -> Diagnostic.Severity? {
        let t = text.lowercased()
        if errorWords.contains(where: t.contains) { return .error }
        if warningWords.contains(where: t.contains) { return .warning }
        return nil
    }
}
