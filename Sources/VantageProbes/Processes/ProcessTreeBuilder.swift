import Foundation
import VantageCore

/// Lays out a project's processes as a tree: each top process (one whose parent is not the
/// project's), then its children depth first, ordered by pid; with each one's CPU share, memory,
/// threads and age from the table and rates of one monitor tick.
public enum ProcessTreeBuilder {
    /// How deep the tree is drawn at most; deeper processes are listed at this depth (a loop of
    /// parents cannot happen in /proc, but a bound costs nothing).
    public static let maxDepth = 64

    /// `members`: the pids of the project. `commandLine` reads a process's arguments (empty for a
    /// kernel thread or a process gone meanwhile: its short name is shown instead).
    public static func rows(members: Set<Int32>, table: ProcessTable, rates: [Int32: ProcessRate],
                            ticksPerSecond: Double, commandLine: (Int32) -> [String]?) -> [ProcessTreeRow] {
        let present = members.filter { table.processes[$0] != nil }
        let tops = present.filter { pid in
            guard let parent = table.processes[pid]?.ppid else { return true }
            return parent == pid || !present.contains(parent)
        }.sorted()
        var rows: [ProcessTreeRow] = []
        var seen: Set<Int32> = []
        // Depth first with an explicit stack: pids in ascending order at each level.
        var stack: [(pid: Int32, depth: Int)] = tops.reversed().map { ($0, 0) }
        while let (pid, depth) = stack.popLast() {
            guard seen.insert(pid).inserted, let p = table.processes[pid] else { continue }
            let args = commandLine(pid) ?? []
            let command = args.isEmpty ? p.comm : args.joined(separator: " ")
            let age = table.uptimeSeconds.map { max(0, $0 - Double(p.startTicks) / ticksPerSecond) }
            rows.append(ProcessTreeRow(pid: pid, ppid: p.ppid, depth: depth, command: command,
                                       cpuPercent: rates[pid]?.cpuPercent ?? 0, rssBytes: p.rssBytes, threads: p.threads,
                                       uptimeSeconds: age, state: String(UnicodeScalar(p.state))))
            let children = (table.children[pid] ?? []).filter { present.contains($0) && !seen.contains($0) }.sorted()
            stack.append(contentsOf: children.reversed().map { ($0, min(depth + 1, maxDepth)) })
        }
        return rows
    }
}
