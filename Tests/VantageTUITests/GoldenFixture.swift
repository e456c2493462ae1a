import Foundation
import VantageCore
@testable import VantageTUI

/// A fixed, deterministic dashboard state for golden screens: fixed dates (shown in UTC), fixed
/// samples from closed-form curves, a fixed small knowledge graph. No clock, no randomness.
enum GoldenFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)   // 2026-11-18 ...
    static let ticks = 40

    static func time(_ tick: Int) -> Date { start.addingTimeInterval(Double(tick)) }

    static let projects: [Project] = [
        Project(name: "api", path: "/work/examples/api", kinds: [.node, .docker], command: "npm start", ports: [3000],
                dependencies: [Dependency(ecosystem: "npm", name: "express", version: "4.19.2"),
                               Dependency(ecosystem: "npm", name: "pg", version: "8.11.0")]),
        Project(name: "worker", path: "/work/examples/worker", kinds: [.python], command: "python main.py",
                dependencies: [Dependency(ecosystem: "pypi", name: "requests", version: "2.31.0")]),
        Project(name: "web", path: "/work/examples/web", kinds: [.go], command: "go run .", ports: [8080]),
        Project(name: "ledger-service", path: "/work/examples/ledger", kinds: [.rust], command: "cargo run"),
        Project(name: "shop", path: "/work/examples/shop", kinds: [.java], command: "mvn exec:java", ports: [8081]),
        Project(name: "stack", path: "/work/examples/stack", kinds: [.compose], command: "docker compose up", ports: [5432, 6379]),
        Project(name: "notes", path: "/work/examples/notes", kinds: [.swift], command: "swift run"),
    ]

    static func id(_ name: String) -> ProjectID { projects.first { $0.name == name }!.id }

    static func systemSample(_ t: Int) -> SystemSample {
        let x = Double(t)
        return SystemSample(time: time(t), cpuPercent: 30 + 25 * sin(x / 4), cpuCount: 2,
                            memTotalBytes: 4 << 30, memAvailableBytes: UInt64((1.5 + 0.3 * cos(x / 6)) * Double(1 << 30)),
                            load1: 0.8 + 0.5 * sin(x / 7), load5: 0.7, load15: 0.6,
                            netRxBytesPerSec: 20_000 + 15_000 * sin(x / 3), netTxBytesPerSec: 5_000,
                            diskReadBytesPerSec: Double((t * 37) % 11) * 4096, diskWriteBytesPerSec: 8192,
                            corePercents: [40 + 35 * sin(x / 4), 20 + 15 * sin(x / 4)],
                            swapTotalBytes: 2 << 30, swapFreeBytes: 1536 << 20,
                            temperatures: [Temperature(label: "nvme Composite", celsius: 41.85),
                                           Temperature(label: "coretemp Package id 0", celsius: 58),
                                           Temperature(label: "acpitz", celsius: 27.8)])
    }

    static func projectSamples(_ t: Int) -> [ProjectSample] {
        let x = Double(t)
        func sample(_ name: String, _ state: RunState, cpu: Double, rss: Double, pids: [Int32], ports: [Int] = []) -> ProjectSample {
            ProjectSample(time: time(t), project: id(name), state: state, cpuPercent: cpu, rssBytes: UInt64(rss),
                          ioReadBytesPerSec: 0, ioWriteBytesPerSec: 0, processCount: pids.count, pids: pids,
                          listeningPorts: ports)
        }
        return [
            sample("api", .running, cpu: 12 + 6 * sin(x / 3), rss: 88_000_000 + 2_000_000 * cos(x / 5), pids: [4101, 4102], ports: [3000]),
            sample("worker", .running, cpu: 88 + 8 * sin(x / 2), rss: 620_000_000 + 40_000_000 * sin(x / 9), pids: [4200]),
            sample("web", .failed, cpu: 0, rss: 0, pids: []),
            sample("ledger-service", .stopped, cpu: 0, rss: 0, pids: []),
            sample("shop", .backoff, cpu: 0, rss: 0, pids: []),
            sample("stack", .external, cpu: 3.5, rss: 210_000_000, pids: [3900, 3901, 3902], ports: [5432, 6379]),
        ]
    }

    static let graph = GraphSnapshot(nodes: [
        .init(id: "p:api", label: "api", kind: .project, x: -4, y: -2, cluster: 0),
        .init(id: "p:worker", label: "worker", kind: .project, x: 4, y: -2.5, cluster: 1),
        .init(id: "p:web", label: "web", kind: .project, x: 0, y: 3, cluster: 2),
        .init(id: "l:node", label: "node", kind: .language, x: -7, y: 1, cluster: 0),
        .init(id: "l:python", label: "python", kind: .language, x: 7.5, y: 0, cluster: 1),
        .init(id: "l:go", label: "go", kind: .language, x: -2, y: 5.5, cluster: 2),
        .init(id: "d:express", label: "express@4.19.2", kind: .dependency, x: -5.5, y: -5, cluster: 0),
        .init(id: "d:requests", label: "requests@2.31.0", kind: .dependency, x: 5, y: -5.5, cluster: 1),
        .init(id: "d:urllib3", label: "urllib3@1.26.5", kind: .dependency, x: 0.5, y: -4, cluster: 0),
        .init(id: "port:3000", label: ":3000", kind: .port, x: -1.5, y: 0, cluster: 0),
        .init(id: "e:addr", label: "EADDRINUSE", kind: .error, x: 2.5, y: 1.5, cluster: 2),
        .init(id: "s:port", label: "reassign port", kind: .solution, x: 5, y: 4, cluster: 2),
    ], edges: [
        .init(from: 0, to: 3, kind: .writtenIn), .init(from: 1, to: 4, kind: .writtenIn),
        .init(from: 2, to: 5, kind: .writtenIn), .init(from: 0, to: 6, kind: .dependsOn),
        .init(from: 1, to: 7, kind: .dependsOn), .init(from: 7, to: 8, kind: .dependsOn),
        .init(from: 0, to: 8, kind: .dependsOn), .init(from: 0, to: 9, kind: .exposes),
        .init(from: 2, to: 10, kind: .raised), .init(from: 10, to: 11, kind: .fixedBy),
    ])

    static var events: [Event] {
        var out: [Event] = [.scanned(roots: ["/work/examples"], projects: projects)]
        out.append(.timeline(TimelineEntry(time: time(0), kind: .scan, text: "scanned /work/examples: 7 projects")))
        for p in projects.prefix(4) {
            out.append(.timeline(TimelineEntry(time: time(0), kind: .detection, project: p.id,
                                               text: "detected \(p.kinds.map(\.rawValue).joined(separator: "+"))")))
        }
        out.append(.graph(graph))
        // What the supervisor reports: environments, the port a project was moved to, the governor.
        out.append(.environments(project: id("api"), available: ["development", "staging"], current: "development"))
        out.append(.environments(project: id("worker"), available: ["development"], current: "development"))
        out.append(.portsInUse(project: id("shop"), ports: [8082]))
        out.append(.throttled(project: id("worker"), reason: "slowed: memory pressure at 91 % (governor)"))
        for t in 0..<ticks {
            out.append(.systemSampled(systemSample(t)))
            out.append(.projectsSampled(projectSamples(t)))
            switch t {
            case 5: out.append(.timeline(TimelineEntry(time: time(t), kind: .state, project: id("api"), text: "stopped -> running")))
            case 9:
                out.append(.log(LogLine(time: time(t), project: id("web"), stream: .stderr,
                                        text: "Error: listen EADDRINUSE: address already in use :::8080")))
                out.append(.timeline(TimelineEntry(time: time(t), kind: .error, project: id("web"), text: "exited with status 1")))
            case 15:
                out.append(.log(LogLine(time: time(t), project: id("web"), stream: .stderr,
                                        text: "Error: listen EADDRINUSE: address already in use :::8080")))
            case 12:
                out.append(.diagnostic(Diagnostic(time: time(t), severity: .warning, source: "vantage",
                                                  message: "/proc/1/io is unreadable; skipped")))
            case 20:
                out.append(.diagnostic(Diagnostic(time: time(t), severity: .error, source: "shop", project: id("shop"),
                                                  message: "restart 3 failed: exit status 1, retrying in 8s")))
                out.append(.timeline(TimelineEntry(time: time(t), kind: .decision, project: id("shop"),
                                                   text: "restart with backoff 8s")))
            case 27:
                out.append(.log(LogLine(time: time(t), project: id("worker"), stream: .stderr,
                                        text: "WARNING: connection pool is full, discarding connection")))
                out.append(.log(LogLine(time: time(t), project: id("worker"), stream: .stdout, text: "processed 120 jobs")))
            case 30: out += InsightFixture.golden(at: time(t))
            case 33:
                out.append(.diagnostic(Diagnostic(time: time(t), severity: .info, source: "vantage", message: "refresh took 4 ms")))
                out.append(.timeline(TimelineEntry(time: time(t), kind: .fix, project: id("web"), text: "suggested: reassign port 8080 -> 8082")))
            default: break
            }
        }
        return out
    }

    /// The dashboard after every fixture event, with `api` selected.
    static func state() -> AppState {
        var s = AppState(now: start)
        for e in events { _ = Update.apply(.event(e), to: &s) }
        s.selectedProject = id("api")
        return s
    }
}
