/// Parsers for the per-process files under /proc/PID.
enum ProcessParsers {
    /// /proc/PID/stat: `pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
    /// cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime vsize rss ...`.
    /// The name may hold spaces and parentheses, so fields are counted after the last `)`.
    static func stat(_ bytes: UnsafeBufferPointer<UInt8>, pageSize: UInt64) -> ProcessReading? {
        var s = ByteScanner(bytes)
        guard let pid = s.readInt64() else { return nil }
        var open = -1, close = -1
        for i in s.index..<bytes.count {
            if bytes[i] == UInt8(ascii: "(") && open < 0 { open = i }
            if bytes[i] == UInt8(ascii: ")") { close = i }
        }
        guard open >= 0, close > open else { return nil }
        let comm = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
        s.index = close + 1
        s.skipBlanks()
        guard let state = s.current else { return nil }
        s.index += 1
        guard let ppid = s.readInt64(), let pgid = s.readInt64(), let sid = s.readInt64() else { return nil }
        s.skipFields(6)                     // tty tpgid flags minflt cminflt majflt
        _ = s.readUInt64()                  // cmajflt
        guard let utime = s.readUInt64(), let stime = s.readUInt64() else { return nil }
        s.skipFields(4)                     // cutime cstime priority nice (may be negative)
        guard let threads = s.readInt64() else { return nil }
        s.skipField()                       // itrealvalue
        guard let start = s.readUInt64() else { return nil }
        s.skipField()                       // vsize
        let rssPages = s.readInt64() ?? 0
        return ProcessReading(pid: Int32(truncatingIfNeeded: pid), ppid: Int32(truncatingIfNeeded: ppid),
                              pgid: Int32(truncatingIfNeeded: pgid), sid: Int32(truncatingIfNeeded: sid),
                              state: state, comm: comm, cpuTicks: utime &+ stime, startTicks: start,
                              threads: Int32(truncatingIfNeeded: threads),
                              rssBytes: UInt64(max(0, rssPages)) &* pageSize)
    }

    /// /proc/PID/statm: `size resident shared text lib data dt`, in pages. Returns resident bytes.
    static func statmResident(_ bytes: UnsafeBufferPointer<UInt8>, pageSize: UInt64) -> UInt64? {
        var s = ByteScanner(bytes)
        guard s.readUInt64() != nil, let resident = s.readUInt64() else { return nil }
        return resident &* pageSize
    }

    /// /proc/PID/io: `read_bytes: N` and `write_bytes: N` lines (storage traffic, not pipes).
    static func io(_ bytes: UnsafeBufferPointer<UInt8>) -> (read: UInt64, write: UInt64)? {
        var s = ByteScanner(bytes)
        var read: UInt64?, write: UInt64?
        while !s.isAtEnd, read == nil || write == nil {
            if s.consume("read_bytes:") { read = s.readUInt64() }
            else if s.consume("write_bytes:") { write = s.readUInt64() }
            s.skipLine()
        }
        guard let read, let write else { return nil }
        return (read, write)
    }

    /// /proc/PID/cmdline: arguments separated (and ended) by NUL. Joined with spaces.
    static func commandLine(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var args: [String] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0 {
            args.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count {
            args.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return args
    }

    /// A cwd link target: the kernel appends ` (deleted)` when the folder is gone.
    static func cleanLinkTarget(_ target: String) -> String {
        let suffix = " (deleted)"
        return target.hasSuffix(suffix) ? String(target.dropLast(suffix.count)) : target
    }
}
