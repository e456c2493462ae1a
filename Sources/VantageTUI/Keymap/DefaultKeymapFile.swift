/// `keymaps/default.toml` as the action table writes it: every action, its default keys, and what
/// it does where as comments. The shipped file is this text (ActionTableTests checks it; record it
/// again with `VANTAGE_RECORD_GOLDENS=1 swift test --filter ActionTable` after changing the table).
public enum DefaultKeymapFile {
    static let header = """
        # Vantage default keys, written out from the action table (Sources/VantageTUI/Input/ActionTable.swift);
        # do not edit: override in a preset or your own file instead.
        # Each action takes one key or a list: quit = "q", up = ["Up", "k"].
        # Key names: a character as typed ("q", "R", "?", "/"), Space, Tab, Shift-Tab, Enter, Esc,
        # Backspace, Delete, Insert, Up, Down, Left, Right, Home, End, PageUp, PageDown, F1-F24,
        # Ctrl-<letter>, Alt-<char>.
        # A preset (--keymap vim) or your own $XDG_CONFIG_HOME/vantage/keymap.toml overrides only the
        # actions it names. No default uses Ctrl-a, Ctrl-b or Ctrl-h/j/k/l: tmux needs those.
        # One key may serve two actions that never apply in the same place (n: next match in the log
        # viewer, no in a question).
        name = "default"

        [keys]
        """

    public static var text: String {
        var lines = [header]
        for spec in ActionSpec.all {
            for use in spec.uses {
                let places = use.places.map(\.title).joined(separator: ", ")
                lines.append("# \(places): \(use.summary)")
            }
            let keys = spec.keys.map { "\"\(escaped($0.description))\"" }
            lines.append("\(spec.action.name) = " + (keys.count == 1 ? keys[0] : "[" + keys.joined(separator: ", ") + "]"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
