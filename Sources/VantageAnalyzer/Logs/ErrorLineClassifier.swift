import Foundation

/// Decides whether a line of output reports an error: a level word (`ERROR`, `FATAL`, `[error]`,
/// `level=error`), an exception (`ValueError:`, `java.io.IOException:`, `Traceback (most recent
/// call last)`, `Uncaught ...`), or a tool's error prefix (`error:`, `error[E0308]:`, `panic:`,
/// `fatal:`, `thread 'main' panicked`). Plain words such as "0 errors" or "error_count" do not count.
public enum ErrorLineClassifier {
    private static let patterns: [NSRegularExpression] = [
        #"\b(ERROR|FATAL|CRITICAL|SEVERE|PANIC|EMERG|CRIT)\b"#,
        #"(?i)\[(error|fatal|crit|critical|emerg|alert|panic)\]"#,
        #"(?i)\blevel["']?\s*[=:]\s*["']?(error|fatal|critical|panic)\b"#,
        #"\b[A-Za-z_][\w.$]*(Exception|Error)\b(:|\s*$| in thread)"#,
        #"^\s*Exception in thread "#,
        #"Traceback \(most recent call last\)"#,
        #"(?i)^\s*(error|fatal|panic)(\[[A-Z0-9]+\])?:"#,
        #"\bpanicked at\b|^goroutine \d+ \[running\]"#,
        #"(?i)\b(uncaught|unhandled)\b.*\b(exception|error|rejection)\b"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    public static func isError(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }
}
