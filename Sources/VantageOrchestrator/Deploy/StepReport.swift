import Foundation

/// One step of a deploy pipeline or a CI job as it ran: what `vantage deploy` and `vantage ci run`
/// print for each step, and what a failure's Troubleshooting problem quotes.
public struct StepReport: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case running, succeeded, failed, skipped
    }

    public var name: String
    public var command: String
    public var state: State
    /// How long it ran; nil when it did not run.
    public var seconds: Double?
    /// The last lines it printed (standard output and error, in order).
    public var outputTail: [String]
    /// Why it failed or was skipped, in words ("exit status 1", "timed out after 600 s", "uses: actions/checkout@v4").
    public var note: String?

    public init(name: String, command: String, state: State, seconds: Double? = nil, outputTail: [String] = [], note: String? = nil) {
        self.name = name
        self.command = command
        self.state = state
        self.seconds = seconds
        self.outputTail = outputTail
        self.note = note
    }

    /// `✔ test (npm test) 3.2 s` / `✘ test (npm test) 0.4 s: exit status 1`, for a terminal.
    public var line: String {
        let mark: String
        switch state {
        case .running: mark = "…"
        case .succeeded: mark = "✔"
        case .failed: mark = "✘"
        case .skipped: mark = "-"
        }
        var text = "\(mark) \(name)"
        if name != command && !command.isEmpty { text += " (\(command.count > 60 ? String(command.prefix(59)) + "…" : command))" }
        if let seconds { text += String(format: " %.1f s", seconds) }
        if let note { text += ": \(note)" }
        return text
    }
}
