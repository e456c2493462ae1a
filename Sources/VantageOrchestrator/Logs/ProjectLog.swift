import Foundation
import Synchronization
import VantageCore

/// One project's captured output: each line is redacted, timestamped, appended to
/// `$VANTAGE_HOME/logs/<name>.log` (rotated by size), kept in a short in-memory tail and published
/// as `Event.log`.
public final class ProjectLog: Sendable {
    public struct Entry: Sendable, Equatable {
        public var sequence: Int
        public var line: LogLine
    }

    public let path: String
    let project: ProjectID
    let maxBytes: Int
    let keptFiles: Int
    let bus: Bus?

    private struct State {
        var handle: FileHandle?
        var size: Int = 0
        var tail: [Entry] = []
        var sequence = 0
        var redactor = LogRedactor()
    }
    private let state = Mutex(State())
    static let tailCapacity = 500

    init(directory: String, name: String, project: ProjectID, bus: Bus?, maxBytes: Int = 8 << 20, keptFiles: Int = 2) {
        self.path = "\(directory)/\(name).log"
        self.project = project
        self.maxBytes = maxBytes
        self.keptFiles = keptFiles
        self.bus = bus
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func setRedactor(_ redactor: LogRedactor) { state.withLock { $0.redactor = redactor } }

    /// The sequence number the next line will get (a readiness probe reads lines from here on).
    var nextSequence: Int { state.withLock { $0.sequence } }

    func append(_ rawText: String, stream: LogLine.Stream, time: Date = Date()) {
        let line: LogLine = state.withLock { s in
            let text = s.redactor.redact(rawText)
            let line = LogLine(time: time, project: project, stream: stream, text: text)
            let stored = Self.format(line)
            writeLocked(&s, stored)
            s.tail.append(Entry(sequence: s.sequence, line: line))
            s.sequence += 1
            if s.tail.count > Self.tailCapacity { s.tail.removeFirst(s.tail.count - Self.tailCapacity) }
            return line
        }
        bus?.publish(.log(line))
    }

    /// A note from Vantage itself (start, stop, exit status) in the same file.
    func note(_ text: String) {
        append(LogSeverity.vantageNotePrefix + text, stream: .stderr)
    }

    /// Lines kept in memory from `sequence` on.
    func entries(since sequence: Int) -> [Entry] {
        state.withLock { s in s.tail.filter { $0.sequence >= sequence } }
    }

    /// The last `count` lines, optionally only from stderr.
    func lastLines(_ count: Int, stderrOnly: Bool = false) -> [LogLine] {
        state.withLock { s in
            let lines = s.tail.map(\.line).filter { !stderrOnly || $0.stream == .stderr }
            return Array(lines.suffix(count))
        }
    }

    /// `2026-11-25T15:01:02.123Z out text` plus a newline: the stored and printed form of a line.
    public static func format(_ line: LogLine) -> String {
        let stamp = UTCTime.iso8601(line.time, fractionalSeconds: true)
        return "\(stamp) \(line.stream == .stdout ? "out" : "err") \(line.text)\n"
    }

    private func writeLocked(_ s: inout State, _ text: String) {
        if s.handle == nil {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            s.handle = FileHandle(forWritingAtPath: path)
            s.size = Int((try? s.handle?.seekToEnd()) ?? 0)
        }
        let data = Data(text.utf8)
        if s.size + data.count > maxBytes {
            try? s.handle?.close()
            s.handle = nil
            rotate()
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            s.handle = FileHandle(forWritingAtPath: path)
            s.size = 0
        }
        try? s.handle?.write(contentsOf: data)
        s.size += data.count
    }

    private func rotate() {
        let fm = FileManager.default
        try? fm.removeItem(atPath: "\(path).\(keptFiles)")
        if keptFiles > 1 {
            for i in stride(from: keptFiles - 1, through: 1, by: -1) {
                try? fm.moveItem(atPath: "\(path).\(i)", toPath: "\(path).\(i + 1)")
            }
        }
        try? fm.moveItem(atPath: path, toPath: "\(path).1")
    }

    func close() {
        state.withLock { s in try? s.handle?.close(); s.handle = nil }
    }

    /// The last `count` lines for a console that attaches: the lines kept in memory (exactly as
    /// they were published, so a live copy of one can be recognised), preceded by older lines read
    /// back from the file (from before this supervisor started, e.g. of an adopted project).
    func backlog(_ count: Int) -> [LogLine] {
        let recent = lastLines(count)
        guard recent.count < count else { return recent }
        let cutoff = recent.first?.time ?? .distantFuture
        let older = Self.tail(ofFile: path, lines: count).compactMap { Self.parse($0, project: project) }
            .filter { $0.time < cutoff.addingTimeInterval(-0.001) }
        return Array((older + recent).suffix(count))
    }

    /// A stored line (`format`) read back; nil for a line that is not in that form.
    static func parse(_ stored: String, project: ProjectID) -> LogLine? {
        let parts = stored.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let time = UTCTime.parseISO8601(parts[0]) else { return nil }
        let stream: LogLine.Stream
        switch parts[1] {
        case "out": stream = .stdout
        case "err": stream = .stderr
        default: return nil
        }
        return LogLine(time: time, project: project, stream: stream, text: parts.count > 2 ? String(parts[2]) : "")
    }

    /// Reads the last `count` lines of a stored log file (for `vantage logs` without a daemon's memory).
    public static func tail(ofFile path: String, lines count: Int) -> [String] {
        guard let text = LinuxCalls.readFile(path) else { return [] }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = all.last == "" ? Array(all.dropLast()) : all
        return Array(trimmed.suffix(count))
    }
}
