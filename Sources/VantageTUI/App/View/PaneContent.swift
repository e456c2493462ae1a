import Foundation
import VantageCore

/// Builds the widgets that fill the Projects and Metrics panes from the state.
enum PaneContent {
    static func projects(_ s: AppState, glyphs: GlyphSet, timeZone: ClockZone) -> ProjectGrid {
        let visible = s.visibleProjects
        var rows: [ProjectGrid.Row] = []
        var selected: Int?
        var engine: String?, group: String?, host: String?
        // An attached daemon that dropped and has no project on the grid (this machine's, or a
        // host not reached yet), above everything while it is retried.
        for name in s.hosts.keys.sorted() where !visible.contains(where: { $0.host == name }) {
            guard let status = s.hosts[name], !status.connected else { continue }
            rows.append(hostRow(name, s, timeZone))
        }
        // Containers follow the folder projects, beneath a row per engine and per compose project;
        // another host's projects follow this machine's, beneath a row per host.
        for p in visible {
            if let h = p.host, h != host {
                host = h
                engine = nil
                group = nil
                rows.append(hostRow(h, s, timeZone))
            }
            if let e = p.engine, e != engine {
                engine = e
                group = nil
                rows.append(engineRow(e, s, timeZone))
            }
            if let g = p.group, g != group {
                group = g
                rows.append(ProjectGrid.Row(name: " " + g, kind: "compose", state: .stopped, cpuPercent: nil, rssBytes: nil,
                                            memTotalBytes: nil, health: nil, healthRole: .muted, ports: [],
                                            heading: .init(status: "", role: .muted)))
            }
            let sample = s.samples[p.id]
            let health = s.health(of: p.id)
            let indent = (p.host != nil ? "  " : "") + (p.group != nil ? "   " : (p.engine != nil ? "  " : ""))
            if p.id == s.selectedProject { selected = rows.count }
            rows.append(ProjectGrid.Row(
                name: indent + p.name, kind: p.primaryKind.rawValue, state: s.runState(p.id),
                cpuPercent: sample?.cpuPercent, rssBytes: sample?.rssBytes, memTotalBytes: s.system?.memTotalBytes,
                health: health.value, healthRole: health.role,
                ports: s.ports(of: p), debt: s.insights[p.id]?.debt, throttled: s.throttled[p.id] != nil,
                wide: wide(p, sample: sample, state: s)))
        }
        // Engines with no container (or none matching the filter) still show their state.
        for name in s.engines.keys.sorted() where !visible.contains(where: { $0.engine == name }) {
            rows.append(engineRow(name, s, timeZone))
        }
        let empty = s.projects.isEmpty ? "No projects found yet (scanning...)." : "No project matches the filter."
        return ProjectGrid(rows: rows, selected: selected, glyphs: glyphs, emptyText: empty,
                           sorted: s.gridSort.map { ($0.column, $0.descending(reversed: s.gridSortReversed)) })
    }

    /// "daemon: web1" with "connected", or "disconnected since 14:02, retrying" while it cannot be
    /// reached (the rows beneath are its last state).
    static func hostRow(_ name: String, _ s: AppState, _ timeZone: ClockZone) -> ProjectGrid.Row {
        let status = s.hosts[name]
        let text: String, role: StyleRole
        if let status, !status.connected {
            text = "disconnected since " + Formatting.clock(status.since, in: timeZone) + ", retrying" + (status.problem.map { " (\($0))" } ?? "")
            role = .error
        } else {
            text = status == nil ? "" : "connected"
            role = .ok
        }
        return ProjectGrid.Row(name: "daemon: " + name, kind: "host", state: .stopped, cpuPercent: nil, rssBytes: nil,
                               memTotalBytes: nil, health: nil, healthRole: .muted, ports: [], heading: .init(status: text, role: role))
    }

    /// PID, uptime, restarts and environment, for a wide grid.
    static func wide(_ p: Project, sample: ProjectSample?, state s: AppState) -> ProjectGrid.Row.Wide {
        let up = s.runState(p.id).isUp
        let pids = up ? sample?.pids ?? [] : []
        return ProjectGrid.Row.Wide(
            pid: pids.first.map { "\($0)" + (pids.count > 1 ? " +\(pids.count - 1)" : "") } ?? "",
            uptime: up ? s.upSince[p.id].map { Formatting.uptime(s.now.timeIntervalSince($0)) } ?? "" : "",
            restarts: p.engine == nil ? restarts(p.id, state: s) : "",
            environment: s.environments[p.id]?.current ?? "")
    }

    /// How many times the supervisor restarted a folder project, as this console saw; "-" for one
    /// that is not running under it and never was restarted (no supervision to count).
    static func restarts(_ id: ProjectID, state s: AppState) -> String {
        if let count = s.restarts[id] { return "\(count)" }
        let state = s.runState(id)
        return state == .stopped || state == .external || state == .lost ? "-" : "0"
    }

    /// "docker: main" with "ok", or "unreachable since 14:02" when the engine does not answer.
    static func engineRow(_ name: String, _ s: AppState, _ timeZone: ClockZone) -> ProjectGrid.Row {
        let status = s.engines[name]
        let text: String, role: StyleRole
        if let status, !status.reachable {
            text = "unreachable since " + Formatting.clock(status.since, in: timeZone)
            role = .error
        } else {
            text = status == nil ? "" : "ok"
            role = .ok
        }
        return ProjectGrid.Row(name: "docker: " + name, kind: "engine", state: .stopped, cpuPercent: nil, rssBytes: nil,
                               memTotalBytes: nil, health: nil, healthRole: .muted, ports: [], heading: .init(status: text, role: role))
    }

    static func metrics(_ s: AppState, glyphs: GlyphSet) -> MetricsPanel {
        let sys = s.systemSeries
        let cpuCount = Double(max(1, s.system?.cpuCount ?? 1))
        var rows = [
            MetricsPanel.Row(label: "CPU", values: sys.cpu.plotted, maximum: 100,
                             current: s.system.map { Formatting.percent($0.cpuPercent) } ?? "-", priority: 0),
            MetricsPanel.Row(label: "Mem", values: sys.memory.plotted, maximum: 100,
                             current: s.system.map { Formatting.percent($0.memPercent) } ?? "-", role: .ok, priority: 1),
            MetricsPanel.Row(label: "Load", values: sys.load.plotted, maximum: max(cpuCount, sys.load.max ?? 0),
                             current: s.system.map { Formatting.fixed($0.load1, 2) } ?? "-", role: .warn, priority: 4),
            MetricsPanel.Row(label: "Net", values: sys.network.plotted, maximum: nil,
                             current: s.system.map { Formatting.rate($0.netRxBytesPerSec + $0.netTxBytesPerSec) } ?? "-",
                             role: .nodeContainer, priority: 5),
            MetricsPanel.Row(label: "Disk", values: sys.disk.plotted, maximum: nil,
                             current: s.system.map { Formatting.rate($0.diskReadBytesPerSec + $0.diskWriteBytesPerSec) } ?? "-",
                             role: .nodePort, priority: 6),
        ]
        rows += hardwareRows(s, glyphs: glyphs)
        if let p = s.selected { rows += projectRows(s, p.id) }
        return MetricsPanel(rows: rows, glyphs: glyphs)
    }

    /// On a screen at least `ScreenLayout.hardwareWidth` wide: each core's busy share (a bar per
    /// core), swap used of total, and the temperature sensors, hottest first (a row only for what
    /// the machine has: no cores before the second sample, no temperatures without sensors).
    static func hardwareRows(_ s: AppState, glyphs: GlyphSet) -> [MetricsPanel.Row] {
        guard let sys = s.system, (s.screenSize?.width ?? 0) >= ScreenLayout.hardwareWidth else { return [] }
        var rows: [MetricsPanel.Row] = []
        if let busiest = sys.corePercents.max() {
            rows.append(MetricsPanel.Row(label: "Cores", values: sys.corePercents, maximum: 100,
                                         current: "max " + Formatting.fixed(busiest, 0) + "%", priority: 7, chart: .columns))
        }
        if sys.swapTotalBytes > 0 {
            rows.append(MetricsPanel.Row(label: "Swap", values: [], maximum: nil,
                                         current: Formatting.bytes(sys.swapUsedBytes) + "/" + Formatting.bytes(sys.swapTotalBytes),
                                         role: .warn, priority: 8,
                                         chart: .meter(Double(sys.swapUsedBytes) / Double(sys.swapTotalBytes))))
        } else {
            rows.append(MetricsPanel.Row(label: "Swap", values: [], maximum: nil, current: "", priority: 8,
                                         currentRole: .muted, chart: .items(["none"])))
        }
        if let hottest = sys.temperatures.map(\.celsius).max() {
            let items = sys.temperatures.sorted { $0.celsius > $1.celsius }
                .map { $0.label + " " + Formatting.fixed($0.celsius, 0) + glyphs.degreesCelsius }
            let role: StyleRole = hottest >= 95 ? .error : hottest >= 80 ? .warn : .text
            rows.append(MetricsPanel.Row(label: "Temp", values: [], maximum: nil, current: "", priority: 9,
                                         currentRole: role, chart: .items(items)))
        }
        return rows
    }

    /// The selected project's CPU and RSS rows (the Metrics pane, where the title names the project,
    /// and Details): labelled by series in the accent colour. While the project does not run its
    /// value is a muted "n/a" beside the bars of when it ran (a stopped project's sample reads 0).
    static func projectRows(_ s: AppState, _ id: ProjectID) -> [MetricsPanel.Row] {
        let series = s.projectSeries[id]
        let sample = s.runState(id).isUp ? s.samples[id] : nil
        let role: StyleRole = sample == nil ? .muted : .text
        return [
            MetricsPanel.Row(label: "CPU", values: series?.cpu.plotted ?? [], maximum: max(100, series?.cpu.max ?? 0),
                             current: sample.map { Formatting.percent($0.cpuPercent) } ?? "n/a", priority: 2,
                             labelRole: .accent, currentRole: role),
            MetricsPanel.Row(label: "RSS", values: series?.rss.plotted ?? [], maximum: nil,
                             current: sample.map { Formatting.bytes($0.rssBytes) } ?? "n/a", role: .ok, priority: 3,
                             labelRole: .accent, currentRole: role),
        ]
    }

    /// "3000 (declared), 3001 (in use, listening)": what a project declares, what it was started
    /// on and what it listens on, each list once with every name it goes by.
    static func portsText(declared: [Int], inUse: [Int] = [], listening: [Int]) -> String {
        var groups: [(ports: [Int], tags: [String])] = []
        for (ports, tag) in [(declared, "declared"), (inUse, "in use"), (listening, "listening")] where !ports.isEmpty {
            if let i = groups.firstIndex(where: { $0.ports == ports }) { groups[i].tags.append(tag) } else { groups.append((ports, [tag])) }
        }
        guard !groups.isEmpty else { return "none" }
        return groups.map { g in g.ports.map(String.init).joined(separator: ", ") + " (" + g.tags.joined(separator: ", ") + ")" }
            .joined(separator: ", ")
    }
}
