/// Tells error lines in a project's output (for the health score and highlighting).
public enum LogSeverity {
    static let markers = ["error", "exception", "traceback", "fatal", "panic", "failed", "uncaught"]

    public static func isError(_ line: String) -> Bool {
        if line.hasPrefix("[vantage] state ") || line.hasPrefix("[vantage] started ") { return false }
        let lower = line.lowercased()
        return markers.contains { lower.contains($0) }
    }
}
