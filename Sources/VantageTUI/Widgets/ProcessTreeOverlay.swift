import Foundation
import VantageCore

/// The process view (`T`): a project's processes as an indented tree (pid, CPU share, resident
/// memory, threads, age, command line), the selected one highlighted; with the signal chooser
/// open, the signals to send it, listed under the tree with what each usually means.
public struct ProcessTreeOverlay: Sendable {
    public var projectName: String
    /// nil: the monitor has not answered yet.
    public var tree: ProcessTree?
    public var view: ProcessView
    /// The active keys for the hint line.
    public var signalKey: String
    public var sendKey: String
    public var closeKey: String
    public var glyphs: GlyphSet

    public init(projectName: String, tree: ProcessTree?, view: ProcessView, signalKey: String, sendKey: String, closeKey: String,
                glyphs: GlyphSet) {
        self.projectName = projectName
        self.tree = tree
        self.view = view
        self.signalKey = signalKey
        self.sendKey = sendKey
        self.closeKey = closeKey
        self.glyphs = glyphs
    }

    /// Threads and age are shown from this many content columns on; narrower boxes show pid,
    /// CPU, memory and the command.
    static let wideColumns = 60

    /// The header line of the table at `width` columns.
    func header(width: Int) -> String {
        width >= Self.wideColumns ? "    PID  CPU%    RSS  THR  UPTIME  COMMAND" : "    PID  CPU%    RSS  COMMAND"
    }

    /// One process: its figures right-aligned, then its command under its parent's, indented.
    func line(_ row: ProcessTreeRow, width: Int) -> String {
        let e = glyphs.ellipsis
        var text = Formatting.pad(String(row.pid), to: 7, ellipsis: e, alignRight: true)
            + Formatting.pad(Formatting.fixed(row.cpuPercent, 1), to: 6, ellipsis: e, alignRight: true)
            + Formatting.pad(Formatting.bytes(row.rssBytes), to: 7, ellipsis: e, alignRight: true)
        if width >= Self.wideColumns {
            text += Formatting.pad(String(row.threads), to: 5, ellipsis: e, alignRight: true)
                + Formatting.pad(row.uptimeSeconds.map(Formatting.uptime) ?? "-", to: 8, ellipsis: e, alignRight: true)
        }
        let branch = row.depth == 0 ? "" : String(repeating: "  ", count: min(row.depth - 1, 8)) + (glyphs.isASCII ? "`- " : "└─ ")
        let state = row.state == "Z" ? " <zombie>" : row.state == "T" ? " <stopped>" : ""
        return Formatting.truncate(text + "  " + branch + row.command + state, to: width, ellipsis: e)
    }

    /// The text under the tree: what the keys do, or the chooser's signals.
    func footer(width: Int) -> [StyledLine] {
        func wrapped(_ text: String, _ role: StyleRole) -> [StyledLine] {
            Formatting.wordWrap(text, width: width).map { StyledLine([.init($0, .role(role))]) }
        }
        guard let chosen = view.signal, let rows = tree?.rows, !rows.isEmpty else {
            return wrapped("\(signalKey) sends a signal to the selected process; \(closeKey) closes.", .accent)
        }
        let target = rows[view.selectedIndex(in: rows)]
        var out = wrapped("Signal to \(target.pid) (\(target.command)):", .text)
        for (i, signal) in ProcessSignal.allCases.enumerated() {
            let text = Formatting.truncate((i == chosen ? "> " : "  ") + Formatting.pad(signal.name, to: 8, ellipsis: glyphs.ellipsis)
                                           + signal.meaning, to: width, ellipsis: glyphs.ellipsis)
            out.append(StyledLine([.init(text, i == chosen ? CellStyle(fg: .text, bg: .selection, bold: true) : CellStyle(fg: .text))]))
        }
        out += wrapped("\(sendKey) sends it; \(signalKey) goes back to the list.", .accent)
        return out
    }

    /// Why there is no table: no answer yet, or no process seen.
    func emptyText() -> String {
        guard tree != nil else { return "Reading \(projectName)'s processes (the monitor answers at its next tick)" + glyphs.ellipsis }
        return "No process of \(projectName) was seen on this machine at the last reading: it may have just exited, or it "
            + "runs under another folder or in a container."
    }

    /// Draws the box: the header, the rows (the selected one kept in view), then the footer lines.
    public func render(area: Rect, buffer: inout Buffer) {
        let width = min(110, area.width - 2)
        let inner = max(1, width - 4)
        let rows = tree?.rows ?? []
        let below = footer(width: inner)
        let body: [StyledLine]
        if rows.isEmpty {
            body = Formatting.wordWrap(emptyText(), width: inner).map { StyledLine([.init($0, .role(.muted))]) }
        } else {
            body = [StyledLine([.init(header(width: inner), .role(.muted))])]
        }
        let wanted = body.count + rows.count + 1 + below.count + 2
        let count = tree.map { "\($0.rows.count) process\($0.rows.count == 1 ? "" : "es")" } ?? "reading"
        let overlay = Overlay(title: "Processes of \(projectName): \(count)", width: width, height: min(wanted, area.height - 2), glyphs: glyphs)
        let box = overlay.render(area: area, buffer: &buffer)
        guard !box.isEmpty else { return }
        var y = box.y
        for line in body where y < box.bottom {
            line.draw(x: box.x, y: y, width: box.width, buffer: &buffer)
            y += 1
        }
        let listRows = max(1, box.bottom - y - below.count - 1)
        let selected = view.selectedIndex(in: rows)
        let skip = rows.isEmpty ? 0 : max(0, selected - listRows + 1)
        for (i, row) in rows.enumerated().dropFirst(skip).prefix(listRows) where y < box.bottom {
            let chosen = i == selected
            let role: StyleRole = row.state == "Z" || row.state == "T" ? .warn : .text
            let style = chosen ? CellStyle(fg: .text, bg: .selection, bold: true) : CellStyle(fg: role)
            let text = Formatting.pad(line(row, width: box.width), to: box.width, ellipsis: glyphs.ellipsis)
            StyledLine([.init(text, style)]).draw(x: box.x, y: y, width: box.width, buffer: &buffer)
            y += 1
        }
        y = max(y + 1, box.bottom - below.count)
        for line in below where y < box.bottom {
            line.draw(x: box.x, y: y, width: box.width, buffer: &buffer)
            y += 1
        }
    }
}
