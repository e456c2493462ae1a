import Foundation
import VantageCore

/// Runs one pipeline or CI step: a shell command in a folder, with an environment and a timeout
/// after which its whole process group is killed (`ChildProcess`, the one way Vantage runs helpers).
/// Blocking: call it off the supervisor's actor.
public enum StepRunner {
    /// Lines of output kept in a report.
    public static let tailLines = 40

    /// - Parameters:
    ///   - shell: the program and flags the command is given to (`["/bin/sh", "-c"]`, `["bash", "-e", "-c"]`).
    ///   - environment: the complete environment; the caller's when nil.
    public static func run(name: String, command: String, in directory: String, environment: [String: String]? = nil,
                           shell: [String] = ["/bin/sh", "-c"], timeout: Double) -> StepReport {
        let start = ContinuousClock.now
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(shell + [command], directory: directory, environment: environment, timeout: timeout)
        } catch {
            return StepReport(name: name, command: command, state: .failed, seconds: 0, note: error.message)
        }
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let tail = result.output.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).reversed().drop { $0.isEmpty }.reversed().suffix(tailLines)
        let note: String?
        if result.timedOut {
            note = "timed out after \(String(format: "%g", timeout)) s"
        } else if result.status != 0 {
            note = result.status > 128 ? "killed by signal \(result.status - 128)" : "exit status \(result.status)"
        } else {
            note = nil
        }
        return StepReport(name: name, command: command, state: result.succeeded ? .succeeded : .failed, seconds: seconds,
                          outputTail: Array(tail), note: note)
    }
}
