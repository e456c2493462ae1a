import VantageCore

/// The process view of one project (`T`): which process is selected (by pid, so the selection
/// follows it when the tree changes at the next tick) and, while the signal chooser is open, which
/// signal is selected in it.
public struct ProcessView: Sendable, Equatable {
    public var project: ProjectID
    /// The selected process; nil: the first row.
    public var pid: Int32?
    /// Its row when last selected: where the selection goes when that process is gone.
    public var row: Int
    /// The signal chooser's selected signal (an index into `ProcessSignal.allCases`); nil: closed.
    public var signal: Int?

    public init(project: ProjectID, pid: Int32? = nil, row: Int = 0, signal: Int? = nil) {
        self.project = project
        self.pid = pid
        self.row = row
        self.signal = signal
    }

    /// The index of the selected row in `rows` (clamped; 0 when there are none).
    public func selectedIndex(in rows: [ProcessTreeRow]) -> Int {
        if let pid, let i = rows.firstIndex(where: { $0.pid == pid }) { return i }
        return max(0, min(row, rows.count - 1))
    }
}
