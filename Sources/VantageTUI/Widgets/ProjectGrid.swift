import VantageCore

/// The Projects grid: name, kind, status, CPU and memory meters, health score, the analyzer's
/// quality/debt badge and ports, built on `Table`. On narrow widths the badge shrinks to the debt
/// rating and goes first, then ports, then kind, then the meters shrink to their numbers; name and
/// status always stay. A project the pressure governor slowed has a down arrow after its status.
/// A wide pane (a 160-column terminal and more) also shows PID, uptime, restarts and environment,
/// each only when it fits beside every other column at its full width.
public struct ProjectGrid: Sendable {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var state: RunState
        public var cpuPercent: Double?
        public var rssBytes: UInt64?
        /// Machine memory, to draw RSS as a share of it.
        public var memTotalBytes: UInt64?
        /// nil while the project does not run ("n/a").
        public var health: Int?
        public var healthRole: StyleRole
        public var ports: [Int]
        /// The analyzer's debt figures, once it has looked at the project.
        public var debt: ProjectInsight.Debt?
        /// A group heading (a Docker engine or a compose project) rather than a project: it shows
        /// its own status text and no meters.
        public var heading: Heading?
        /// The pressure governor slowed it: the status carries a mark (the reason is in Details).
        public var throttled: Bool
        /// The columns a wide pane adds, as shown ("" when unknown).
        public var wide = Wide()
        public struct Wide: Sendable, Equatable {
            /// The first process's id, "+N" more: "4120 +2".
            public var pid = ""
            public var uptime = ""
            public var restarts = ""
            public var environment = ""
            public init(pid: String = "", uptime: String = "", restarts: String = "", environment: String = "") {
                (self.pid, self.uptime, self.restarts, self.environment) = (pid, uptime, restarts, environment)
            }
        }
        public struct Heading: Sendable, Equatable {
            public var status: String
            public var role: StyleRole
            public init(status: String, role: StyleRole) {
                self.status = status
                self.role = role
            }
        }
        public init(name: String, kind: String, state: RunState, cpuPercent: Double?, rssBytes: UInt64?,
                    memTotalBytes: UInt64?, health: Int?, healthRole: StyleRole, ports: [Int],
                    debt: ProjectInsight.Debt? = nil, heading: Heading? = nil, throttled: Bool = false, wide: Wide = Wide()) {
            self.wide = wide
            self.heading = heading
            self.throttled = throttled
            self.debt = debt
            self.name = name
            self.kind = kind
            self.state = state
            self.cpuPercent = cpuPercent
            self.rssBytes = rssBytes
            self.memTotalBytes = memTotalBytes
            self.health = health
            self.healthRole = healthRole
            self.ports = ports
        }
    }

    public var rows: [Row]
    public var selected: Int?
    public var glyphs: GlyphSet
    public var emptyText: String
    /// The column the rows are sorted by, marked in its header with an arrow (down: largest first).
    public var sorted: (column: Int, descending: Bool)?

    public init(rows: [Row], selected: Int?, glyphs: GlyphSet, emptyText: String = "No projects found.",
                sorted: (column: Int, descending: Bool)? = nil) {
        self.sorted = sorted
        self.rows = rows
        self.selected = selected
        self.glyphs = glyphs
        self.emptyText = emptyText
    }

    public static func role(for state: RunState) -> StyleRole {
        switch state {
        case .running, .ready, .external: return .ok
        case .starting, .stopping, .backoff, .paused: return .warn
        case .failed, .lost: return .error
        case .stopped: return .muted
        }
    }

    static func loadRole(_ fraction: Double) -> StyleRole { fraction < 0.5 ? .ok : fraction < 0.85 ? .warn : .error }

    /// A: ok, B: ok, C: warn, D and E: error; "-" (no code to rate): muted.
    static func ratingRole(_ rating: String) -> StyleRole {
        switch rating {
        case "A", "B": return .ok
        case "C": return .warn
        case "D", "E": return .error
        default: return .muted
        }
    }

    /// Index of the debt badge column.
    static let debtColumn = 6

    /// The table for a width: the badge text depends on how wide its column ends up; the wide
    /// columns come in, in order, while every column fits at its full width.
    func table(width: Int) -> Table {
        var wide = 0
        while wide < Self.wideColumns.count, table(debtWidth: 5, wide: wide + 1).naturalWidth <= width { wide += 1 }
        let probe = table(debtWidth: 5, wide: wide)
        let debtWidth = probe.layout(width: width).first { $0.index == Self.debtColumn }?.width ?? 0
        return table(debtWidth: debtWidth, wide: wide)
    }

    /// The table with the badge at its full width.
    var table: Table { table(debtWidth: 5) }

    /// The columns a wide pane adds, most useful first.
    static let wideColumns: [(column: Table.Column, value: @Sendable (Row.Wide) -> String)] = [
        (Table.Column(header: "PID", width: 10), { $0.pid }),
        (Table.Column(header: "Uptime", width: 6, alignRight: true), { $0.uptime }),
        (Table.Column(header: "Restarts", width: 8, alignRight: true), { $0.restarts }),
        (Table.Column(header: "Env", width: 11), { $0.environment }),
    ]

    func table(debtWidth: Int, wide: Int = 0) -> Table {
        let nameWidth = min(20, max(8, rows.map { DisplayWidth.of($0.name) }.max() ?? 0))
        var columns = [
            Table.Column(header: "Name", width: nameWidth, minWidth: 6),
            Table.Column(header: "Kind", width: 8, dropOrder: 5),
            Table.Column(header: "Status", width: 8),
            Table.Column(header: "CPU", width: 13, minWidth: 6, alignRight: true, dropOrder: 3),
            Table.Column(header: "Memory", shortHeader: "Mem", width: 13, minWidth: 6, alignRight: true, dropOrder: 4),
            Table.Column(header: "Health", shortHeader: "HP", width: 6, minWidth: 3, alignRight: true, dropOrder: 2),
            Table.Column(header: "Debt", shortHeader: "D", width: 5, minWidth: 1, dropOrder: 7),
            Table.Column(header: "Ports", width: 12, minWidth: 5, dropOrder: 6),
        ] + Self.wideColumns.prefix(wide).map(\.column)
        if let sorted, columns.indices.contains(sorted.column) {
            // The triangle follows the header (not ↓, the throttled mark); the column grows by it so the header stays whole.
            let mark = glyphs.isASCII ? (sorted.descending ? "v" : "^") : (sorted.descending ? "▼" : "▲")
            columns[sorted.column].header += mark
            columns[sorted.column].shortHeader += mark
            columns[sorted.column].width = max(columns[sorted.column].width, DisplayWidth.of(columns[sorted.column].header))
        }
        let body: [[Table.Content]] = rows.map { r in
            if let h = r.heading {
                return [.text(r.name, CellStyle(fg: .accent, bold: true)), .text(r.kind, .role(.muted)),
                        .span(h.status, .role(h.role))]
            }
            let up = r.state.isUp
            let cpu = up ? r.cpuPercent : nil
            let rss = up ? r.rssBytes : nil
            let memFraction = rss.flatMap { b in r.memTotalBytes.map { $0 > 0 ? Double(b) / Double($0) : 0 } } ?? 0
            return [
                .text(r.name, CellStyle(fg: .text, bold: true)),
                .text(r.kind, .role(.muted)),
                r.throttled ? .text(r.state.rawValue + glyphs.arrowDown, CellStyle(fg: .warn, bold: true))
                    : .text(r.state.rawValue, .role(Self.role(for: r.state))),
                .meter(fraction: (cpu ?? 0) / 100, role: Self.loadRole((cpu ?? 0) / 100),
                       label: cpu.map(Formatting.percent) ?? "-", labelWidth: 6),
                .meter(fraction: memFraction, role: Self.loadRole(memFraction),
                       label: rss.map { Formatting.bytes($0) } ?? "-", labelWidth: 6),
                .text(r.health.map(String.init) ?? "n/a", CellStyle(fg: r.healthRole, bold: true)),
                .text(r.debt?.badge(width: debtWidth) ?? "", CellStyle(fg: r.debt.map { Self.ratingRole($0.rating) } ?? .muted, bold: true)),
                .text(r.ports.map(String.init).joined(separator: ","), .role(.text)),
            ] + Self.wideColumns.prefix(wide).map { .text($0.value(r.wide), .role(.text)) }
        }
        return Table(columns: columns, rows: body, selected: selected, glyphs: glyphs, emptyText: emptyText)
    }

    public func render(area: Rect, buffer: inout Buffer) { table(width: area.width).render(area: area, buffer: &buffer) }
}
