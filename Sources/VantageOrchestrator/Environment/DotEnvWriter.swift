import Foundation
import VantageCore
import VantageFormats

/// Sets one variable in a `.env` file without losing anything else: comments, blank lines, the
/// order of the other lines and their line endings stay as they are. An existing assignment of
/// the key (the last one, which wins) has its value replaced in place, keeping an `export `
/// prefix; otherwise `KEY=value` is appended. The new text is checked by `DotEnvFile` before it
/// is written, and written atomically (a temporary file in the same folder, then a rename), so a
/// crash leaves the old file or the new one, never half of one.
public enum DotEnvWriter {
    /// Writes `key=value` into the file at `path` (created, mode 0600, when missing).
    public static func set(_ key: String, to value: String, inFile path: String) throws(VantageError) {
        guard DotEnvFile.isValidKey(key) else {
            throw VantageError(.usage, "\"\(key)\" is not a valid variable name", at: SourceLocation(file: path, field: key))
        }
        let fm = FileManager.default
        var original = ""
        var mode = 0o600
        if fm.fileExists(atPath: path) {
            guard let data = fm.contents(atPath: path) else {
                throw VantageError(.io, "cannot read the file", at: SourceLocation(file: path), hint: "check its permissions")
            }
            original = String(decoding: data, as: UTF8.self)
            // A file that does not parse is left alone: rewriting it could lose what it meant.
            _ = try DotEnvFile.assignments(original, file: path)
            if let attributes = try? fm.attributesOfItem(atPath: path), let m = attributes[.posixPermissions] as? Int { mode = m }
        }
        let updated = setting(key, to: value, in: original)
        let check = try DotEnvFile.assignments(updated, file: path)
        guard check.last(where: { $0.key == key })?.value == value else {
            throw VantageError(.config, "the value of \(key) cannot be written so that it reads back the same",
                               at: SourceLocation(file: path, field: key), hint: "set it by hand")
        }
        try writeAtomically(updated, to: path, mode: mode)
    }

    /// `text` with `key` set to `value` (pure; see the type's documentation).
    public static func setting(_ key: String, to value: String, in text: String) -> String {
        let newline = text.unicodeScalars.contains("\r") ? "\r\n" : "\n"
        // Split on the scalar: Swift reads "\r\n" as one Character.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let assignment = key + "=" + quoted(value)
        if let i = lines.lastIndex(where: { assigns(key, $0) }) {
            let line = lines[i]
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let body = line.dropFirst(indent.count)
            let export = body.hasPrefix("export ") ? "export " : ""
            lines[i] = indent + export + assignment + (line.unicodeScalars.last == "\r" ? "\r" : "")
            return lines.joined(separator: "\n")
        }
        var out = text
        if !out.isEmpty && out.unicodeScalars.last != "\n" { out += newline }
        return out + assignment + newline
    }

    /// Whether a line assigns `key` (`KEY=…`, `export KEY=…`, spaces around `=` allowed).
    static func assigns(_ key: String, _ line: String) -> Bool {
        var body = line.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("#") { return false }
        if body.hasPrefix("export ") { body = String(body.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
        guard let eq = body.firstIndex(of: "=") else { return false }
        return body[..<eq].trimmingCharacters(in: .whitespaces) == key
    }

    /// The value as the parser reads it back: bare when it holds only safe characters, else in
    /// double quotes with `\`, `"`, newlines and tabs escaped.
    static func quoted(_ value: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@+,%")
        if value.unicodeScalars.allSatisfy(safe.contains) { return value }
        return "\"" + TextEscaping.escaped(value, ["\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r"]) + "\""
    }

    static func writeAtomically(_ text: String, to path: String, mode: Int) throws(VantageError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".vantage-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard fd >= 0 else {
            throw VantageError(.io, "cannot create a temporary file beside it: \(String(cString: strerror(errno)))",
                               at: SourceLocation(file: path), hint: "check that its folder is writable")
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failed = false
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { failed = true; break }
            written += n
        }
        if !failed && fsync(fd) != 0 { failed = true }
        _ = fchmod(fd, mode_t(mode))
        close(fd)
        guard !failed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw VantageError(.io, "cannot write the file: \(reason)", at: SourceLocation(file: path), hint: "check free space and permissions")
        }
    }
}
