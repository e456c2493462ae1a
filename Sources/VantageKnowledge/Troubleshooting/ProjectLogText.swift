import Foundation
import VantageCore

/// Reads the error output of a project's last run from the log file the supervisor writes
/// (`$VANTAGE_HOME/logs/<name>.log`, lines `2026-11-25T15:01:02.123Z err text`).
public enum ProjectLogText {
    /// The text of the lines of the last run (after the last "[vantage] started" note), without
    /// the time stamp and stream columns; Vantage's state-change notes are left out. At most `lines` lines
    /// are read from the end of the file.
    public static func lastRun(ofFile path: String, lines: Int = 400) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let all = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(lines).map(String.init)
        var run: [String] = []
        for raw in all {
            let text = strip(raw)
            if text.hasPrefix("[vantage] started ") { run = []; continue }
            // A launch that failed before any process ran is a run of its own: its note is the problem.
            if text.hasPrefix(ProjectLogFile.launchFailedNote) { run = [] }
            // Vantage's bookkeeping is left out; its notes about failures ("OOM kill at limit 64 MiB") stay.
            if ["[vantage] state ", "[vantage] stopped", "[vantage] stopping"].contains(where: text.hasPrefix) { continue }
            run.append(text)
        }
        return run.joined(separator: "\n")
    }

    /// "2026-11-25T15:01:02.123Z err text" → "text"; a line in another shape is kept whole.
    static func strip(_ line: String) -> String {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].count >= 20, parts[0].contains("T"), parts[1] == "out" || parts[1] == "err" else {
            return line
        }
        return parts.count == 3 ? String(parts[2]) : ""
    }
}
