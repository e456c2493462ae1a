import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Unix stream sockets and newline-delimited reading.
enum UnixSocket {
    static func address(_ path: String) throws(VantageError) -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else {
            throw VantageError(.io, "the socket path is too long (\(bytes.count) bytes): \(path)", hint: "use a shorter VANTAGE_HOME")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return addr
    }

    static func listen(_ path: String) throws(VantageError) -> Int32 {
        var addr = try address(path)
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw VantageError(.io, "cannot create a socket: \(LinuxCalls.errnoText())") }
        let old = umask(0o177)
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        umask(old)
        guard rc == 0 else {
            close(fd)
            throw VantageError(.io, "cannot listen on \(path): \(LinuxCalls.errnoText())")
        }
        chmod(path, 0o600)
        Glibc.listen(fd, 16)
        return fd
    }

    /// Connects, waiting at most `timeout` seconds when the listener's queue is full (a stopped
    /// daemon accepts nothing). Nil when nobody listens.
    static func connect(_ path: String, timeout: Double? = nil) -> Int32? {
        guard var addr = try? address(path) else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        setTimeout(fd, SO_SNDTIMEO, timeout)
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0 else { close(fd); return nil }
        return fd
    }

    /// Sets SO_RCVTIMEO or SO_SNDTIMEO (`nil`: wait for ever).
    static func setTimeout(_ fd: Int32, _ option: Int32, _ seconds: Double?) {
        var tv = timeval()
        if let seconds, seconds > 0 {
            let clamped = min(seconds, 86_400 * 365)
            tv.tv_sec = Int(clamped)
            tv.tv_usec = Int((clamped - Double(Int(clamped))) * 1_000_000)
        }
        _ = setsockopt(fd, SOL_SOCKET, option, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}

/// Reads newline-terminated lines from a descriptor, at most `maxLineBytes` a line. Each byte is
/// looked at once (a 300 MB line without a newline costs one pass over the first `maxLineBytes`,
/// then the reader gives up), so a hostile peer can neither pin a core nor fill the memory.
final class LineReader {
    enum Outcome: Equatable {
        case line(Data)
        /// The peer closed the connection (or it failed).
        case end
        /// Nothing arrived within the descriptor's receive timeout.
        case timedOut
        /// A line grew beyond `maxLineBytes` without a newline.
        case tooLong
    }

    let fd: Int32
    let maxLineBytes: Int
    private var pending = [UInt8]()
    /// Where the current line starts in `pending`, and how far it has been searched for a newline.
    private var start = 0
    private var scanned = 0

    init(fd: Int32, maxLineBytes: Int) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
    }

    func next() -> Outcome {
        while true {
            if let nl = pending[scanned...].firstIndex(of: 10) {
                let line = Data(pending[start..<nl])
                start = nl + 1
                scanned = start
                if start == pending.count {
                    pending.removeAll(keepingCapacity: true)
                    start = 0
                    scanned = 0
                }
                return .line(line)
            }
            scanned = pending.count
            if pending.count - start > maxLineBytes { return .tooLong }
            if start > 0 {
                pending.removeSubrange(..<start)
                scanned -= start
                start = 0
            }
            let room = min(65_536, maxLineBytes + 1 - pending.count)
            let old = pending.count
            pending.append(contentsOf: repeatElement(0, count: room))
            let n = pending.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + old, room, 0) }
            let failure = errno
            pending.removeSubrange((old + max(0, n))...)
            if n < 0 && failure == EINTR { continue }
            if n < 0 && (failure == EAGAIN || failure == EWOULDBLOCK) { return .timedOut }
            if n <= 0 { return .end }
        }
    }

    /// The next line, or nil at the end, a timeout or an over-long line.
    func nextLine() -> Data? {
        if case .line(let data) = next() { return data }
        return nil
    }
}
