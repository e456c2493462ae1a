import Foundation
import VantageCore

/// Reading a file Vantage does not own (a manifest, a lock file, a `.env`) as text, and the
/// located errors every reader gives when it cannot.
public enum FormatText {
    /// The largest file a reader takes: lock files of big monorepos are tens of megabytes.
    public static let maxBytes = 256 << 20

    /// The file as UTF-8 text. A missing, unreadable, non-regular (a FIFO), too large or non-UTF-8
    /// file is an error naming it.
    public static func read(_ path: String) throws(VantageError) -> String {
        guard let text = String(data: try bytes(path), encoding: .utf8) else {
            throw VantageError(.config, "the file is not valid UTF-8 text", at: SourceLocation(file: path),
                               hint: "save it as UTF-8")
        }
        return text
    }

    /// The file's bytes, with the errors of `read` but any encoding.
    public static func bytes(_ path: String) throws(VantageError) -> Data {
        switch FileBytes.read(path, maxBytes: maxBytes) {
        case .success(let data):
            return data
        case .failure(.notRegular):
            throw VantageError(.io, "not a regular file (a pipe, socket or device)", at: SourceLocation(file: path),
                               hint: "replace it with a regular file, or remove it")
        case .failure(.tooLarge(let size)):
            throw VantageError(.io, "the file is larger than \(maxBytes >> 20) MB (\(size) bytes)", at: SourceLocation(file: path),
                               hint: "Vantage reads manifests and lock files up to that size")
        case .failure(.unreadable):
            throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path), hint: "check that it exists and its permissions")
        }
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
