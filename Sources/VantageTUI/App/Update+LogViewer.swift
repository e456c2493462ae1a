import VantageCore

/// The log viewer's part of the update: keeping every project's output, and the viewer's keys.
extension Update {
    /// Folds one output line: every line of a listed project is kept for the log viewer; warnings
    /// and errors also go to the troubleshooting pane. Returns whether the screen changed: only when
    /// the viewer shows the line's project or the line is a warning or error, so a chatty project
    /// nobody is looking at causes no repaints. `App` calls this directly for `.log`, which spares
    /// it a copy of the whole state per line.
    @discardableResult
    public static func foldLog(_ line: LogLine, into s: inout AppState) -> Bool {
        var changed = false
        if s.project(line.project) != nil {
            s.projectLogs[line.project, default: Bounded(capacity: s.limits.projectLogLines)].append(line)
            if case .logs(var v) = s.overlay, v.project == line.project {
                changed = true
                if !v.follow {
                    // Not following: the view stays on the same lines.
                    v.scroll = min(v.scroll + 1, max(0, s.logCount(of: line.project) - 1))
                    s.overlay = .logs(v)
                }
            }
        }
        guard LogSeverity.of(line.text) != nil else { return changed }
        s.problemLogs.append(line)
        advance(&s, to: line.time)
        return true
    }

    static func logViewerAction(_ a: Action, viewer: LogViewer, state s: inout AppState) -> Outcome {
        var v = viewer
        let count = s.logCount(of: v.project)
        let lines = s.projectLogs[v.project]?.elements ?? []
        let page = visibleRows(s)
        func scroll(by delta: Int) -> Outcome {
            guard count > 0 else { return .refused("no output to scroll yet") }
            let next = max(0, min(v.scroll + delta, count - 1))
            if next == v.scroll { return .refused(delta > 0 ? "already at the oldest line" : "already at the newest line") }
            v.scroll = next
            if delta > 0 { v.follow = false }
            return .done([])
        }
        var outcome = Outcome.done([])
        switch a {
        case .logs: s.overlay = nil; return .done([])
        case .up: outcome = scroll(by: 1)
        case .down: outcome = scroll(by: -1)
        case .pageUp: outcome = scroll(by: page)
        case .pageDown: outcome = scroll(by: -page)
        case .top: outcome = scroll(by: count)
        case .bottom:
            if v.scroll == 0, v.follow { return .refused("already at the newest line, following") }
            v.scroll = 0
            v.follow = true
        case .follow:
            v.follow.toggle()
            if v.follow { v.scroll = 0 }
        case .wrap: v.wrap.toggle()
        case .filter:
            v.query = ""
            v.typingQuery = true
        case .nextMatch, .previousMatch:
            guard !v.query.isEmpty else { return .refused("no search yet: \(s.keymap.key(for: .filter) ?? "/") searches") }
            guard jump(&v, forward: a == .nextMatch, lines: lines) else { return .refused("no line matches \"\(v.query)\"") }
        default: return .refused("nothing to do in the log viewer")
        }
        s.overlay = .logs(v)
        return outcome
    }

    /// `n` goes to the first match below the bottom line, `N` to the last one above it; both wrap
    /// around. Returns false when nothing matches.
    static func jump(_ v: inout LogViewer, forward: Bool, lines: some Collection<LogLine>) -> Bool {
        let matches = v.matches(in: lines)
        guard !matches.isEmpty else { return false }
        let current = v.bottomLine(count: lines.count)
        let target = forward ? (matches.first { $0 > current } ?? matches[0])
                             : (matches.last { $0 < current } ?? matches[matches.count - 1])
        v.show(line: target, count: lines.count)
        return true
    }

    /// Keys while `/` takes the search text: it applies as typed; Enter jumps to the newest match at
    /// or above the bottom line; Esc clears it. Returns whether the key was understood.
    static func logSearchInput(_ key: KeyPress, viewer: LogViewer, state s: inout AppState) -> Bool {
        var v = viewer
        switch key {
        case .char(let c): v.query.append(c)
        case .backspace, .delete: if !v.query.isEmpty { v.query.removeLast() }
        case .escape: v.query = ""; v.typingQuery = false
        case .enter:
            v.typingQuery = false
            let lines = s.projectLogs[v.project]?.elements ?? []
            let matches = v.matches(in: lines)
            let current = v.bottomLine(count: lines.count)
            if let target = matches.last(where: { $0 <= current }) ?? matches.last {
                v.show(line: target, count: lines.count)
            } else if !v.query.isEmpty {
                s.notice = Notice("no line matches \"\(v.query)\"")
            }
        default: return false
        }
        s.overlay = .logs(v)
        return true
    }
}

extension AppState {
    /// How many output lines are kept for a project.
    public func logCount(of id: ProjectID) -> Int { projectLogs[id]?.elements.count ?? 0 }
}
