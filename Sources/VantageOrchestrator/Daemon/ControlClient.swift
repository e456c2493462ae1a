import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Talks to a running supervisor over its control socket (used by the CLI, and by a TUI that attaches).
public final class ControlClient: @unchecked Sendable {
    let fd: Int32
    let reader: LineReader

    /// Connects, or fails with a message saying that no daemon runs.
    public static func connect(_ paths: VantagePaths) throws(VantageError) -> ControlClient {
        guard let fd = UnixSocket.connect(paths.socket) else {
            let stale = FileManager.default.fileExists(atPath: paths.socket) && !SupervisorLock.isHeld(paths)
            throw VantageError(.unavailable, "no Vantage daemon is running for \(paths.home)\(stale ? " (the socket left behind is stale)" : "")",
                               hint: "start one with `vantage daemon --root DIR`, or open the console with `vantage`")
        }
        return ControlClient(fd: fd)
    }

    init(fd: Int32) {
        self.fd = fd
        self.reader = LineReader(fd: fd)
    }

    deinit { close(fd) }

    /// Sends one request and reads one response.
    public func send(_ request: ControlRequest) throws(VantageError) -> ControlResponse {
        guard UnixSocket.writeAll(fd, ControlCoding.encode(request)) else {
            throw VantageError(.io, "the daemon closed the connection")
        }
        return try next()
    }

    /// The next response (for streams: `subscribe`, `logs --follow`).
    public func next() throws(VantageError) -> ControlResponse {
        guard let line = reader.next() else { throw VantageError(.io, "the daemon closed the connection") }
        guard let response = try? JSONDecoder().decode(ControlResponse.self, from: line) else {
            throw VantageError(.io, "the daemon sent an answer this version cannot read")
        }
        return response
    }
}
