#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small /proc files with raw `open`/`read` into one reused buffer, so a tick over every
/// process allocates almost nothing. Any failure (a process that vanished, a permission refused)
/// is reported as nil and never thrown: /proc changes under our feet all the time.
///
/// Not thread-safe: one reader belongs to one actor.
final class ProcFileReader {
    private var buffer: UnsafeMutableRawBufferPointer
    private var linkBuffer: UnsafeMutablePointer<CChar>
    private static let linkCapacity = 4096

    init(capacity: Int = 64 * 1024) {
        buffer = .allocate(byteCount: capacity, alignment: 16)
        linkBuffer = .allocate(capacity: Self.linkCapacity)
    }

    deinit {
        buffer.deallocate()
        linkBuffer.deallocate()
    }

    /// Calls `body` with the whole file's bytes (valid only during the call), or returns nil when
    /// the file cannot be opened or read. Files larger than the buffer grow it.
    func withContents<R>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withContents(ofOpen: fd, body)
    }

    /// Like `withContents(of:)` on a file kept open: reads it again from offset 0 with `pread`
    /// (/proc files produce fresh text on every read from the start).
    func withContents<R>(ofOpen fd: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var filled = 0
        while true {
            if filled == buffer.count {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = bigger
            }
            let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(filled))
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
        return body(bytes)
    }

    /// The target of a symbolic link (such as `/proc/PID/cwd`), or nil.
    func readLink(_ path: String) -> String? {
        let n = readlink(path, linkBuffer, Self.linkCapacity)
        guard n > 0 else { return nil }
        let raw = UnsafeRawBufferPointer(start: linkBuffer, count: n)
        return String(decoding: raw, as: UTF8.self)
    }

    /// Calls `body` with the target bytes of a symbolic link (no String made), or returns nil.
    func withLinkTarget<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let n = readlink(path, linkBuffer, Self.linkCapacity)
        guard n > 0 else { return nil }
        let bytes = UnsafeRawPointer(linkBuffer).assumingMemoryBound(to: UInt8.self)
        return body(UnsafeBufferPointer(start: bytes, count: n))
    }

    /// The numeric entries of a directory (the pids in /proc, the fds in /proc/PID/fd).
    func numericEntries(_ path: String) -> [Int32] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var numbers: [Int32] = []
        while let entry = readdir(dir) {
            let n: Int32? = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: 256) { p in
                    var value: Int32 = 0
                    var i = 0
                    while p[i] != 0 {
                        guard ByteScanner.isDigit(p[i]), i < 10 else { return nil }
                        value = value &* 10 &+ Int32(p[i] &- 48)
                        i += 1
                    }
                    return i > 0 ? value : nil
                }
            }
            if let n { numbers.append(n) }
        }
        return numbers
    }

    /// Names in a directory, skipping `.` and `..`; empty when it cannot be read.
    func directoryEntries(_ path: String, where keep: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: 256) { p in
                    let len = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
                    let bytes = UnsafeBufferPointer(start: p, count: len)
                    if bytes.equals(".") || bytes.equals("..") || !keep(bytes) { return nil }
                    return String(decoding: bytes, as: UTF8.self)
                }
            }
            if let name { names.append(name) }
        }
        return names
    }
}
