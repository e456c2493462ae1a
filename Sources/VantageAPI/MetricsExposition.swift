import Foundation
import Prometheus
import Synchronization
import VantageCore
import VantageOrchestrator
import VantageProbes

/// `GET /metrics`: the Prometheus text exposition (swift-prometheus), made at each scrape from
/// what the daemon knows then: per project the `ps` row (the control handler's), the output lines
/// and error lines counted off the bus, the technical debt and vulnerable dependencies of its last
/// analysis; per system /proc's CPU, memory and load (VantageProbes'
/// readers); and the daemon's own CPU time, resident memory and uptime.
final class MetricsExposition: Sendable {
    /// Output and error lines per project, counted off the bus.
    final class LineCounts: Sendable {
        let counts = Mutex<[ProjectID: (lines: Int64, errors: Int64)]>([:])
    }
    /// What the last analysis of each project found: technical debt, and vulnerable dependencies
    /// by severity (nil when the vulnerability check did not run: no series then, not a zero).
    final class Findings: Sendable {
        let latest = Mutex<[ProjectID: (debtMinutes: Int, vulnerable: [String: Int]?)]>([:])
    }
    /// The severities a vulnerable dependency is counted under, each always exposed once checked.
    static let severities = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]
    private let lines = LineCounts()
    private let findings = Findings()
    private let started = ProcReader.monotonicSeconds()
    private let counting: Task<Void, Never>?
    private let reading: Task<Void, Never>?

    /// Counts every project's output lines from `bus` (nil: no counts, as in a server without one).
    init(bus: Bus?) {
        guard let bus else { counting = nil; reading = nil; return }
        let insights = bus.events([.insight])
        let findings = self.findings
        reading = Task.detached(priority: .utility) { [findings] in
            for await case .insight(let insight) in insights {
                let deps = insight.dependencies
                findings.latest.withLock { $0[insight.project] = (insight.debt.minutes, deps.checked ? deps.vulnerableBySeverity : nil) }
            }
        }
        let batches = bus.eventBatches([.log], capacity: 1 << 16)
        let lines = self.lines
        counting = Task.detached(priority: .utility) { [lines] in
            for await batch in batches {
                var added: [ProjectID: (Int64, Int64)] = [:]
                // Vantage's own notes in a project's log are not its output.
                for case .log(let line) in batch where !line.text.hasPrefix(LogSeverity.vantageNotePrefix) {
                    let was = added[line.project] ?? (0, 0)
                    added[line.project] = (was.0 + 1, was.1 + (LogSeverity.isError(line.text) ? 1 : 0))
                }
                lines.counts.withLock { all in
                    for (id, n) in added {
                        let was = all[id] ?? (0, 0)
                        all[id] = (was.lines + n.0, was.errors + n.1)
                    }
                }
            }
        }
    }

    deinit {
        counting?.cancel()
        reading?.cancel()
    }

    /// The exposition for these `ps` rows.
    func text(rows: [ProjectStatus]) -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        let counts = lines.counts.withLock { $0 }
        let analysed = findings.latest.withLock { $0 }
        for row in rows {
            let project = [("project", row.name)]
            registry.makeGauge(descriptor: .named("vantage_project_up", "1 while the project runs (starting, running, ready), else 0"), labels: project)
                .set(to: row.state.isUp ? 1 : 0)
            registry.makeGauge(descriptor: .named("vantage_project_info", "The project's kind, state and environment (always 1)"),
                               labels: project + [("kind", row.kind), ("state", row.state.rawValue), ("environment", row.env)]).set(to: 1)
            registry.makeGauge(descriptor: .named("vantage_project_cpu_usage_ratio", "CPU in use, in cores (1 is one whole core)"), labels: project)
                .set(to: row.cpu.isFinite ? row.cpu / 100 : 0)
            registry.makeGauge(descriptor: .named("vantage_project_resident_memory_bytes", "Resident memory of the project's processes"), labels: project)
                .set(to: Double(row.rss))
            registry.makeCounter(descriptor: .named("vantage_project_restarts_total", "Restarts by the supervisor since the daemon started"), labels: project)
                .increment(by: Int64(row.restarts))
            if let health = row.health {
                registry.makeGauge(descriptor: .named("vantage_project_health_score", "Health, 0 to 100, while the project runs"), labels: project).set(to: Double(health))
            }
            if let found = analysed[ProjectID(row.path)] {
                registry.makeGauge(descriptor: .named("vantage_project_technical_debt_seconds", "Technical debt the last analysis estimated (SonarQube's remediation time)"),
                                   labels: project).set(to: Double(found.debtMinutes) * 60)
                if let vulnerable = found.vulnerable {
                    for severity in Self.severities {
                        registry.makeGauge(descriptor: .named("vantage_project_vulnerable_dependencies", "Dependencies with known vulnerabilities, by their worst severity"),
                                           labels: project + [("severity", severity)]).set(to: Double(vulnerable[severity] ?? 0))
                    }
                }
            }
            let count = counts[ProjectID(row.path)] ?? (0, 0)
            registry.makeCounter(descriptor: .named("vantage_project_log_lines_total", "Output lines since the daemon started"), labels: project)
                .increment(by: count.lines)
            registry.makeCounter(descriptor: .named("vantage_project_log_error_lines_total", "Output lines read as errors since the daemon started"), labels: project)
                .increment(by: count.errors)
        }
        let proc = ProcReader()
        if let cpu = proc.cpuStat()?.all {
            let busy = registry.makeCounter(descriptor: .named("vantage_system_cpu_seconds_total", "CPU time of the machine, all cores"), labels: [("mode", "busy")])
            busy.increment(by: Double(cpu.total - min(cpu.idle, cpu.total)) / proc.ticksPerSecond)
            registry.makeCounter(descriptor: .named("vantage_system_cpu_seconds_total", "CPU time of the machine, all cores"), labels: [("mode", "idle")])
                .increment(by: Double(cpu.idle) / proc.ticksPerSecond)
        }
        if let memory = proc.memory() {
            registry.makeGauge(descriptor: .named("vantage_system_memory_total_bytes", "Memory of the machine")).set(to: Double(memory.totalBytes))
            registry.makeGauge(descriptor: .named("vantage_system_memory_available_bytes", "Memory available for new work")).set(to: Double(memory.availableBytes))
        }
        if let load = proc.load() {
            registry.makeGauge(descriptor: .named("vantage_system_load1", "Load average over 1 minute")).set(to: load.one)
            registry.makeGauge(descriptor: .named("vantage_system_load5", "Load average over 5 minutes")).set(to: load.five)
            registry.makeGauge(descriptor: .named("vantage_system_load15", "Load average over 15 minutes")).set(to: load.fifteen)
        }
        registry.makeCounter(descriptor: .named("vantage_daemon_cpu_seconds_total", "CPU time the daemon has used")).increment(by: ProcReader.processCPUSeconds())
        if let rss = proc.residentBytes(getpid()) {
            registry.makeGauge(descriptor: .named("vantage_daemon_resident_memory_bytes", "The daemon's resident memory")).set(to: Double(rss))
        }
        registry.makeGauge(descriptor: .named("vantage_daemon_uptime_seconds", "Seconds since the API started")).set(to: ProcReader.monotonicSeconds() - started)
        registry.makeGauge(descriptor: .named("vantage_daemon_projects", "Projects the daemon knows")).set(to: Double(rows.count))
        return registry.emitToBuffer()
    }
}

extension MetricNameDescriptor {
    /// A whole metric name (`vantage_project_up`) and its help line.
    static func named(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
