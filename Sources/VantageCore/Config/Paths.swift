import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where Vantage keeps its state and reads its user configuration.
public struct VantagePaths: Sendable, Equatable {
    /// `$VANTAGE_HOME`, else `$XDG_DATA_HOME/vantage`, else `~/.local/share/vantage`.
    public var home: String
    /// `$XDG_CONFIG_HOME/vantage`, else `~/.config/vantage`: user keymap and theme overrides.
    public var config: String

    public init(home: String, config: String) {
        self.home = home
        self.config = config
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> VantagePaths {
        let userHome = env["HOME"] ?? NSHomeDirectory()
        let home: String
        if let v = env["VANTAGE_HOME"], !v.isEmpty { home = v }
        else if let x = env["XDG_DATA_HOME"], !x.isEmpty { home = x + "/vantage" }
        else { home = userHome + "/.local/share/vantage" }
        let config: String
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { config = x + "/vantage" }
        else { config = userHome + "/.config/vantage" }
        return VantagePaths(home: home, config: config)
    }

    public var database: String { home + "/vantage.sqlite" }
    public var logs: String { home + "/logs" }
    public var keyFile: String { home + "/master.key" }
    public var backups: String { home + "/backups" }
    public var socket: String { home + "/vantage.sock" }

    /// Creates `$VANTAGE_HOME` (and `folder` inside it) readable by the owner only (0700). A home
    /// that already exists, belongs to this user and is open to group or others is tightened to
    /// 0700: it holds the database, the logs, the master key and the control socket.
    public func ensurePrivateHome(_ folders: String...) throws(VantageError) {
        for dir in [home] + folders.map({ home + "/" + $0 }) {
            try Self.ensurePrivateDirectory(dir)
        }
    }

    public static func ensurePrivateDirectory(_ dir: String) throws(VantageError) {
        var st = stat()
        if stat(dir, &st) != 0 {
            let parent = (dir as NSString).deletingLastPathComponent
            if !parent.isEmpty, parent != dir, access(parent, F_OK) != 0 {
                try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            if mkdir(dir, 0o700) != 0 && errno != EEXIST {
                throw VantageError(.io, "cannot create the folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: dir),
                                   hint: "check its parent's permissions, or set VANTAGE_HOME to a folder you may write to")
            }
            guard stat(dir, &st) == 0 else { return }
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw VantageError(.io, "it is a file, not a folder", at: SourceLocation(file: dir), hint: "set VANTAGE_HOME to a folder")
        }
        if st.st_uid == getuid(), st.st_mode & 0o077 != 0 { chmod(dir, 0o700) }
    }

    /// Makes an existing file readable and writable by the owner only (0600), when it is ours.
    public static func makePrivate(_ file: String) {
        var st = stat()
        if stat(file, &st) == 0, st.st_uid == getuid(), st.st_mode & 0o077 != 0 { chmod(file, st.st_mode & 0o700) }
    }
}
