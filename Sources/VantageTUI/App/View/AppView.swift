import Foundation
import VantageCore

/// The pure view: draws an `AppState` into a buffer of a given size. Same state, same size, same
/// glyphs and time zone: same cells, which is what the golden screens rely on.
public struct AppView: Sendable {
    public var state: AppState
    public var glyphs: GlyphSet
    public var timeZone: ClockZone
    /// No colours on this terminal (`NO_COLOR`): graph clusters are marked by letter.
    public var monochrome: Bool

    public init(state: AppState, glyphs: GlyphSet, timeZone: ClockZone, monochrome: Bool = false) {
        self.monochrome = monochrome
        self.state = state
        self.glyphs = glyphs
        self.timeZone = timeZone
    }

    var keymap: Keymap { state.keymap }

    public func render(size: Size) -> Buffer {
        // What depends on the screen's size (Metrics' hardware rows) reads it from the state.
        guard state.screenSize == size else {
            var sized = self
            sized.state.screenSize = size
            return sized.render(size: size)
        }
        var buffer = Buffer(width: max(0, size.width), height: max(0, size.height))
        let layout = ScreenLayout.compute(size: size, focus: state.focus, zoomed: state.zoomed, contentRows: state.contentRows)
        if layout.mode == .tooSmall {
            TooSmall(size: size, minimum: ScreenLayout.minimum, glyphs: glyphs).render(area: buffer.area, buffer: &buffer)
            return buffer
        }
        if let tab = layout.tabBar {
            TabBar(titles: PaneSpec.all.map(\.title), selected: PaneSpec.all.firstIndex { $0.id == state.focus } ?? 0,
                   glyphs: glyphs).render(area: tab, buffer: &buffer)
        }
        for spec in PaneSpec.all {
            guard let rect = layout.panes[spec.id] else { continue }
            renderPane(spec, in: rect, buffer: &buffer)
        }
        let body = Rect(width: size.width, height: size.height - 1)
        switch state.overlay {
        case .help(let scroll): HelpOverlay(keymap: keymap, scroll: scroll, glyphs: glyphs).render(area: body, buffer: &buffer)
        case .details(let id): details(id)?.render(area: body, buffer: &buffer)
        case .confirm(let command):
            ConfirmDialog(question: Update.question(command, state: state), answers: answers, glyphs: glyphs).render(area: body, buffer: &buffer)
        case .council(let selected):
            CouncilOverlay(proposals: state.council, selected: selected, glyphs: glyphs).render(area: body, buffer: &buffer)
        case .logs(let viewer): logViewer(viewer).render(area: body, buffer: &buffer)
        case .confirmFix(let request):
            ConfirmDialog(question: Update.question(request), answers: answers, glyphs: glyphs).render(area: body, buffer: &buffer)
        case .dependencies(let id, let scroll):
            DependenciesOverlay(projectName: state.project(id)?.name ?? id.rawValue, insight: state.insights[id], scroll: scroll,
                                refreshKey: keymap.keys(for: .refresh).first?.description, glyphs: glyphs)
                .render(area: body, buffer: &buffer)
        case .schedule(let selected):
            ScheduleOverlay(jobs: state.schedule, selected: selected, now: state.now, timeZone: timeZone,
                            runKey: keymap.key(for: .details) ?? "?", closeKey: keymap.key(for: .back) ?? "?", glyphs: glyphs)
                .render(area: body, buffer: &buffer)
        case .processes(let view):
            ProcessTreeOverlay(projectName: state.project(view.project)?.name ?? view.project.rawValue, tree: state.processTree,
                               view: view, signalKey: keymap.key(for: .signal) ?? "?", sendKey: keymap.key(for: .details) ?? "?",
                               closeKey: keymap.key(for: .back) ?? "?", glyphs: glyphs)
                .render(area: body, buffer: &buffer)
        case .entry(let entry, let scroll):
            Self.entryOverlay(entry, scroll: scroll, state: state, timeZone: timeZone, glyphs: glyphs).render(area: body, buffer: &buffer)
        case .quit:
            QuitDialog(running: state.runningOnQuit, stopKey: keymap.key(for: .quitStopping) ?? "?",
                       keepKey: keymap.key(for: .quitKeeping) ?? "?", cancelKey: keymap.key(for: .reject) ?? "?", glyphs: glyphs)
                .render(area: body, buffer: &buffer)
        case .filterInput, .environmentInput, .fixValue, .palette, nil: break
        }
        if let footer = layout.footer {
            if case .filterInput(let pane) = state.overlay {
                Prompt(label: "/ filter \(pane.title) (Enter keeps, Esc clears):", text: state.filter(pane), ellipsis: glyphs.ellipsis)
                    .render(area: footer, buffer: &buffer)
            } else if case .environmentInput(let id, let text) = state.overlay {
                let envs = state.environments[id].map { ", now \($0.current), one of \($0.available.joined(separator: ", "))" } ?? ""
                Prompt(label: "environment for \(state.project(id)?.name ?? id.rawValue)\(envs) (Enter switches and restarts, Esc cancels):",
                       text: text, ellipsis: glyphs.ellipsis)
                    .render(area: footer, buffer: &buffer)
            } else if case .fixValue(let request, let text) = state.overlay {
                Prompt(label: "value of \(request.argument ?? "the variable") for \(request.projectName) (Enter writes it to .env; empty: from .env.example; Esc cancels):",
                       text: text, ellipsis: glyphs.ellipsis).render(area: footer, buffer: &buffer)
            } else if case .palette(let text) = state.overlay {
                let found = CommandPalette.candidates(text, state: state)
                let hint = found.isEmpty ? "(nothing matches; Esc cancels)" : "(Tab: " + found.prefix(6).joined(separator: " ") + (found.count > 6 ? " …" : "") + ")"
                Prompt(label: ":", text: text, ellipsis: glyphs.ellipsis).render(area: footer, buffer: &buffer)
                // What the word can become, after the typed text where it fits.
                let x = footer.x + 2 + DisplayWidth.of(text) + 2
                if x < footer.right { buffer.put(hint, x: x, y: footer.y, style: CellStyle(fg: .muted, bg: .selection), maxWidth: footer.right - x) }
            } else if case .logs(let v) = state.overlay, let typing = v.typing {
                let name = state.project(v.project)?.name ?? v.project.rawValue
                let label = typing == .search ? "/ search \(name) logs (Enter jumps, Esc clears):"
                                              : "& show only \(name) lines containing (Enter keeps, empty or Esc shows all):"
                Prompt(label: label, text: typing == .search ? v.query : v.filter, ellipsis: glyphs.ellipsis).render(area: footer, buffer: &buffer)
            } else {
                Footer(hints: FooterHints.hints(state: state, keymap: keymap), status: footerStatus, notice: state.notice,
                       ellipsis: glyphs.ellipsis)
                    .render(area: footer, buffer: &buffer)
            }
        }
        return buffer
    }

    var footerStatus: String {
        state.system == nil ? "" : Formatting.clock(state.now, in: timeZone)
    }

    /// "y/n" with the active keys.
    var answers: String { "\(keymap.key(for: .accept) ?? "?")/\(keymap.key(for: .reject) ?? "?")" }

    func renderPane(_ spec: PaneSpec, in rect: Rect, buffer: inout Buffer) {
        let block = Block(title: PaneTitles.title(spec.id, state: state), focused: state.focus == spec.id, glyphs: glyphs)
        block.render(area: rect, buffer: &buffer)
        let inner = block.inner(rect)
        guard !inner.isEmpty else { return }
        spec.render(self, inner, &buffer)
    }

    func renderGraph(in inner: Rect, buffer: inout Buffer) {
        let shown = state.graphShown
        if state.graph.nodes.isEmpty {
            buffer.put("No graph yet.", x: inner.x, y: inner.y, style: .role(.muted), maxWidth: inner.width)
        } else if shown.shown.nodes.isEmpty {
            buffer.put("No \(state.graphKind.map(GraphProjection.plural) ?? "nodes") to show.", x: inner.x, y: inner.y,
                       style: .role(.muted), maxWidth: inner.width)
        } else {
            var canvas = inner
            if state.graphLegend {
                let kinds = GraphNodeKind.allCases.filter { kind in shown.shown.nodes.contains { $0.kind == kind } }
                canvas = GraphLegend(kinds: kinds, clusterLetters: glyphs.isASCII || monochrome, glyphs: glyphs)
                    .render(area: inner, buffer: &buffer)
            }
            if let focus = state.graphFocusIndex, inner.width >= 60 {
                let panelWidth = min(30, inner.width / 3)
                canvas = Rect(x: inner.x, y: inner.y, width: inner.width - panelWidth, height: canvas.height)
                let id = shown.shown.nodes[focus].id
                NodePanel(snapshot: shown.shown, node: focus, glyphs: glyphs,
                          clusterSize: shown.clusterSizes[shown.shown.nodes[focus].cluster] ?? 0,
                          collapsed: state.graphCollapsed.contains(id) ? shown.hidden[id] ?? 0 : nil)
                    .render(area: Rect(x: canvas.right, y: inner.y, width: panelWidth, height: canvas.height), buffer: &buffer)
            }
            GraphView(snapshot: shown.shown, viewport: state.graphViewport, highlight: state.filter(.graph),
                      focus: state.graphFocusIndex, glyphs: glyphs, clusterLetters: glyphs.isASCII || monochrome)
                .render(area: canvas, buffer: &buffer)
        }
    }

    func renderProblems(in inner: Rect, buffer: inout Buffer) {
        let problems = state.problems
        // The selection shows only while the pane has the focus (it is what `F` fixes).
        let focused = state.focus == .troubleshooting
        let selected = focused && !problems.isEmpty ? problems.count - 1 - min(state.scroll[.troubleshooting] ?? 0, problems.count - 1) : nil
        LogPane(entries: problems, timeZone: timeZone, scroll: state.scroll[.troubleshooting] ?? 0,
                glyphs: glyphs, selected: selected, wrap: state.zoomed == .troubleshooting).render(area: inner, buffer: &buffer)
    }

    /// The opened entry with what the state knows around it: the project's output near its time,
    /// the suggestions (the problem's own first), the fixes tried on the project.
    static func entryOverlay(_ entry: OpenedEntry, scroll: Int, state: AppState, timeZone: ClockZone, glyphs: GlyphSet) -> EntryOverlay {
        let project = entry.project
        let output = project.map { entry.outputAround(Array(state.projectLogs[$0]?.elements ?? [])) } ?? []
        var suggestions = entry.suggestion.map { [$0] } ?? []
        if let project {
            suggestions += (state.advice.byProject[project] ?? []).filter { a in !suggestions.contains { $0.title == a.title } }
        }
        let fixes = project.map { p in state.timeline.elements.filter { $0.project == p && $0.kind == .fix } } ?? []
        return EntryOverlay(entry: entry, projectName: project.map { state.project($0)?.name ?? $0.rawValue }, output: output,
                            suggestions: suggestions, fixes: fixes, scroll: scroll, timeZone: timeZone, glyphs: glyphs)
    }

    func logViewer(_ v: LogViewer) -> LogViewerOverlay {
        LogViewerOverlay(name: state.project(v.project)?.name ?? v.project.rawValue,
                         lines: Array(state.projectLogs[v.project]?.elements ?? []), viewer: v, timeZone: timeZone, glyphs: glyphs)
    }

    func details(_ id: ProjectID) -> DetailsOverlay? {
        guard let p = state.project(id) else { return nil }
        let sample = state.samples[id]
        let runState = state.runState(id)
        let health = state.health(of: id)
        var fields: [(label: String, value: String)] = [
            ("Path", p.path),
            ("Kinds", p.kinds.map(\.rawValue).joined(separator: ", ")),
            ("Command", p.command ?? "(none detected)"),
            ("State", runState.rawValue),
            ("Ports", PaneContent.portsText(declared: p.ports, inUse: state.portsInUse[id] ?? [], listening: sample?.listeningPorts ?? [])),
        ]
        if p.engine == nil {
            let envs = state.environments[id]
            fields.append(("Env", envs.map { "\($0.current)" + ($0.available.count > 1 ? " (has \($0.names))" : " (the only one)") }
                           ?? "n/a (not reported yet)"))
        }
        if let fallback = p.configFallback { fields.append(("Config", fallback)) }
        if let reason = state.throttled[id] { fields.append(("Governor", reason)) }
        if let s = sample, runState.isUp {
            fields.append(("PIDs", s.pids.map(String.init).joined(separator: " ") + " (\(s.processCount) process\(s.processCount == 1 ? "" : "es"))"))
        }
        if !p.dependencies.isEmpty {
            fields.append(("Deps", "\(p.dependencies.count): " + p.dependencies.prefix(6).map(\.name).joined(separator: ", ")))
        }
        var charts = PaneContent.projectRows(state, id)
        // The debt at weekly samples of the git history, from the analyzer.
        if let trend = state.insights[id]?.debt.trend, trend.count >= 2 {
            charts.append(MetricsPanel.Row(label: "Debt/week", values: trend.map(Double.init), maximum: Double(trend.max() ?? 0),
                                           current: InsightSection.duration(trend[trend.count - 1]), role: .warn))
        }
        var notes = [StyledLine([.init(health.value.map { "Health \($0)/100" } ?? "Health n/a (not running)", CellStyle(fg: health.role, bold: true))])]
        notes += health.reasons.map { StyledLine([.init("  " + $0, .role(.muted))]) }
        notes += AdviceLines.details(state.advice.byProject[id] ?? [], levels: glyphs.sparkLevels)
        if let key = keymap.keys(for: .logs).first {
            notes.append(StyledLine([.init(key.description, CellStyle(fg: .accent, bold: true)),
                                     .init(" logs: this project's output (\(state.logCount(of: id)) lines)", .role(.muted))]))
        }
        // Containers are not analysed; folder projects show the analyzer's section.
        let insight = p.engine == nil ? InsightSection.lines(state.insights[id], glyphs: glyphs) : []
        return DetailsOverlay(title: "Details: \(p.name)", fields: fields, charts: charts, notes: notes, insight: insight,
                              glyphs: glyphs)
    }
}
