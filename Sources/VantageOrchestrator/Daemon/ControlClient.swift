import Foundation
import VantageCore
import VantageProbes
#if canImport(Glibc)
import Glibc
#endif

/// Talks to a running supervisor over its control socket (used by the CLI, and by a TUI that attaches).
///
/// Every request waits at most `timeout` seconds of silence for its answer (a daemon carrying out
/// a slow request sends `working` every second), so a stopped or stuck daemon costs a command
/// `timeout`, then a message that says what is wrong. Streams (`subscribe`, `logs --follow`) wait
/// for ever once their first answer has come.
public final class ControlClient: @unchecked Sendable {
    /// Seconds a request waits for the daemon's answer unless told otherwise (`--timeout`):
    /// `VANTAGE_TIMEOUT` when it holds a positive number of seconds, else 10.
    public static let defaultTimeout: Double = {
        guard let text = ProcessInfo.processInfo.environment["VANTAGE_TIMEOUT"], let seconds = Double(text),
              seconds.isFinite, seconds > 0 else { return 10 }
        return min(seconds, 86_400)
    }()
    /// Longest answer line read (a backlog of every project's lines can take a few megabytes).
    static let maxResponseBytes = 256 << 20

    let fd: Int32
    let reader: LineReader
    let paths: VantagePaths?
    public let timeout: Double
    /// The host this connection reaches when it is not this machine's daemon: ids it sends are
    /// qualified with it on arrival (`ProjectID.qualified`) and unqualified on the way back.
    public let host: String?
    /// The `ssh` carrying the connection, for a remote host.
    let tunnel: SSHTunnel?
    private let writeLock = NSLock()
    private let decoder: JSONDecoder

    /// Connects, or fails with a message saying that no daemon runs.
    public static func connect(_ paths: VantagePaths, timeout: Double = defaultTimeout) throws(VantageError) -> ControlClient {
        guard let fd = UnixSocket.connect(paths.socket, timeout: timeout) else {
            if SupervisorLock.isHeld(paths), errno == EAGAIN || errno == EWOULDBLOCK || errno == EINPROGRESS {
                throw silence(paths, timeout: timeout)
            }
            let stale = FileManager.default.fileExists(atPath: paths.socket) && !SupervisorLock.isHeld(paths)
            throw VantageError(.unavailable, "no Vantage daemon is running for \(paths.home)\(stale ? " (the socket left behind is stale)" : "")",
                               hint: "start one with `vantage daemon --root DIR`, or open the console with `vantage`")
        }
        return ControlClient(fd: fd, paths: paths, timeout: timeout)
    }

    init(fd: Int32, paths: VantagePaths? = nil, timeout: Double = ControlClient.defaultTimeout, host: String? = nil, tunnel: SSHTunnel? = nil) {
        self.fd = fd
        self.paths = paths
        self.timeout = timeout
        self.host = host
        self.tunnel = tunnel
        self.reader = LineReader(fd: fd, maxLineBytes: Self.maxResponseBytes)
        decoder = JSONDecoder()
        if let host { decoder.userInfo[ProjectID.hostKey] = host }
    }

    deinit {
        close(fd)
        tunnel?.end()
    }

    /// Why the connection failed, when its transport knows better than "closed" (ssh's own error,
    /// or the remote `vantage attach --stdio` saying no daemon runs there).
    public var transportProblem: String? { tunnel?.problem() }

    private func encode(_ request: ControlRequest) -> Data {
        guard let host else { return ControlCoding.encode(request) }
        return ControlCoding.encode(request, userInfo: [ProjectID.hostKey: host])
    }

    /// Sends one request and reads its answer, waiting at most `timeout` seconds of silence.
    public func send(_ request: ControlRequest) throws(VantageError) -> ControlResponse {
        UnixSocket.setTimeout(fd, SO_SNDTIMEO, timeout)
        guard UnixSocket.writeAll(fd, encode(request)) else {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw Self.silence(paths, timeout: timeout) }
            throw VantageError(.io, "the daemon closed the connection")
        }
        UnixSocket.setTimeout(fd, SO_RCVTIMEO, timeout)
        while true {
            let response = try read()
            if response != .working { return response }
        }
    }

    /// Sends a request without waiting for its answer: an attached console's commands, whose
    /// answers come in order between the events it reads with `next()`. False when the daemon has gone.
    public func post(_ request: ControlRequest) -> Bool {
        writeLock.lock()
        defer { writeLock.unlock() }
        UnixSocket.setTimeout(fd, SO_SNDTIMEO, timeout)
        return UnixSocket.writeAll(fd, encode(request))
    }

    /// Ends the connection now (a `next()` waiting returns the end), without waiting for the daemon.
    public func hangUp() {
        shutdown(fd, Int32(SHUT_RDWR))
        tunnel?.end()
    }

    /// The next response of a stream (`subscribe`, `logs --follow`), however long it takes.
    public func next() throws(VantageError) -> ControlResponse {
        UnixSocket.setTimeout(fd, SO_RCVTIMEO, nil)
        return try read()
    }

    private func read() throws(VantageError) -> ControlResponse {
        let line: Data
        switch reader.next() {
        case .line(let data): line = data
        case .end: throw VantageError(.io, "the daemon closed the connection")
        case .timedOut: throw Self.silence(paths, timeout: timeout)
        case .tooLong: throw VantageError(.io, "the daemon sent an answer longer than \(Self.maxResponseBytes) bytes")
        }
        guard let response = try? decoder.decode(ControlResponse.self, from: line) else {
            throw VantageError(.io, "the daemon sent an answer this version cannot read")
        }
        return response
    }

    /// What to tell a person whose daemon did not answer in time: whether it is stopped (SIGSTOP,
    /// a debugger) or running but stuck, with its pid.
    static func silence(_ paths: VantagePaths?, timeout: Double) -> VantageError {
        let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
        guard let paths, let pid = SupervisorLock.holder(paths) else {
            return VantageError(.unavailable, "the Vantage daemon did not answer within \(seconds) s",
                                hint: "it may be stuck; try again with a longer --timeout, or restart it")
        }
        if ProcReader(maxOpenStatFiles: 0).process(pid, withCWD: false)?.isStopped == true {
            return VantageError(.unavailable, "the Vantage daemon (pid \(pid)) did not answer within \(seconds) s: it is stopped (SIGSTOP or a debugger)",
                                hint: "resume it with `kill -CONT \(pid)`")
        }
        return VantageError(.unavailable, "the Vantage daemon (pid \(pid)) did not answer within \(seconds) s: it is running but stuck or overloaded",
                            hint: "try again with a longer --timeout; if it stays stuck, restart it (`kill \(pid)`, then `vantage daemon`)")
    }
}
