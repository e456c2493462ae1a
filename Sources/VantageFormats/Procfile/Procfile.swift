import VantageCore

/// A `Procfile`: `name: command` lines, `#` comments. The one reader for the scanner (the start
/// command and the `$PORT` port) and the supervisor (one process per entry).
public struct Procfile: Sendable, Equatable {
    public static let fileName = "Procfile"
    /// The port foreman and honcho give the first process when PORT is not set.
    public static let defaultPort = 5000

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var command: String
        public var line: Int
        public init(name: String, command: String, line: Int) {
            self.name = name
            self.command = command
            self.line = line
        }

        /// Whether the command reads the PORT variable (`$PORT`, `${PORT}`, `${PORT:-…}`).
        public var usesPort: Bool { command.contains("$PORT") || command.contains("${PORT") }
    }

    public var file: String
    public var entries: [Entry] = []
    /// Malformed lines (left out of `entries`) and an empty file.
    public var problems: [VantageError] = []

    public init(file: String, entries: [Entry] = [], problems: [VantageError] = []) {
        self.file = file
        self.entries = entries
        self.problems = problems
    }

    /// The entry a single-process view runs: `web`, else the first.
    public var main: Entry? { entries.first { $0.name == "web" } ?? entries.first }

    public static func read(_ path: String) throws(VantageError) -> Procfile {
        parse(try FormatText.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) -> Procfile {
        var procfile = Procfile(file: file)
        for (index, raw) in FormatText.lines(text).enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                procfile.problems.append(FormatText.problem(file, line: lineNumber, "expected 'name: command'",
                                                            hint: "for example web: python app.py"))
                continue
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let command = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                procfile.problems.append(FormatText.problem(file, line: lineNumber, field: name,
                                                            "a process name may hold only letters, digits, '_' and '-'"))
                continue
            }
            guard !command.isEmpty else {
                procfile.problems.append(FormatText.problem(file, line: lineNumber, field: name, "process '\(name)' has no command"))
                continue
            }
            procfile.entries.append(Entry(name: name, command: command, line: lineNumber))
        }
        if procfile.entries.isEmpty && procfile.problems.isEmpty {
            procfile.problems.append(FormatText.problem(file, "the Procfile lists no process", hint: "add a line such as web: python app.py"))
        }
        return procfile
    }
}
