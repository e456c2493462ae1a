import Foundation

/// One line of a project's captured output.
public struct LogLine: Codable, Sendable, Equatable {
    public enum Stream: String, Codable, Sendable { case stdout, stderr }
    public var time: Date
    public var project: ProjectID
    public var stream: Stream
    public var text: String

    public init(time: Date, project: ProjectID, stream: Stream, text: String) {
        self.time = time
        self.project = project
        self.stream = stream
        self.text = text
    }
}
