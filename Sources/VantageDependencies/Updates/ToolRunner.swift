import Foundation
import VantageCore

/// Runs an ecosystem tool (npm, pip, cargo ...) with a clean signal mask and captures its output.
public enum ToolRunner {
    public typealias Result = ChildProcess.Result

    public static func which(_ tool: String) -> String? { ChildProcess.which(tool) }

    /// Runs `command` in `directory` through `ChildProcess` (clean signal mask, its own process
    /// group, killed when `timeout` seconds pass), with standard output and error together.
    /// `CI=1` unless the environment says otherwise, so tools do not prompt or draw progress bars.
    public static func run(_ command: [String], in directory: String, environment: [String: String]? = nil, timeout: Double = 300) -> Result {
        var env = environment ?? ProcessInfo.processInfo.environment
        env["CI"] = env["CI"] ?? "1"
        do {
            return try ChildProcess.run(command, directory: directory, environment: env, timeout: timeout)
        } catch {
            return Result(status: 127, output: error.message, timedOut: false)
        }
    }
}
