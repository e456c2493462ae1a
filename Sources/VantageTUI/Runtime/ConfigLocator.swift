import Foundation

/// Finds theme and keymap files by name. A value containing `/` or ending in `.toml` is a path.
/// A name is looked up, in order, in the user's config directory
/// (`$XDG_CONFIG_HOME/vantage/themes/NAME.toml`, `.../keymaps/NAME.toml`), then in the shipped
/// `themes/` and `keymaps/` directories (`$VANTAGE_SHARE`, else the repository the executable
/// was built in, else `PREFIX/share/vantage` next to an installed binary), then among the copies
/// compiled into the binary.
public struct ConfigLocator: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case theme = "themes", keymap = "keymaps"
    }

    public enum Found: Equatable, Sendable {
        case file(String)
        case builtin(text: String, label: String)
        case missing(searched: [String])
    }

    /// `$XDG_CONFIG_HOME/vantage` (user overrides).
    public var userConfigDirectory: String
    /// Directories holding the shipped `themes/` and `keymaps/`, most preferred first.
    public var shareDirectories: [String]

    public init(userConfigDirectory: String, shareDirectories: [String]) {
        self.userConfigDirectory = userConfigDirectory
        self.shareDirectories = shareDirectories
    }

    /// The locator for this process: config from `XDG_CONFIG_HOME`/`HOME`, shipped files from
    /// `VANTAGE_SHARE` or found by walking up from the executable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       executablePath: String? = nil) -> ConfigLocator {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config: String
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { config = x + "/vantage" } else { config = home + "/.config/vantage" }
        var shares: [String] = []
        if let share = environment["VANTAGE_SHARE"], !share.isEmpty { shares.append(share) }
        let exe = executablePath ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        if !exe.isEmpty {
            var dir = (exe as NSString).deletingLastPathComponent
            let installed = (dir as NSString).appendingPathComponent("../share/vantage")
            for _ in 0..<6 where !dir.isEmpty && dir != "/" {
                if isDirectory(dir + "/themes") && isDirectory(dir + "/keymaps") { shares.append(dir); break }
                dir = (dir as NSString).deletingLastPathComponent
            }
            if isDirectory(installed + "/themes") { shares.append((installed as NSString).standardizingPath) }
        }
        return ConfigLocator(userConfigDirectory: config, shareDirectories: shares)
    }

    /// Where `nameOrPath` of `kind` is.
    public func find(_ nameOrPath: String, kind: Kind) -> Found {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return FileManager.default.fileExists(atPath: nameOrPath) ? .file(nameOrPath) : .missing(searched: [nameOrPath])
        }
        let candidates = ([userConfigDirectory] + shareDirectories).map { "\($0)/\(kind.rawValue)/\(nameOrPath).toml" }
        if let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return .file(path) }
        let builtins = kind == .theme ? EmbeddedFiles.themes : EmbeddedFiles.keymaps
        if let text = builtins[nameOrPath] { return .builtin(text: text, label: "builtin:\(kind.rawValue)/\(nameOrPath).toml") }
        return .missing(searched: candidates)
    }

    /// Names available for `kind`: files in the searched directories and the compiled-in ones.
    public func available(_ kind: Kind) -> [String] {
        var names = Set((kind == .theme ? EmbeddedFiles.themes : EmbeddedFiles.keymaps).keys)
        for dir in [userConfigDirectory] + shareDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(dir)/\(kind.rawValue)")) ?? []
            for f in files where f.hasSuffix(".toml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
