import Foundation
import VantageCore

/// A `Procfile`: `name: command` lines. The command is the `web` entry, else the first.
/// An entry that uses `$PORT` declares a port: the `.env` `PORT` if set, else 5000, the port
/// foreman and honcho give the first process by default.
enum ProcfileManifest {
    static let fileName = "Procfile"
    static let defaultPort = 5000

    struct Entry: Equatable {
        var name: String
        var command: String
        var line: Int
    }

    static func read(folder: String, files: Set<String>, envPort: Int?, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .procfile)
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        let entries = parse(text, path: path, warnings: &warnings)
        let main = entries.first { $0.name == "web" } ?? entries.first
        evidence.command = main?.command
        if entries.contains(where: { usesPort($0.command) }) {
            evidence.ports = [envPort ?? defaultPort]
        }
        return evidence
    }

    static func parse(_ text: String, path: String, warnings: inout ScanWarnings) -> [Entry] {
        var entries: [Entry] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                warnings.add("expected 'name: command'", file: path, line: lineNumber)
                continue
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let command = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                warnings.add("a process name may hold only letters, digits, '_' and '-'", file: path, line: lineNumber, field: name)
                continue
            }
            guard !command.isEmpty else {
                warnings.add("process '\(name)' has no command", file: path, line: lineNumber, field: name)
                continue
            }
            entries.append(Entry(name: name, command: command, line: lineNumber))
        }
        return entries
    }

    static func usesPort(_ command: String) -> Bool {
        command.contains("$PORT") || command.contains("${PORT")
    }
}
