import Foundation
import VantageCore

/// The last copy of each project's `.vantage.toml` that read without an error, kept under
/// `$VANTAGE_HOME/last-good/` so a file broken by an edit (while Vantage runs, or before it starts)
/// does not take the project's command, ports and readiness away: `ProjectConfigReader` reads the
/// copy instead and says so. One file per project folder, named after the folder's last component
/// and a hash of its whole path; written only when the text changed, through a temporary file and a
/// rename, readable by the owner only. The copy's time is its file's modification time.
public struct LastGoodConfigStore: Sendable, Equatable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `$VANTAGE_HOME/last-good`.
    public init(paths: VantagePaths) {
        self.init(folder: paths.home + "/last-good")
    }

    /// A kept copy: its text and when it was kept.
    public struct Copy: Sendable, Equatable {
        public var text: String
        public var savedAt: Date
    }

    /// Where the copy for the project in `projectPath` lives.
    public func path(for projectPath: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325          // FNV-1a: stable across runs and machines
        for b in projectPath.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let base = ProjectLogFile.name(forProject: (projectPath as NSString).lastPathComponent)
        return folder + "/" + base + "-" + String(hash, radix: 16) + ".toml"
    }

    /// Keeps `text` as the project's last good file (nothing is written when it is already kept).
    public func remember(_ text: String, for projectPath: String) throws(VantageError) {
        let target = path(for: projectPath)
        if let kept = try? String(contentsOfFile: target, encoding: .utf8), kept == text { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let temporary = target + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw VantageError(.io, "cannot write the last good copy", at: SourceLocation(file: temporary))
            }
            if rename(temporary, target) != 0 {
                let why = String(cString: strerror(errno))
                unlink(temporary)
                throw VantageError(.io, "cannot keep the last good copy: \(why)", at: SourceLocation(file: target))
            }
        } catch let error as VantageError {
            throw error
        } catch {
            throw VantageError(.io, "cannot keep the last good copy: \(error.localizedDescription)", at: SourceLocation(file: folder),
                               hint: "check that $VANTAGE_HOME is a folder you may write to")
        }
    }

    /// The project's kept copy, or nil when none was kept.
    public func copy(for projectPath: String) -> Copy? {
        let target = path(for: projectPath)
        guard let text = try? String(contentsOfFile: target, encoding: .utf8),
              let modified = (try? FileManager.default.attributesOfItem(atPath: target))?[.modificationDate] as? Date else { return nil }
        return Copy(text: text, savedAt: modified)
    }
}
