import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who listens on a port: found through /proc/net/tcp and tcp6 (socket inode of the LISTEN entry),
/// then the /proc/PID/fd link that points at `socket:[inode]`.
public struct PortOwner: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32?
    public var command: String?

    public var description: String {
        switch (pid, command) {
        case let (p?, c?): return "pid \(p), \(c)"
        case let (p?, nil): return "pid \(p)"
        default: return "owner unknown"
        }
    }

    public static func find(port: Int) -> PortOwner? {
        let inodes = listeningInodes(port: port)
        guard !inodes.isEmpty else { return nil }
        for pid in ProcessTable.allPids() {
            let fdDir = "/proc/\(pid)/fd"
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: fdDir) else { continue }
            for fd in fds {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDir)/\(fd)"),
                      target.hasPrefix("socket:["),
                      let inode = UInt64(target.dropFirst(8).dropLast()) else { continue }
                if inodes.contains(inode) {
                    let comm = LinuxCalls.readSmallFile("/proc/\(pid)/comm")?.trimmingCharacters(in: .whitespacesAndNewlines)
                    return PortOwner(pid: pid, command: comm)
                }
            }
        }
        return PortOwner(pid: nil, command: nil)
    }

    /// TCP ports the processes listen on.
    public static func listeningPorts(of pids: [Int32]) -> [Int] {
        var inodeToPort: [UInt64: Int] = [:]
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = LinuxCalls.readSmallFile(table, limit: 16 << 20) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: " ", omittingEmptySubsequences: true)
                guard f.count > 9, f[3] == "0A", let colon = f[1].lastIndex(of: ":"),
                      let port = Int(f[1][f[1].index(after: colon)...], radix: 16), let inode = UInt64(f[9]) else { continue }
                inodeToPort[inode] = port
            }
        }
        var ports = Set<Int>()
        for pid in pids {
            let dir = "/proc/\(pid)/fd"
            for fd in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/\(fd)"), target.hasPrefix("socket:["),
                      let inode = UInt64(target.dropFirst(8).dropLast()), let port = inodeToPort[inode] else { continue }
                ports.insert(port)
            }
        }
        return ports.sorted()
    }

    /// Inodes of LISTEN sockets (state 0A) on the port.
    static func listeningInodes(port: Int) -> Set<UInt64> {
        var result = Set<UInt64>()
        let hexPort = String(format: "%04X", port)
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = LinuxCalls.readSmallFile(table, limit: 16 << 20) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: " ", omittingEmptySubsequences: true)
                guard f.count > 9, f[3] == "0A" else { continue }
                let local = f[1]
                guard let colon = local.lastIndex(of: ":"), local[local.index(after: colon)...] == hexPort else { continue }
                if let inode = UInt64(f[9]) { result.insert(inode) }
            }
        }
        return result
    }
}
