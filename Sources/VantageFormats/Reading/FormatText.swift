import Foundation
import VantageCore

/// Reading a file Vantage does not own (a manifest, a lock file, a `.env`) as text, and the
/// located errors every reader gives when it cannot.
public enum FormatText {
    /// The file as UTF-8 text. A missing, unreadable or non-UTF-8 file is an error naming it.
    public static func read(_ path: String) throws(VantageError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path), hint: "check that it exists and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.config, "the file is not valid UTF-8 text", at: SourceLocation(file: path),
                               hint: "save it as UTF-8")
        }
        return text
    }

    /// A problem in a user's file at `line` and `field`.
    public static func problem(_ file: String, line: Int? = nil, field: String? = nil, _ message: String, hint: String? = nil) -> VantageError {
        VantageError(.config, message, at: SourceLocation(file: file, line: line, field: field), hint: hint)
    }

    /// Splits on "\n" only (Swift reads "\r\n" as one Character, so a Character split would keep a
    /// CRLF file as one line), dropping a trailing "\r" from each line.
    public static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
        }
    }
}

extension Array where Element == VantageError {
    /// Throws the first problem, for callers that accept a file only when all of it can be read.
    public func throwFirst() throws(VantageError) {
        if let first { throw first }
    }
}
