/// What the supervisor's log of a project is called and what some of its notes say, for the
/// readers of that file (`troubleshoot`, the Troubleshooting pane, the log viewer).
public enum ProjectLogFile {
    /// The file name (without extension) of a project's log, run files and cgroup: its name with
    /// anything but letters, digits, `-`, `_` and `.` replaced by `_`, at most 60 characters. The
    /// supervisor writes `$VANTAGE_HOME/logs/<this>.log`.
    public static func name(forProject name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(60))
    }

    public static func path(forProject name: String, in logs: String) -> String { logs + "/" + Self.name(forProject: name) + ".log" }

    /// How the supervisor's note about a launch that failed before any process ran begins; the
    /// note is a run of its own for the readers.
    public static let launchFailedNote = "[vantage] launch failed: "
}
