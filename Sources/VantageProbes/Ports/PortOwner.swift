/// Who listens on a TCP port: the LISTEN socket's inode (netlink, or /proc/net/tcp and tcp6),
/// then the process whose /proc/PID/fd link points at `socket:[inode]`.
public struct PortOwner: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32?
    public var command: String?

    public init(pid: Int32?, command: String?) {
        self.pid = pid
        self.command = command
    }

    public var description: String {
        switch (pid, command) {
        case let (p?, c?): return "pid \(p), \(c)"
        case let (p?, nil): return "pid \(p)"
        default: return "owner unknown"
        }
    }

    /// Nil when nothing listens on the port; an owner without a pid when something listens but its
    /// process is not visible to us (another user's, or another namespace's).
    public static func find(port: Int, reader: ProcReader = ProcReader(maxOpenStatFiles: 0)) -> PortOwner? {
        let inodes = Set(reader.listeningSockets().filter { $0.value == port }.keys)
        guard !inodes.isEmpty else { return nil }
        for pid in reader.processIDs() where reader.socketInodes(pid).contains(where: inodes.contains) {
            return PortOwner(pid: pid, command: reader.comm(pid))
        }
        return PortOwner(pid: nil, command: nil)
    }
}
