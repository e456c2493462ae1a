import Foundation

/// The one rule that decides whether a line of a project's output is an error, a warning or
/// neither. The screen colours lines by it, the supervisor counts error lines for health with it,
/// and the error-pattern miner and the troubleshooter pick the lines they read with it.
///
/// - **Error:** a level word (`ERROR`, `FATAL`, `[error]`, `level=error`, `npm ERR!`), an exception
///   (`ValueError:`, `java.io.IOException:`, `Traceback (most recent call last)`, `Uncaught …`), a
///   tool's error prefix (`error:`, `error[E0308]:`, `panic:`, `Fatal error:`, `thread 'main'
///   panicked`), a failure (`failed`, except "0 failed") or what the system reports
///   (`EADDRINUSE`, "address already in use", "connection refused", "permission denied",
///   "segmentation fault", "out of memory", "no space left on device", "no such file or
///   directory", "cannot find module", a shell's own error such as `sh: 1: x: not found` or
///   `API_KEY: API_KEY is not set`).
/// - **Warning:** `WARN`/`WARNING`, `[warn]`, `level=warn`, `warning:`, a `…Warning:` class, "deprecated".
/// - Plain words are not enough: "Build complete: 0 errors", "error_count=0", "retrying after
///   errors cleared" are neither.
/// - Vantage's own notes in a project's log (`[vantage] state ready → failed`) are not the
///   project's output: they are never its errors (the timeline carries those facts).
public enum LogSeverity {
    /// The prefix of the notes Vantage writes into a project's log.
    public static let vantageNotePrefix = "[vantage] "

    public static func of(_ text: String) -> Diagnostic.Severity? {
        if isError(text) { return .error }
        if isWarning(text) { return .warning }
        return nil
    }

    public static func isError(_ text: String) -> Bool {
        guard !text.hasPrefix(vantageNotePrefix), mentions(errorKeywords, in: text) else { return false }
        return matches(errorPatterns, text)
    }

    public static func isWarning(_ text: String) -> Bool {
        guard !text.hasPrefix(vantageNotePrefix), mentions(warningKeywords, in: text) else { return false }
        return matches(warningPatterns, text)
    }

    private static let errorPatterns = compile([
        #"\b(ERROR|FATAL|CRITICAL|SEVERE|PANIC|EMERG|CRIT)\b|\bERR!"#,
        #"(?i)\[(error|err|fatal|crit|critical|emerg|alert|panic)\]"#,
        #"(?i)\blevel["']?\s*[=:]\s*["']?(error|fatal|critical|panic)\b"#,
        #"\b[A-Za-z_][\w.$]*(Exception|Error)\b(:|\s*$| in thread)"#,
        #"^\s*Exception in thread "#,
        #"Traceback \(most recent call last\)"#,
        #"(?i)^\s*(error|fatal|panic)(\[[A-Z0-9]+\])?:|(?i)\bfatal error:|^npm (ERR!|error)\b"#,
        #"\bpanicked at\b|^goroutine \d+ \[running\]"#,
        #"(?i)\b(uncaught|unhandled)\b.*\b(exception|error|rejection)\b"#,
        #"(?i)(?<!\b0 )\bfailed\b"#,
        #"\bE(ADDRINUSE|CONNREFUSED|ACCES|PERM|NOSPC)\b"#,
        #"(?i)\b(address already in use|connection refused|permission denied|segmentation fault|out of memory|no space left on device|no such file or directory|command not found|cannot find module)\b"#,
        #"^(\S*/)?(sh|bash|dash|ash|zsh|[\w.-]+\.sh): (line )?\d+: "#,
    ])

    private static let warningPatterns = compile([
        #"\b(WARN|WARNING)\b"#,
        #"(?i)\[warn(ing)?\]"#,
        #"(?i)\blevel["']?\s*[=:]\s*["']?warn(ing)?\b"#,
        #"(?i)^\s*warn(ing)?(\[[A-Za-z0-9_-]+\])?:"#,
        #"\b[A-Za-z_][\w.]*Warning:"#,
        #"(?i)\bdeprecat(ed|ion)\b"#,
    ])

    /// Lower-case fragments one of the patterns needs; lines without any skip the expressions
    /// (most output has none, and this runs on every line).
    private static let errorKeywords = bytes(["err", "fatal", "crit", "severe", "panic", "exception", "traceback", "uncaught",
                                              "unhandled", "emerg", "alert", "fail", "eaddrinuse", "econnrefused", "eacces",
                                              "eperm", "enospc", "in use", "refused", "denied", "segmentation", "out of memory",
                                              "no space", "no such file", "not found", "cannot find", "sh: ", "goroutine"])
    private static let warningKeywords = bytes(["warn", "deprecat"])

    private static func compile(_ patterns: [String]) -> [NSRegularExpression] {
        // The patterns are literals of this file; a test compiles every one of them.
        patterns.map { try! NSRegularExpression(pattern: $0) }
    }

    /// The keywords by their first byte, so a line is read once with only a few candidates at
    /// each position (every line of every project's output passes through here, twice).
    private static func bytes(_ words: [String]) -> [[[UInt8]]] {
        var byFirst = [[[UInt8]]](repeating: [], count: 256)
        for w in words { let b = Array(w.utf8); byFirst[Int(b[0])].append(b) }
        return byFirst
    }

    private static func matches(_ patterns: [NSRegularExpression], _ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static func mentions(_ keywords: [[[UInt8]]], in text: String) -> Bool {
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        var text = text
        return text.withUTF8 { b in
            keywords.withUnsafeBufferPointer { table in
                for start in 0 ..< b.count {
                    next: for k in table[Int(lower(b[start]))] where start + k.count <= b.count {
                        for j in 1 ..< k.count where lower(b[start + j]) != k[j] { continue next }
                        return true
                    }
                }
                return false
            }
        }
    }
}
