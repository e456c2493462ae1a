import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// A project's stdout or stderr goes into a named pipe under `$VANTAGE_HOME/run`. The child holds it
/// open read-write, so it never gets SIGPIPE if the supervisor dies, and a restarted supervisor can
/// open the same pipe and keep reading (that is how an adopted project keeps its logs).
enum OutputCapture {
    /// How long a read waits for more of the same burst of output (a few ms: log lines reach the
    /// screen that much later, and a flood costs one batch per window instead of one per line).
    static let burstWindowMilliseconds = 5

    /// Creates the FIFO if needed and opens the descriptor the child writes to.
    static func childDescriptor(fifo path: String) throws(VantageError) -> Int32 {
        if access(path, F_OK) != 0 {
            guard mkfifo(path, 0o600) == 0 else {
                throw VantageError(.io, "cannot create the output pipe \(path): \(LinuxCalls.errnoText())")
            }
        }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw VantageError(.io, "cannot open the output pipe \(path): \(LinuxCalls.errnoText())") }
        return fd
    }

    /// Reads lines from the FIFO on a thread until every writer has closed it. `process` names the
    /// project's process on each line when the project runs several (a Procfile's `web`, `worker`).
    static func startReading(fifo path: String, stream: LogLine.Stream, process: String? = nil, into log: ProjectLog,
                             onEnd: (@Sendable () -> Void)? = nil) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { onEnd?(); return }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        let thread = Thread {
            var pending = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 65536)
            var open = true
            while open {
                // A burst: what the first read brings and whatever follows within `burstWindow`
                // (a logging loop writes one line per call), handed on as one batch.
                var started: ContinuousClock.Instant?
                while pending.count < buffer.count {
                    if let began = started {
                        let elapsed = began.duration(to: .now).components
                        let left = burstWindowMilliseconds - Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
                        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                        guard left > 0, poll(&p, 1, Int32(left)) > 0 else { break }
                    }
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { open = false; break }
                    pending.append(contentsOf: buffer[0..<n])
                    if started == nil { started = .now }
                }
                // Each byte is looked at once; the consumed lines are dropped in one step.
                var lines: [String] = []
                var start = 0
                while let nl = pending[start...].firstIndex(of: 10) {
                    var lineBytes = pending[start..<nl]
                    if lineBytes.last == 13 { lineBytes = lineBytes.dropLast() }
                    lines.append(String(decoding: lineBytes, as: UTF8.self))
                    start = nl + 1
                }
                pending.removeSubrange(..<start)
                if pending.count > 64 * 1024 || (!open && !pending.isEmpty) { // a very long line without a newline, or the last one
                    lines.append(String(decoding: pending, as: UTF8.self))
                    pending.removeAll()
                }
                log.append(lines, stream: stream, process: process)
            }
            close(fd)
            onEnd?()
        }
        thread.name = "vantage-log"
        thread.stackSize = 256 * 1024
        thread.start()
    }
}
