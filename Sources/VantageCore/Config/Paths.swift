import Foundation

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
}
