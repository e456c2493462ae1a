import VantageCore
import VantageFormats

/// What one manifest (or marker file) says about the folder it sits in.
/// `ProjectDetector` merges the evidence of every kind found in a folder into one `Project`.
struct KindEvidence: Sendable, Equatable {
    var kind: ProjectKind
    /// The project name the manifest declares, if any.
    var name: String?
    /// The start command this kind proposes, if one can be inferred.
    var command: String?
    var ports: [Int] = []
    var dependencies: [Dependency] = []
    /// The languages the folder is written in, as far as this kind tells.
    var languages: [ProgrammingLanguage] = []
}

/// The folder a kind's evidence reader looks at: its path, the names of the regular files
/// directly inside, and its `.env` (read once, shared by every kind).
struct FolderContents: Sendable {
    var folder: String
    var files: Set<String>
    var env: [String: String] = [:]
    /// `PORT` from the `.env`, when it is a valid port.
    var envPort: Int?

    func path(_ name: String) -> String { folder == "/" ? "/" + name : folder + "/" + name }

    func has(_ name: String) -> Bool { files.contains(name) }
}

/// The warnings a scan collects while it reads manifests.
struct ScanWarnings {
    private(set) var items: [VantageError] = []

    mutating func add(_ message: String, file: String, line: Int? = nil, field: String? = nil, hint: String? = nil) {
        items.append(VantageError(.config, message, at: SourceLocation(file: file, line: line, field: field), hint: hint))
    }

    mutating func add(_ error: VantageError) { items.append(error) }

    mutating func add(contentsOf errors: [VantageError]) { items += errors }

    /// Runs a reader: what it throws becomes a warning and nil.
    mutating func reading<T>(_ read: () throws(VantageError) -> T) -> T? {
        do throws(VantageError) { return try read() } catch {
            items.append(error)
            return nil
        }
    }
}
