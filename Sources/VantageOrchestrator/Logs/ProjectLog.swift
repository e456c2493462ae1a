import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import VantageCore

/// One project's captured output: each line is redacted, timestamped, appended to
/// `$VANTAGE_HOME/logs/<name>.log` (rotated by size into `.1` and `.2`), kept in a short in-memory
/// tail and published as `Event.log`.
///
/// A line is written whole or not at all: when the disk is full the part that did get written is
/// cut off again, the lines are counted, and once writing works again a line
/// "[vantage] N lines lost while the disk was full" comes first.
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
    let clock: any VantageClock

    private struct State {
        var fd: Int32 = -1
        var size: Int = 0
        /// Lines that could not be written since the last one that could.
        var lost = 0
        var tail: [Entry] = []
        var sequence = 0
        var redactor = LogRedactor()
    }
    private let state = Mutex(State())
    static let tailCapacity = 500

    init(directory: String, name: String, project: ProjectID, bus: Bus?, clock: any VantageClock, maxBytes: Int = 8 << 20, keptFiles: Int = 2) {
        self.path = "\(directory)/\(name).log"
        self.project = project
        self.maxBytes = maxBytes
        self.keptFiles = keptFiles
        self.bus = bus
        self.clock = clock
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func setRedactor(_ redactor: LogRedactor) { state.withLock { $0.redactor = redactor } }

    /// The sequence number the next line will get (a readiness probe reads lines from here on).
    var nextSequence: Int { state.withLock { $0.sequence } }

    func append(_ rawText: String, stream: LogLine.Stream, process: String? = nil) {
        append([rawText], stream: stream, process: process)
    }

    /// Lines read together from one pipe: written to the file in one call and published as one
    /// delivery (`Bus.publish(contentsOf:)`), so a flood of output costs a write and a wake-up per
    /// burst, not per line.
    func append(_ rawTexts: [String], stream: LogLine.Stream, process: String? = nil) {
        guard !rawTexts.isEmpty else { return }
        let time = clock.now
        let lines: [LogLine] = state.withLock { s in
            let lines = rawTexts.map { LogLine(time: time, project: project, stream: stream, text: s.redactor.redact($0), process: process) }
            writeLocked(&s, lines)
            for line in lines {
                s.tail.append(Entry(sequence: s.sequence, line: line))
                s.sequence += 1
            }
            if s.tail.count > Self.tailCapacity { s.tail.removeFirst(s.tail.count - Self.tailCapacity) }
            return lines
        }
        bus?.publish(contentsOf: lines.map { .log($0) })
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

    /// Writes `lines`, preceded by the note about the lines lost while the disk was full if there
    /// are any: all in one write, so the note appears only with the first lines that fit again.
    private func writeLocked(_ s: inout State, _ lines: [LogLine]) {
        guard let first = lines.first else { return }
        var text = ""
        if s.lost > 0 {
            let note = LogLine(time: first.time, project: project, stream: .stderr,
                               text: "[vantage] \(s.lost) line\(s.lost == 1 ? "" : "s") lost while the disk was full")
            text = Self.format(note)
        }
        for line in lines { text += Self.format(line) }
        if appendWhole(&s, Array(text.utf8)) { s.lost = 0 } else { s.lost += lines.count }
    }

    /// Appends `bytes` in full, rotating first when the file would outgrow `maxBytes`. On a
    /// failed or short write the file is cut back to where it was, so no torn line stays.
    private func appendWhole(_ s: inout State, _ bytes: [UInt8]) -> Bool {
        if s.fd >= 0, s.size + bytes.count > maxBytes {
            Glibc.close(s.fd)
            s.fd = -1
            rotate()
        }
        if s.fd < 0 {
            s.fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard s.fd >= 0 else { return false }
            var st = stat()
            s.size = fstat(s.fd, &st) == 0 ? Int(st.st_size) : 0
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(s.fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if written > 0 { _ = ftruncate(s.fd, off_t(s.size)) }
                return false
            }
            written += n
        }
        s.size += bytes.count
        return true
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
        state.withLock { s in
            if s.fd >= 0 { Glibc.close(s.fd) }
            s.fd = -1
        }
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

    /// The last `count` lines of a stored log and, when it is short of them, of its rotated copies
    /// (`path.1`, then `path.2` …), oldest first; `earlier` says that older lines remain.
    public static func tail(of path: String, lines count: Int, rotated: Int = 2) -> (lines: [String], earlier: Bool) {
        var newestFirst: [[String]] = []
        var wanted = max(0, count)
        let files = [path] + (0..<max(0, rotated)).map { "\(path).\($0 + 1)" }
        for (i, file) in files.enumerated() {
            let (lines, more) = lastLines(ofFile: file, count: wanted)
            newestFirst.append(lines)
            wanted -= lines.count
            if wanted == 0 {
                let older = more || files[(i + 1)...].contains { fileSize($0) > 0 }
                return (newestFirst.reversed().flatMap { $0 }, older)
            }
        }
        return (newestFirst.reversed().flatMap { $0 }, false)
    }

    /// Reads the last `count` lines of a stored log file (for `vantage logs` without a daemon's memory).
    public static func tail(ofFile path: String, lines count: Int) -> [String] {
        lastLines(ofFile: path, count: count).lines
    }

    private static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// The last `count` lines of one file, read backwards in blocks (a log holds up to 8 MB), and
    /// whether anything comes before them.
    static func lastLines(ofFile path: String, count: Int) -> (lines: [String], more: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return ([], false) }
        defer { Glibc.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return ([], false) }
        guard count > 0 else { return ([], true) }
        var chunks: [[UInt8]] = []
        var newlines = 0
        var offset = Int(st.st_size)
        let block = 64 << 10
        // count + 1 newlines: the line before the last `count` is complete, so they are too.
        while offset > 0 && newlines <= count {
            let size = min(block, offset)
            offset -= size
            var chunk = [UInt8](repeating: 0, count: size)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, off_t(offset)) }
            guard n == size else { break }
            newlines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            chunks.append(chunk)
        }
        var tail = Array(chunks.reversed().joined())
        // A final newline ends the last line; it does not start an empty one.
        if tail.last == 10 { tail.removeLast() }
        var lines = tail.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let more = offset > 0 || lines.count > count
        if lines.count > count { lines.removeFirst(lines.count - count) }
        return (lines, more)
    }
}
