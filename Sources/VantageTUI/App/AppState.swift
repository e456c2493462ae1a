import Foundation
import VantageCore

/// Everything the screen shows, as one value. Only `Update.apply` changes it; `AppView` draws it.
/// Every collection is bounded: lists keep their newest entries, per-project data exists only for
/// projects of the last scan.
public struct AppState: Sendable, Equatable {
    public struct Limits: Sendable, Equatable {
        public var timeline = 500
        public var diagnostics = 300
        public var logLines = 300
        /// Output lines kept per project for the log viewer.
        public var projectLogLines = 500
        public init() {}
    }

    public let limits: Limits

    // Data, folded in from events.
    public var roots: [String] = []
    /// Projects of the last scan, sorted by name.
    public var projects: [Project] = []
    /// Docker engines by name, as last reported (reachable or "unreachable since …").
    public var engines: [String: EngineStatus] = [:]
    public var samples: [ProjectID: ProjectSample] = [:]
    public var runStates: [ProjectID: RunState] = [:]
    public var projectSeries: [ProjectID: ProjectSeries] = [:]
    public var system: SystemSample?
    public var systemSeries: SystemSeries
    /// How far back the sparklines reach (the window key cycles it); the series hold one point per
    /// bucket of this window.
    public var metricsWindow: MetricWindow = .fiveMinutes
    /// The hosts this console is attached to, by name (empty when it hosts its own actors).
    public var hosts: [String: HostStatus] = [:]
    public var timeline: Bounded<TimelineEntry>
    public var diagnostics: Bounded<Diagnostic>
    /// Project output lines that read as warnings or errors (others are not kept here).
    public var problemLogs: Bounded<LogLine>
    /// Every output line per listed project, newest `limits.projectLogLines` kept (the log viewer).
    public var projectLogs: [ProjectID: Bounded<LogLine>] = [:]
    public var graph = GraphSnapshot()
    /// The analyzer's latest figures per project (quality, debt, dependencies).
    public var insights: [ProjectID: ProjectInsight] = [:]
    /// The troubleshooting knowledge base's advice (see `AppState+Advice.swift`).
    public var advice = AdviceBook()
    /// Each project's environments and the one in use (for `e` and Details).
    public var environments: [ProjectID: EnvironmentList] = [:]
    /// Projects the pressure governor slowed or paused, with why (a mark in the grid, the reason in Details).
    public var throttled: [ProjectID: String] = [:]
    /// The ports a supervised project was started on (a port moved off a busy one included).
    public var portsInUse: [ProjectID: [Int]] = [:]
    /// Since when each project is up, as this console saw it come up (the grid's uptime on a wide
    /// screen; unknown for one already up when the console came).
    public var upSince: [ProjectID: Date] = [:]
    /// How many times the supervisor restarted each project after it ended (each `backoff`).
    public var restarts: [ProjectID: Int] = [:]
    /// The council's latest proposals, best first.
    public var council: [CouncilProposal] = []
    /// Each scheduler's stored jobs with their last and next runs (`Event.schedule`), one list per
    /// host (this machine's first, then by host name).
    public var schedules: [HostSchedule] = []
    /// Every host's jobs in one list, as the schedule overlay shows them; nil until a scheduler has
    /// reported (none runs when the database could not be opened).
    public var schedule: [ScheduledJob]? { schedules.isEmpty ? nil : schedules.flatMap(\.jobs) }
    /// The process tree of the project the process view shows (nil until the monitor answers).
    public var processTree: ProcessTree?
    /// A shell `!` asked for, until the runtime takes it (`App.takeShellRequest`).
    public var shellRequest: ShellRequest?
    /// The newest time seen in any event: what "recent" is measured against (keeps update pure).
    public var now: Date

    // Interaction.
    /// The active keymap (messages name the keys to press).
    public var keymap: Keymap = .defaults
    /// The terminal's size as last reported (nil before the first report): paging moves by what fits.
    public var screenSize: Size?
    /// Why the last key did nothing, or what it did that the screen does not show; cleared by the next key.
    public var notice: Notice?
    /// An alert fired while the Troubleshooting pane was not on screen: the runtime rings the
    /// terminal's bell once (`App.takeBell`).
    public var bellPending = false
    public var focus: PaneID = .projects
    public var zoomed: PaneID?
    public var selectedProject: ProjectID?
    /// Lines scrolled up from the newest entry, for the timeline and troubleshooting panes.
    public var scroll: [PaneID: Int] = [:]
    public var filters: [PaneID: String] = [:]
    public var overlay: AppOverlay?
    public var themeVariant: Theme.Variant = .dark
    public var graphViewport = GraphViewport()
    /// The id of the focused graph node (kept by id so it survives new layout frames).
    public var graphFocus: String?
    /// Graph: only nodes of this kind are shown (nil: all kinds).
    public var graphKind: GraphNodeKind?
    /// Graph: ids of nodes whose dependency neighbourhood is folded into them (kept across frames).
    public var graphCollapsed: Set<String> = []
    /// Projects: the column the grid is sorted by (nil: the grid's own order).
    public var gridSort: GridSort?
    /// Projects: the sort runs against its column's own direction (`I`); a new column starts in its own.
    public var gridSortReversed = false
    /// Graph: the legend strip under the graph is shown (`i`).
    public var graphLegend = false
    /// The graph as drawn: `graph` through the kind filter and collapsed nodes (see `reprojectGraph`).
    public internal(set) var graphShown = GraphProjection()
    /// Timeline: only entries of this kind (nil: all).
    public var timelineKind: TimelineEntry.Kind?
    /// Timeline: only entries about this project (nil: all).
    public var timelineProject: ProjectID?
    /// Timeline: how far back from `now` entries are shown.
    public var timelineWindow: TimelineWindow = .all
    public var shouldQuit = false
    /// What quitting does with the projects this console started (`--on-exit`, the `on_exit`
    /// setting): `ask` opens the quit question when some still run. `keep` when the console does
    /// not host them (a daemon does): quitting leaves them running and asks nothing.
    public var onExit: OnExit = .ask
    /// The quit question's answer (`stop` or `keep`); nil when it was not asked.
    public var quitChoice: OnExit?

    public init(now: Date, limits: Limits = Limits()) {
        self.now = now
        self.limits = limits
        systemSeries = SystemSeries(window: .fiveMinutes)
        timeline = Bounded(capacity: limits.timeline)
        diagnostics = Bounded(capacity: limits.diagnostics)
        problemLogs = Bounded(capacity: limits.logLines)
    }

    // MARK: derived values, shared by update and view

    public func filter(_ pane: PaneID) -> String { filters[pane] ?? "" }

    /// Where keys are pressed now: the open overlay, or the focused pane.
    public var keyContext: KeyContext { overlay.map { .overlay($0.kind) } ?? .pane(focus) }

    /// Rows each pane's content needs, for the layout (`PaneSpec.contentRows`).
    public var contentRows: [PaneID: Int] {
        Dictionary(uniqueKeysWithValues: PaneSpec.all.compactMap { spec in spec.contentRows(self).map { (spec.id, $0) } })
    }

    /// Whether `pane` is on screen in the current layout (another pane zoomed, or the side-pane
    /// layout showing another tab, hides it; before the first size report nothing is on screen).
    public func isOnScreen(_ pane: PaneID) -> Bool { layout?.panes[pane] != nil }

    /// The layout for the last reported screen size (nil before the first report).
    public var layout: ScreenLayout? {
        screenSize.map { ScreenLayout.compute(size: $0, focus: focus, zoomed: zoomed, contentRows: contentRows) }
    }

    /// Projects shown in the grid: those whose name contains the filter (case-insensitive).
    public var visibleProjects: [Project] {
        let f = filter(.projects).lowercased()
        let shown = f.isEmpty ? projects : projects.filter { $0.name.lowercased().contains(f) }
        guard let sort = gridSort else { return shown }
        // Sorted within each heading (host, engine, compose project), which stay in their order.
        func heading(_ p: Project) -> (String, Int, String, String) { (p.host.map { "~" + $0 } ?? "", p.engine == nil ? 0 : 1, p.engine ?? "", p.group ?? "") }
        return shown.sorted { a, b in
            let ha = heading(a), hb = heading(b)
            return ha != hb ? ha < hb : sort.before(a, b, in: self, reversed: gridSortReversed)
        }
    }

    /// The grid's order: this machine's projects, then each attached host's (`vantage --connect`)
    /// by name; within each, folder projects by name, then containers by engine, compose project and name.
    public static func gridOrder(_ a: Project, _ b: Project) -> Bool {
        func key(_ p: Project) -> (String, Int, String, String, String, String) {
            (p.host.map { "~" + $0 } ?? "", p.engine == nil ? 0 : 1, p.engine ?? "", p.group ?? "", p.name.lowercased(), p.path)
        }
        return key(a) < key(b)
    }

    /// The `Event.discovered` source a project comes from: `docker:ENGINE` for containers,
    /// `folders` for folder projects, preceded by `@HOST:` for another host's (an attached
    /// host's folder scan arrives as its `@HOST:folders` discovery).
    public static func discoverySource(of p: Project) -> String {
        (p.host.map { "@\($0):" } ?? "") + (p.engine.map { "docker:" + $0 } ?? "folders")
    }

    /// Rows of the Projects grid: the visible projects plus a heading per Docker engine and per
    /// compose project (see `PaneContent.projects`).
    public var gridRowCount: Int {
        let visible = visibleProjects
        let engineNames = Set(visible.compactMap(\.engine)).union(engines.keys)
        let groups = Set(visible.compactMap { p in p.group.map { (p.engine ?? "") + "/" + $0 } })
        let hostNames = Set(visible.compactMap(\.host))
        return visible.count + engineNames.count + groups.count + hostNames.count
    }

    /// The folder projects still running that quitting would stop (not containers, not processes
    /// started outside Vantage), by name: what the quit question lists.
    public var runningOnQuit: [String] {
        projects.filter { p in
            guard p.engine == nil else { return false }
            let state = runState(p.id)
            return (state.isUp || state == .backoff) && state != .external
        }.map(\.name)
    }

    /// The ports to show for a project: those it listens on, else those it was started on, else
    /// those it declares.
    public func ports(of p: Project) -> [Int] {
        if let listening = samples[p.id]?.listeningPorts, !listening.isEmpty { return listening }
        return portsInUse[p.id] ?? p.ports
    }

    public func project(_ id: ProjectID) -> Project? { projects.first { $0.id == id } }

    public var selected: Project? { selectedProject.flatMap(project) }

    public func runState(_ id: ProjectID) -> RunState { runStates[id] ?? samples[id]?.state ?? .stopped }

    public var projectNames: [ProjectID: String] {
        Dictionary(projects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public var visibleTimeline: [TimelineEntry] {
        let f = filter(.timeline).lowercased()
        var all = Array(timeline.elements)
        if let kind = timelineKind { all = all.filter { $0.kind == kind } }
        if let project = timelineProject { all = all.filter { $0.project == project } }
        if let seconds = timelineWindow.seconds {
            let since = now.addingTimeInterval(-seconds)
            all = all.filter { $0.time >= since }
        }
        let names = projectNames
        if !f.isEmpty {
            all = all.filter { e in
                e.text.lowercased().contains(f) || e.kind.rawValue.contains(f)
                    || (e.project.flatMap { names[$0] }?.lowercased().contains(f) ?? false)
            }
        }
        return TimelineFolding.folded(all, names: names)
    }

    /// Diagnostics of warning or error severity and problem log lines, oldest first. The same
    /// message from the same source is shown once, with its count, at the time it last arrived.
    public var problems: [LogPane.Entry] {
        let names = projectNames
        var all = diagnostics.elements.filter { $0.severity >= .warning }.map {
            LogPane.Entry(time: $0.time, severity: $0.severity, source: $0.source, text: $0.message, project: $0.project)
        }
        for line in problemLogs.elements {
            guard let sev = LogSeverity.of(line.text) else { continue }
            let source = names[line.project] ?? String(line.project.rawValue.split(separator: "/").last ?? "")
            all.append(LogPane.Entry(time: line.time, severity: sev, source: source, text: line.text, project: line.project))
        }
        // Stable sort by time keeps arrival order for equal times.
        all = all.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        struct Key: Hashable { var severity: Diagnostic.Severity; var source: String; var text: String }
        var index: [Key: Int] = [:]
        var grouped: [LogPane.Entry?] = []
        for e in all {
            let key = Key(severity: e.severity, source: e.source, text: e.text)
            var merged = e
            if let i = index[key], let old = grouped[i] {
                merged.count = old.count + 1
                grouped[i] = nil
            }
            index[key] = grouped.count
            grouped.append(merged)
        }
        let f = filter(.troubleshooting).lowercased()
        return grouped.compactMap { $0 }
            .filter { f.isEmpty || $0.text.lowercased().contains(f) || $0.source.lowercased().contains(f) }
            .map { e in var e = e; e.suggestion = advice.top[e.text]; return e }
    }

    /// Errors and warnings about one project since `since`.
    public func recentProblems(of id: ProjectID, since: Date) -> (errors: Int, warnings: Int) {
        var errors = 0, warnings = 0
        for d in diagnostics.elements where d.project == id && d.time >= since {
            if d.severity == .error { errors += 1 } else if d.severity == .warning { warnings += 1 }
        }
        for l in problemLogs.elements where l.project == id && l.time >= since {
            switch LogSeverity.of(l.text) {
            case .error: errors += 1
            case .warning: warnings += 1
            default: break
            }
        }
        return (errors, warnings)
    }

    /// Recomputes `graphShown` from `graph`, `graphKind` and `graphCollapsed`; a focus on a node
    /// that is no longer shown is dropped.
    public mutating func reprojectGraph() {
        graphShown = GraphProjection.project(graph, kind: graphKind, collapsed: graphCollapsed)
        if graphFocus != nil, graphFocusIndex == nil { graphFocus = nil }
    }

    /// Index of the focused graph node in the shown graph (`graphShown.shown`).
    public var graphFocusIndex: Int? {
        graphFocus.flatMap { id in graphShown.shown.nodes.firstIndex { $0.id == id } }
    }

    /// Shown graph nodes in the order Enter walks them: those matching the graph filter, projects
    /// first, then by label.
    public var graphFocusOrder: [Int] {
        let f = filter(.graph).lowercased()
        let graph = graphShown.shown
        return graph.nodes.indices
            .filter { f.isEmpty || graph.nodes[$0].label.lowercased().contains(f) }
            .sorted { a, b in
                let na = graph.nodes[a], nb = graph.nodes[b]
                return (na.kind != .project ? 1 : 0, na.label, a) < (nb.kind != .project ? 1 : 0, nb.label, b)
            }
    }

    public func health(of id: ProjectID) -> HealthScore {
        let recent = recentProblems(of: id, since: now.addingTimeInterval(-HealthScore.recentWindow))
        return HealthScore.compute(state: runState(id), sample: samples[id], recentErrors: recent.errors,
                                   recentWarnings: recent.warnings, memTotalBytes: system?.memTotalBytes)
    }
}
