import Foundation
import VantageCore

/// The default of the dashboard's mouse: `mouse = true | false` in
/// `$XDG_CONFIG_HOME/vantage/settings.toml` (the file `on_exit` is read from), else on.
/// `--no-mouse` turns it off whatever the file says.
enum MouseSetting {
    static func read(userConfigDirectory: String) throws(VantageError) -> Bool {
        let path = OnExitSetting.file(userConfigDirectory: userConfigDirectory)
        guard FileManager.default.fileExists(atPath: path) else { return true }
        let table = try TOMLParser.parse(contentsOf: path)
        guard let value = table["mouse"] else { return true }
        guard case .bool(let on) = value else {
            throw VantageError(.config, "expected true or false, found \(value.typeDescription)",
                               at: SourceLocation(file: path, line: table.line(of: "mouse"), field: "mouse"))
        }
        return on
    }
}
