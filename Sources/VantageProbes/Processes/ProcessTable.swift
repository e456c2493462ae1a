/// Every process at one instant: pid → reading, and children by parent. Built by one pass over
/// `/proc/[0-9]*`; processes that vanish during the pass are simply absent.
public struct ProcessTable: Sendable {
    public var processes: [Int32: ProcessReading]
    public var children: [Int32: [Int32]]
    /// Monotonic time of the pass, in seconds.
    public var monotonicSeconds: Double
    /// Seconds since boot at the pass (from /proc/uptime), to tell which processes started since.
    public var uptimeSeconds: Double?

    public init(processes: [Int32: ProcessReading], monotonicSeconds: Double, uptimeSeconds: Double?) {
        self.processes = processes
        self.monotonicSeconds = monotonicSeconds
        self.uptimeSeconds = uptimeSeconds
        var children: [Int32: [Int32]] = [:]
        children.reserveCapacity(processes.count)
        for (pid, p) in processes where p.ppid != pid {
            children[p.ppid, default: []].append(pid)
        }
        self.children = children
    }

    /// Reads every process now. `withCWD` also reads each `cwd` link (needed for attribution).
    public static func read(from reader: ProcReader, withCWD: Bool = true) -> ProcessTable {
        let uptime = reader.uptime()
        let now = ProcReader.monotonicSeconds()
        let pids = reader.processIDs()
        var processes: [Int32: ProcessReading] = [:]
        processes.reserveCapacity(pids.count)
        for pid in pids {
            if let p = reader.process(pid, withCWD: withCWD) { processes[pid] = p }
        }
        reader.forgetProcesses(notIn: processes)
        return ProcessTable(processes: processes, monotonicSeconds: now, uptimeSeconds: uptime)
    }

    /// `pid` and every process below it, each once, parents before children.
    public func tree(of pid: Int32) -> [Int32] {
        guard processes[pid] != nil else { return [] }
        var result: [Int32] = [pid]
        var seen: Set<Int32> = [pid]
        var i = 0
        while i < result.count {
            for child in children[result[i]] ?? [] where seen.insert(child).inserted {
                result.append(child)
            }
            i += 1
        }
        return result
    }
}
