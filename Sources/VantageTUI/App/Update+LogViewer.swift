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
            let full = s.logCount(of: line.project) == s.limits.projectLogLines
            s.projectLogs[line.project, default: Bounded(capacity: s.limits.projectLogLines)].append(line)
            if case .logs(var v) = s.overlay, v.project == line.project {
                changed = true
                // The oldest line went: the viewer's positions move with the lines they point at.
                if full {
                    v.oldestDropped()
                    s.overlay = .logs(v)
                }
            }
        }
        guard LogSeverity.of(line.text) != nil else { return changed }
        s.problemLogs.append(line)
        advance(&s, to: line.time)
        return true
    }

    /// The text rows the viewer has on the screen last reported (80×24 before the first report):
    /// the body less the footer row, inside the viewer's border.
    static func logRoom(_ lines: [LogLine], state s: AppState) -> LogViewer.Room {
        let size = s.screenSize ?? Size(width: 80, height: 24)
        return LogViewer.room(innerWidth: size.width - 2, innerHeight: size.height - 1 - 2, lines: lines)
    }

    static func logViewerAction(_ a: Action, viewer: LogViewer, state s: inout AppState) -> Outcome {
        var v = viewer
        let lines = Array(s.projectLogs[v.project]?.elements ?? [])
        let room = logRoom(lines, state: s)
        let w = v.window(lines, room: room)
        // Moves the first line on screen to position `first` of the shown lines; at the newest
        // page the viewer follows again.
        func move(to first: Int) {
            if first >= w.lastPageStart {
                v.follow = true
            } else {
                v.top = w.shown[max(0, first)]
                v.follow = false
            }
        }
        let empty = w.shown.isEmpty
        let onScreen = w.last - w.first + 1
        switch a {
        case .logs: s.overlay = nil; return .done([])
        case .up, .pageUp, .top:
            guard !empty else { return .refused(lines.isEmpty ? "no output to scroll yet" : "no line passes the filter") }
            guard !w.atTop else { return .refused("already at the oldest line") }
            move(to: a == .up ? w.first - 1 : a == .pageUp ? w.first - onScreen : 0)
        case .down, .pageDown:
            guard !empty else { return .refused(lines.isEmpty ? "no output to scroll yet" : "no line passes the filter") }
            guard !w.atBottom else { return .refused(v.follow ? "already at the newest line, following" : "already at the newest line") }
            move(to: a == .down ? w.first + 1 : w.first + onScreen)
        case .bottom:
            if v.follow { return .refused("already at the newest line, following") }
            v.follow = true
        case .follow:
            v.follow.toggle()
            if !v.follow { v.top = w.firstLine ?? 0 }
        case .wrap: v.wrap.toggle()
        case .filter:
            v.query = ""
            v.match = nil
            v.typing = .search
        case .filterLines:
            v.filter = ""
            v.typing = .filter
        case .nextMatch, .previousMatch:
            guard !v.query.isEmpty else { return .refused("no search yet: \(s.keymap.key(for: .filter) ?? "/") searches") }
            guard jump(&v, forward: a == .nextMatch, lines: lines, window: w, room: room) else {
                return .refused("no line matches \"\(v.query)\"")
            }
        default: return .refused("nothing to do in the log viewer")
        }
        s.overlay = .logs(v)
        return .done([])
    }

    /// `n` goes to the match after the current one (or the first on screen), `N` to the one before
    /// (or the last above the screen's end); both wrap around, and centre the match. Returns false
    /// when nothing matches.
    static func jump(_ v: inout LogViewer, forward: Bool, lines: [LogLine], window w: LogViewer.Window, room: LogViewer.Room) -> Bool {
        let matches = v.matches(in: lines)
        guard let first = matches.first, let last = matches.last else { return false }
        let current = v.match.flatMap { matches.contains($0) ? $0 : nil }
        let target = forward ? (matches.first { $0 > (current ?? (w.firstLine ?? 0) - 1) } ?? first)
                             : (matches.last { $0 < (current ?? (w.lastLine ?? lines.count) + 1) } ?? last)
        v.match = target
        v.centre(line: target, lines: lines, room: room)
        return true
    }

    /// Keys while the prompt takes the search (`/`) or filter (`&`) text: both apply as typed.
    /// Enter on a search centres the newest match at or above the screen's end; Enter on a filter
    /// keeps it (an empty one clears it); Esc clears what was typed. Returns whether the key was
    /// understood.
    static func logPromptInput(_ key: KeyPress, viewer: LogViewer, state s: inout AppState) -> Bool {
        var v = viewer
        let lines = Array(s.projectLogs[v.project]?.elements ?? [])
        let filtering = v.typing == .filter
        var text = filtering ? v.filter : v.query
        switch key {
        case .char(let c): text.append(c)
        case .backspace, .delete: if !text.isEmpty { text.removeLast() }
        case .escape: text = ""; v.typing = nil
        case .enter: v.typing = nil
        default: return false
        }
        if filtering { v.filter = text } else { v.query = text }
        v.match = nil
        if key == .enter, !filtering {
            let room = logRoom(lines, state: s)
            let w = v.window(lines, room: room)
            let matches = v.matches(in: lines)
            if let target = matches.last(where: { $0 <= (w.lastLine ?? 0) }) ?? matches.last {
                v.match = target
                v.centre(line: target, lines: lines, room: room)
            } else if !v.query.isEmpty {
                s.notice = Notice("no line matches \"\(v.query)\"")
            }
        }
        if key == .enter, filtering, !v.filter.isEmpty, v.shown(lines).isEmpty {
            s.notice = Notice("no line contains \"\(v.filter)\": & and Enter on nothing shows every line again")
        }
        s.overlay = .logs(v)
        return true
    }
}

extension AppState {
    /// How many output lines are kept for a project.
    public func logCount(of id: ProjectID) -> Int { projectLogs[id]?.elements.count ?? 0 }
}
