import Foundation
import VantageCore

/// A `.env` file: `KEY=VALUE` lines (optionally `export KEY=VALUE`, quoted values, `#` comments).
struct DotEnvFile {
    static let fileName = ".env"

    var values: [String: String] = [:]
    var lines: [String: Int] = [:]

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> DotEnvFile? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return nil }
        return parse(text, path: path, warnings: &warnings)
    }

    static func parse(_ text: String, path: String, warnings: inout ScanWarnings) -> DotEnvFile {
        var env = DotEnvFile()
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let eq = line.firstIndex(of: "=") else {
                warnings.add("expected KEY=VALUE", file: path, line: lineNumber)
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            env.values[key] = value
            env.lines[key] = lineNumber
        }
        return env
    }

    /// `PORT`, if set; a value that is not a port number is a warning.
    func port(path: String, warnings: inout ScanWarnings) -> Int? {
        guard let raw = values["PORT"] else { return nil }
        guard let port = Int(raw), (1...65535).contains(port) else {
            warnings.add("PORT must be a number from 1 to 65535, not \"\(raw)\"", file: path, line: lines["PORT"], field: "PORT")
            return nil
        }
        return port
    }
}
