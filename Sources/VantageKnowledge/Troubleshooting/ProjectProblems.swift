import Foundation
import VantageCore
import VantageStore

/// The one source of a project's problems, read the same way by `vantage troubleshoot` and by
/// the Troubleshooting pane: the project's last run as its log file records it (its own output
/// and Vantage's notes about it, such as a launch that failed), matched by the knowledge base with
/// what the project's own manifest declares at that moment.
public enum ProjectProblems {
    public static func find(logFile: String, project: ProjectContext, learned: [LearnedFixRecord]) -> [Suggestion] {
        guard let text = ProjectLogText.lastRun(ofFile: logFile) else { return [] }
        // Vantage's note about a failed launch carries the message the screen shows for it.
        return TroubleshootingKB.match(text, project: project, learned: learned).map { s in
            var s = s
            if s.evidence.hasPrefix(ProjectLogFile.launchFailedNote) { s.evidence.removeFirst(ProjectLogFile.launchFailedNote.count) }
            return s
        }
    }
}
