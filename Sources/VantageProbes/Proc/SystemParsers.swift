/// Parsers for the system-wide /proc files. Each takes the file's bytes and returns nil when the
/// text is not what the kernel writes.
enum SystemParsers {
    /// /proc/stat: `cpu  user nice system idle iowait irq softirq steal guest guest_nice`, then `cpuN ...`.
    static func cpuStat(_ bytes: UnsafeBufferPointer<UInt8>) -> CPUStat? {
        var s = ByteScanner(bytes)
        var all: CPUTimes?
        var perCPU: [CPUTimes] = []
        while !s.isAtEnd {
            guard s.consume("cpu") else { break }   // the cpu lines come first
            let aggregate = s.current == ByteScanner.space
            if !aggregate { _ = s.readUInt64() }     // the cpu number
            var fields: [UInt64] = []
            fields.reserveCapacity(10)
            while let v = s.readUInt64() { fields.append(v) }
            s.skipLine()
            guard fields.count >= 4 else { return nil }
            let counted = fields.prefix(8)
            let total = counted.reduce(0, &+)
            let idle = fields[3] &+ (fields.count > 4 ? fields[4] : 0)
            let times = CPUTimes(total: total, idle: idle)
            if aggregate { all = times } else { perCPU.append(times) }
        }
        guard let all else { return nil }
        return CPUStat(all: all, perCPU: perCPU)
    }

    /// /proc/meminfo: `MemTotal:  16300000 kB` lines.
    static func memory(_ bytes: UnsafeBufferPointer<UInt8>) -> MemoryInfo? {
        var s = ByteScanner(bytes)
        var info = MemoryInfo()
        var found = 0
        while !s.isAtEnd, found < 4 {
            if s.consume("MemTotal:") { info.totalBytes = (s.readUInt64() ?? 0) &* 1024; found += 1 }
            else if s.consume("MemAvailable:") { info.availableBytes = (s.readUInt64() ?? 0) &* 1024; found += 1 }
            else if s.consume("SwapTotal:") { info.swapTotalBytes = (s.readUInt64() ?? 0) &* 1024; found += 1 }
            else if s.consume("SwapFree:") { info.swapFreeBytes = (s.readUInt64() ?? 0) &* 1024; found += 1 }
            s.skipLine()
        }
        return info.totalBytes > 0 ? info : nil
    }

    /// /proc/loadavg: `0.52 0.58 0.59 1/467 12345`.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>) -> LoadAverage? {
        var s = ByteScanner(bytes)
        guard let one = s.readDecimal(), let five = s.readDecimal(), let fifteen = s.readDecimal() else { return nil }
        return LoadAverage(one: one, five: five, fifteen: fifteen)
    }

    /// /proc/net/dev: two header lines, then `  eth0: rxbytes rxpackets ... (8 rx fields) txbytes ...`.
    /// Sums every interface except loopback.
    static func network(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteCounters? {
        var s = ByteScanner(bytes)
        s.skipLine()
        s.skipLine()
        var rx: UInt64 = 0, tx: UInt64 = 0
        var any = false
        while !s.isAtEnd {
            let name = s.readToken(until: UInt8(ascii: ":"))
            guard s.current == UInt8(ascii: ":") else { s.skipLine(); continue }
            s.index += 1
            if !name.equals("lo"), let r = s.readUInt64() {
                s.skipFields(7)
                if let t = s.readUInt64() {
                    rx &+= r
                    tx &+= t
                    any = true
                }
            }
            s.skipLine()
        }
        return any || !bytes.isEmpty ? ByteCounters(inBytes: rx, outBytes: tx) : nil
    }

    /// /proc/diskstats: `major minor name reads merged sectorsRead msReading writes merged sectorsWritten ...`.
    /// Sums whole disks only (partitions, loop, ram, zram, device-mapper and md would count bytes twice).
    static func disk(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteCounters? {
        var s = ByteScanner(bytes)
        var read: UInt64 = 0, written: UInt64 = 0
        while !s.isAtEnd {
            s.skipFields(2)
            let name = s.readToken()
            if isWholeDisk(name) {
                s.skipFields(2)
                let sectorsRead = s.readUInt64() ?? 0
                s.skipFields(3)
                let sectorsWritten = s.readUInt64() ?? 0
                read &+= sectorsRead &* 512
                written &+= sectorsWritten &* 512
            }
            s.skipLine()
        }
        return ByteCounters(inBytes: read, outBytes: written)
    }

    /// `sda`, `vda`, `nvme0n1`, `mmcblk0` are whole disks; `sda1`, `nvme0n1p2`, `mmcblk0p1`, `loop3`,
    /// `ram0`, `zram0`, `dm-0`, `md0`, `sr0` are not counted.
    static func isWholeDisk(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = name.last else { return false }
        for skipped: StaticString in ["loop", "ram", "zram", "dm-", "md", "sr", "fd"] where name.hasPrefix(skipped) {
            return false
        }
        if name.hasPrefix("nvme") || name.hasPrefix("mmcblk") {
            // Partitions end in p<digits> after the device's own digits.
            var i = name.count - 1
            while i > 0, ByteScanner.isDigit(name[i]) { i -= 1 }
            return !(name[i] == UInt8(ascii: "p") && i > 0 && ByteScanner.isDigit(name[i - 1]) && i < name.count - 1)
        }
        return !ByteScanner.isDigit(last)
    }

    /// /proc/uptime: `12345.67 23456.78`, seconds since boot.
    static func uptime(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var s = ByteScanner(bytes)
        return s.readDecimal()
    }
}
