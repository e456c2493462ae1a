import VantageCore

/// Clicks and wheel turns as the actions keys produce, so the mouse has no path of its own into
/// `Update`: a click on a pane (its title, its body, or its tab in the one-pane layout) focuses
/// it with `focus_next`; a click on a row of a list (the grid, the timeline, troubleshooting, the
/// council and schedule overlays) moves the selection there with `up`/`down`, one step at a time,
/// until the row drawn on the selection colour is the one under the pointer; the wheel sends
/// `up`/`down` three times to the pane under the pointer (focusing it first) or to the open overlay.
enum PointerActions {
    /// Rows one wheel notch moves.
    static let wheelStep = 3
    /// Steps a click may take to reach its row (a bound, never reached on a screen-sized list).
    static let maxSteps = 400

    /// Applies `event` to `state`; `view` draws a state at the screen's size (what the user sees,
    /// to find which row is selected). Returns the commands the actions produced.
    static func apply(_ event: MouseEvent, to state: inout AppState, size: Size, view: (AppState) -> Buffer) -> [Command] {
        var commands: [Command] = []
        func act(_ action: Action) { commands += Update.apply(.action(action), to: &state) }
        /// `focus_next` until `pane` has the focus (at most once round the panes).
        func focus(_ pane: PaneID) {
            for _ in PaneSpec.all where state.focus != pane { act(.focusNext) }
        }
        let target: Rect
        if state.overlay != nil {
            guard let box = overlayBox(state: state, view: view) else { return [] }
            target = box
        } else {
            let layout = ScreenLayout.compute(size: size, focus: state.focus, zoomed: state.zoomed, contentRows: state.contentRows)
            if let bar = layout.tabBar, bar.contains(x: event.x, y: event.y) {
                let tabs = TabBar(titles: PaneSpec.all.map(\.title), selected: PaneSpec.all.firstIndex { $0.id == state.focus } ?? 0,
                                  glyphs: .ascii)
                if let index = tabs.index(atColumn: event.x - bar.x, width: bar.width) { focus(PaneSpec.all[index].id) }
                return commands
            }
            guard let (pane, rect) = layout.panes.first(where: { $0.value.contains(x: event.x, y: event.y) }) else { return commands }
            focus(pane)
            // The one-pane layout may have moved the pane: its place after focusing.
            let after = ScreenLayout.compute(size: size, focus: state.focus, zoomed: state.zoomed, contentRows: state.contentRows)
            target = (after.panes[pane] ?? rect).inset(1)
        }
        switch event.kind {
        case .wheelUp, .wheelDown:
            for _ in 0..<wheelStep { act(event.kind == .wheelUp ? .up : .down) }
        case .press:
            guard target.contains(x: event.x, y: event.y) else { return commands }
            if state.overlay == nil, state.focus == .projects, event.y == target.y {
                return commands + sortByHeader(at: event.x - target.x, width: target.width, state: &state)
            }
            let overlay = state.overlay != nil
            commands += select(event, in: target, place: { overlay ? overlayBox(state: $0, view: view) : target }, state: &state, view: view)
        }
        return commands
    }

    /// A click on a title of the grid's header: `sort_next`/`sort_previous` (the `>`/`<` keys) until
    /// the grid is sorted by that column, or `sort_reverse` (`I`) when it already is. A title the
    /// grid cannot sort by says so.
    static func sortByHeader(at column: Int, width: Int, state s: inout AppState) -> [Command] {
        let grid = PaneContent.projects(s, glyphs: .ascii, timeZone: .utc).table(width: width)
        var x = 1                                   // the selection gutter
        var clicked: Int?
        for shown in grid.layout(width: width) {
            if column >= x, column < x + shown.width { clicked = shown.index }
            x += shown.width + 1
        }
        guard let clicked else { return [] }        // the gutter or a gap between two titles
        guard let wanted = GridSort.allCases.first(where: { $0.column == clicked }) else {
            let title = grid.columns[clicked].header
            s.notice = Notice("the grid cannot be sorted by \(title); click Name, Kind, Status, CPU, Memory, Health or Debt", role: .warn)
            return []
        }
        var commands: [Command] = []
        if s.gridSort == wanted { return Update.apply(.action(.sortReverse), to: &s) }
        // The shorter way round the columns (each step also passes the grid's own order).
        let all = GridSort.allCases
        let from = s.gridSort.flatMap { all.firstIndex(of: $0) } ?? all.count
        let to = all.firstIndex(of: wanted) ?? 0
        let forward = (to - from + all.count + 1) % (all.count + 1) <= (from - to + all.count + 1) % (all.count + 1)
        for _ in 0...all.count where s.gridSort != wanted {
            commands += Update.apply(.action(forward ? .sortNext : .sortPrevious), to: &s)
        }
        return commands
    }

    /// `up`/`down` until the selected row (cells on the selection colour in the pointer's column)
    /// covers the pointer's row; a step that brings it no closer is undone and ends the walk. The
    /// pointer is kept relative to `area`, which `place` finds again after each step (an overlay
    /// grows and moves as the selected entry's details change).
    private static func select(_ event: MouseEvent, in area: Rect, place: (AppState) -> Rect?, state: inout AppState,
                               view: (AppState) -> Buffer) -> [Command] {
        var commands: [Command] = []
        let (dx, dy) = (event.x - area.x, event.y - area.y)
        func distance(_ s: AppState) -> (Int, moveUp: Bool)? {
            guard let area = place(s), let band = selectedBand(view(s), column: area.x + dx, in: area) else { return nil }
            let row = area.y + dy
            if band.contains(row) { return (0, false) }
            return band.lowerBound > row ? (band.lowerBound - row, true) : (row - band.upperBound, false)
        }
        guard var current = distance(state) else { return [] }
        for _ in 0..<maxSteps where current.0 > 0 {
            let saved = state
            let stepCommands = Update.apply(.action(current.moveUp ? .up : .down), to: &state)
            guard let next = distance(state), next.0 < current.0 else {
                state = saved
                break
            }
            commands += stepCommands
            current = next
        }
        return commands
    }

    /// The rows of `area` whose cell in `column` is drawn on the selection colour, if any.
    static func selectedBand(_ buffer: Buffer, column: Int, in area: Rect) -> ClosedRange<Int>? {
        let rows = (area.y..<area.bottom).filter { buffer[column, $0].style.bg == .selection }
        guard let first = rows.first, let last = rows.last else { return nil }
        return first...last
    }

    /// Where the open overlay is drawn: the cells that differ from the screen without it.
    static func overlayBox(state: AppState, view: (AppState) -> Buffer) -> Rect? {
        var under = state
        under.overlay = nil
        let with = view(state), without = view(under)
        var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
        for y in 0..<with.area.height - 1 {  // the footer row changes with the overlay too
            for x in 0..<with.area.width where with[x, y] != without[x, y] {
                (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
            }
        }
        guard maxX >= 0 else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }
}
