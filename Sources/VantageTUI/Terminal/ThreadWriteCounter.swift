import Foundation

/// Bytes the calling thread has passed to write(2) so far (`wchar` of /proc/thread-self/io).
/// ncurses flushes a whole refresh with write(2) from the thread that calls `doupdate`, so the
/// difference around one refresh is the bytes that refresh sent to the terminal.
enum ThreadWriteCounter {
    static func bytesWritten() -> UInt64? {
        let fd = open("/proc/thread-self/io", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        // The second line is "wchar: N".
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
            return UInt64(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
