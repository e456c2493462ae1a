import Foundation

/// One line of a project's captured output.
public struct LogLine: Codable, Sendable, Equatable {
    public enum Stream: String, Codable, Sendable { case stdout, stderr }
    public var time: Date
    public var project: ProjectID
    public var stream: Stream
    public var text: String
    /// The process of the project that wrote it, when the project runs several (a Procfile's
    /// `web`, `worker`); nil for a project with one process and for Vantage's own notes.
    public var process: String?

    public init(time: Date, project: ProjectID, stream: Stream, text: String, process: String? = nil) {
        self.time = time
        self.project = project
        self.stream = stream
        self.text = text
        self.process = process
    }
}
