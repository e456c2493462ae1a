#if canImport(Glibc)
import Glibc
#endif

/// Listening TCP sockets through netlink `sock_diag` (what `ss -lt` uses). Asking the kernel for
/// LISTEN sockets only walks the listening hash, while reading /proc/net/tcp walks the whole
/// established-connections hash on every read (measured here: ~10 ms of kernel time a tick).
enum NetlinkListeningSockets {
    private static let netlinkSockDiag: Int32 = 4          // NETLINK_SOCK_DIAG
    private static let sockDiagByFamily: UInt16 = 20       // SOCK_DIAG_BY_FAMILY
    private static let requestFlags: UInt16 = 0x1 | 0x300  // NLM_F_REQUEST | NLM_F_DUMP
    private static let messageError: UInt16 = 2            // NLMSG_ERROR
    private static let messageDone: UInt16 = 3             // NLMSG_DONE
    private static let tcpListen: UInt32 = 10

    /// inode → port for every listening TCP socket (IPv4 and IPv6), or nil when netlink is not
    /// available (the caller then reads /proc/net/tcp).
    static func read() -> [UInt64: Int]? {
        let fd = socket(AF_NETLINK, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), netlinkSockDiag)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // A reply the kernel dropped (ENOBUFS under load) must not block the monitor's tick for
        // ever: after a second without data the caller falls back to /proc/net/tcp.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var result: [UInt64: Int] = [:]
        var buffer = [UInt8](repeating: 0, count: 32 * 1024)
        for (seq, family) in [(UInt32(1), UInt8(AF_INET)), (UInt32(2), UInt8(AF_INET6))] {
            guard send(request(family: family, seq: seq), on: fd),
                  receive(on: fd, buffer: &buffer, into: &result) else { return nil }
        }
        return result
    }

    /// nlmsghdr (16 bytes) + inet_diag_req_v2 (56 bytes), little-endian as the host is.
    private static func request(family: UInt8, seq: UInt32) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(72)
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        func put16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        put32(72); put16(sockDiagByFamily); put16(requestFlags); put32(seq); put32(0)
        bytes.append(family)
        bytes.append(UInt8(IPPROTO_TCP))
        bytes.append(0)                       // idiag_ext
        bytes.append(0)                       // pad
        put32(1 << tcpListen)                 // idiag_states
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 48))   // inet_diag_sockid: any
        return bytes
    }

    private static func send(_ message: [UInt8], on fd: Int32) -> Bool {
        // sockaddr_nl: family, pad, pid 0 (the kernel), groups 0.
        var address = [UInt8](repeating: 0, count: 12)
        withUnsafeBytes(of: UInt16(AF_NETLINK).littleEndian) { address.replaceSubrange(0..<2, with: $0) }
        let sent = message.withUnsafeBytes { m in
            address.withUnsafeBytes { a in
                sendto(fd, m.baseAddress, m.count, 0, a.baseAddress!.assumingMemoryBound(to: sockaddr.self), 12)
            }
        }
        return sent == message.count
    }

    /// Reads replies until NLMSG_DONE. Each inet_diag_msg holds the port at bytes 4–5 (big-endian)
    /// and the inode at bytes 68–71.
    private static func receive(on fd: Int32, buffer: inout [UInt8], into result: inout [UInt64: Int]) -> Bool {
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { return false }
            var offset = 0
            while offset + 16 <= n {
                let length = Int(load32(buffer, offset))
                let type = UInt16(buffer[offset + 4]) | UInt16(buffer[offset + 5]) << 8
                guard length >= 16, offset + length <= n else { return false }
                if type == messageDone { return true }
                if type == messageError { return false }
                let body = offset + 16
                if length >= 16 + 72 {
                    let state = buffer[body + 1]
                    let port = Int(buffer[body + 4]) << 8 | Int(buffer[body + 5])
                    let inode = UInt64(load32(buffer, body + 68))
                    if UInt32(state) == tcpListen, inode != 0 { result[inode] = port }
                }
                offset += (length + 3) & ~3
            }
        }
    }

    private static func load32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
