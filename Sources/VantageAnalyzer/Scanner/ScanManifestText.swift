import Foundation
import VantageCore

/// Reads a manifest as UTF-8 text, or records why it could not.
enum ScanManifestText {
    static func read(_ path: String, warnings: inout ScanWarnings) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            warnings.add("cannot read the file", file: path, hint: "check its permissions")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            warnings.add("the file is not valid UTF-8", file: path)
            return nil
        }
        return text
    }

    /// Reads and parses a TOML manifest; a syntax error becomes a warning with its line.
    static func toml(_ path: String, warnings: inout ScanWarnings) -> TOMLTable? {
        guard let text = read(path, warnings: &warnings) else { return nil }
        do {
            return try TOMLParser.parse(text, file: path)
        } catch {
            warnings.add(error)
            return nil
        }
    }

    /// The 1-based line of the first line containing `needle`, if any.
    static func line(containing needle: String, in text: String) -> Int? {
        var n = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains(needle) { return n }
            n += 1
        }
        return nil
    }
}
