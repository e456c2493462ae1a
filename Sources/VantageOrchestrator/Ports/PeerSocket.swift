import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ending a probe's connection without hurting the server on the other side.
///
/// Closing a socket that still has unread bytes, or that the peer writes to after the close,
/// makes the kernel answer with a reset; a server whose write then fails with EPIPE or
/// ECONNRESET may treat that as fatal (the rust-cli example did, and crash-looped). So the probe
/// sends its FIN first, reads whatever the peer still sends until the peer closes too (or a
/// short deadline passes), and only then closes: the connection ends with FIN on both sides.
enum PeerSocket {
    /// Half-closes `fd`, drains it until the peer's FIN or `idleMillis` without data (at most
    /// `totalMillis`), then closes it. Returns the bytes the peer sent (at most `keep` of them).
    @discardableResult
    static func closeGracefully(_ fd: Int32, idleMillis: Int32 = 300, totalMillis: Int = 2000, keep: Int = 0) -> [UInt8] {
        shutdown(fd, Int32(SHUT_WR))
        let received = drain(fd, idleMillis: idleMillis, totalMillis: totalMillis, keep: keep)
        close(fd)
        return received
    }

    /// Reads until end of stream, an error, `idleMillis` without data, or `totalMillis` in all.
    static func drain(_ fd: Int32, idleMillis: Int32, totalMillis: Int, keep: Int) -> [UInt8] {
        var kept: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now + .milliseconds(totalMillis)
        while ContinuousClock.now < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, idleMillis) == 1 else { break }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            guard n > 0 else { break } // 0: the peer closed; < 0: an error
            if kept.count < keep { kept.append(contentsOf: buffer[0..<min(n, keep - kept.count)]) }
        }
        return kept
    }
}
