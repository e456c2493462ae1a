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

    /// Lower-case fragments one of the patterns needs; lines without any skip the expressions.
    private static let keywords: [[UInt8]] = ["err", "fatal", "crit", "severe", "panic", "exception", "traceback",
                                              "uncaught", "unhandled", "emerg"].map { Array($0.utf8) }

    public static func isError(_ text: String) -> Bool {
        guard mentionsKeyword(text) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static func mentionsKeyword(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 32 }
        return bytes.withUnsafeBufferPointer { b in
            keywords.contains { k in
                guard b.count >= k.count else { return false }
                outer: for start in 0 ... b.count - k.count {
                    for j in 0 ..< k.count where b[start + j] != k[j] { continue outer }
                    return true
                }
                return false
            }
        }
    }
}
