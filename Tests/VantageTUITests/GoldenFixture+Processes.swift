import Foundation
import VantageCore

/// The process tree of `api` for the process view's goldens and tests: npm, the node server and its
/// two workers, a build watcher under one of them, and a zombie left by a child that exited.
extension GoldenFixture {
    static var apiProcesses: ProcessTree {
        func row(_ pid: Int32, _ ppid: Int32, _ depth: Int, _ command: String, cpu: Double, rss: UInt64, threads: Int32,
                 age: Double, state: String = "S") -> ProcessTreeRow {
            ProcessTreeRow(pid: pid, ppid: ppid, depth: depth, command: command, cpuPercent: cpu, rssBytes: rss, threads: threads,
                           uptimeSeconds: age, state: state)
        }
        return ProcessTree(project: id("api"), time: time(ticks), rows: [
            row(4101, 1, 0, "npm start", cpu: 0.3, rss: 52_000_000, threads: 11, age: 7_260),
            row(4102, 4101, 1, "node server.js --port 3000", cpu: 11.8, rss: 88_400_000, threads: 7, age: 7_258),
            row(4130, 4102, 2, "node worker.js --queue emails", cpu: 4.2, rss: 61_000_000, threads: 6, age: 7_250),
            row(4131, 4102, 2, "node worker.js --queue reports --concurrency 4", cpu: 0, rss: 58_700_000, threads: 6, age: 7_250),
            row(4160, 4131, 3, "esbuild --watch src/reports", cpu: 1.5, rss: 24_000_000, threads: 9, age: 95),
            row(4199, 4102, 2, "sh", cpu: 0, rss: 0, threads: 1, age: 3, state: "Z"),
        ])
    }
}
