import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file that Vantage does not own, safely: opened with O_NONBLOCK (a FIFO put in
/// the file's place cannot make the open or the read wait), checked to be a regular file with
/// fstat on the open descriptor (no race between the check and the read), and never read past
/// `maxBytes`, even when the file grows while it is read.
public enum FileBytes {
    public enum Failure: Error, Sendable, Equatable {
        /// Missing, no permission, a broken link.
        case unreadable(errno: Int32)
        /// A FIFO, socket, device or folder.
        case notRegular
        /// Larger than the limit (the size seen).
        case tooLarge(Int)

        /// Why, as a person reads it.
        public var reason: String {
            switch self {
            case .unreadable(let code): return "could not be read (\(String(cString: strerror(code))))"
            case .notRegular: return "not a regular file (a pipe, socket, device or folder); skipped"
            case .tooLarge(let size): return "larger than the limit (\(size) bytes or more); skipped"
            }
        }
    }

    public static func read(_ path: String, maxBytes: Int = 64 << 20) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(errno: errno)) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        let size = Int(st.st_size)
        if size > maxBytes { return .failure(.tooLarge(size)) }
        var data = Data(count: max(size, 0) + 1)
        var filled = 0
        while true {
            if filled == data.count {
                if data.count > maxBytes { return .failure(.tooLarge(data.count)) }
                data.count = data.count * 2
            }
            let n = data.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno: errno))
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
        return .success(data)
    }
}
