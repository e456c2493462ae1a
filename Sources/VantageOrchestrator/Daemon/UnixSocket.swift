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

    static func connect(_ path: String) -> Int32? {
        guard var addr = try? address(path) else { return nil }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0 else { close(fd); return nil }
        return fd
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

/// Reads newline-terminated lines from a descriptor.
final class LineReader {
    let fd: Int32
    private var pending = [UInt8]()
    init(fd: Int32) { self.fd = fd }

    /// The next line, or nil at end of stream.
    func next() -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let nl = pending.firstIndex(of: 10) {
                let line = Data(pending[..<nl])
                pending.removeSubrange(...nl)
                return line
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            pending.append(contentsOf: buffer[0..<n])
        }
    }
}
