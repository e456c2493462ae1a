import Foundation
import VantageCore

/// What a console attached to a daemon sees on its own bus: first the output lines the daemon
/// already holds (so the log viewer shows what happened before the console came), then every
/// event live. The subscription is opened before the backlog is fetched, so no line falls between
/// the two; a line that arrives both ways is shown once.
public enum DaemonFeed {
    /// Lines per project fetched on attach (the console keeps 500 per project).
    public static let defaultBacklog = 500

    /// Runs on the calling thread until the daemon hangs up (the socket calls block); returns
    /// false if the subscription could not be opened.
    @discardableResult
    public static func follow(_ subscription: ControlClient, paths: VantagePaths, into bus: Bus,
                              backlogLines: Int = DaemonFeed.defaultBacklog) -> Bool {
        // The daemon answers `ok` once subscribed (one from before that answer sent an event first).
        var early: ControlResponse?
        switch try? subscription.send(.subscribe) {
        case .ok?: break
        case .event(let e)?: early = .event(e)
        default: return false
        }
        var backlog = Backlog(fetch(paths, lines: backlogLines))
        for (i, line) in backlog.lines.enumerated() {
            bus.publish(.log(line))
            if (i + 1) % slice == 0 { usleep(10_000) }
        }
        while let response = early ?? (try? subscription.next()) {
            early = nil
            guard case .event(let event) = response else { continue }
            if case .log(let line) = event, backlog.isRepeat(line) { continue }
            bus.publish(event)
        }
        return true
    }

    /// The daemon's backlog, oldest first; empty when the daemon cannot give one (an older daemon).
    static func fetch(_ paths: VantagePaths, lines: Int) -> [LogLine] {
        guard lines > 0, let client = try? ControlClient.connect(paths),
              case .logLines(let got)? = try? client.send(.backlog(lines: lines)) else { return [] }
        return got.sorted { $0.time < $1.time }
    }

    /// The bus keeps at most `Bus.defaultCapacity` undelivered events per subscriber and drops the
    /// oldest beyond that; a backlog of thousands of lines is handed over in slices with a pause
    /// between them so the screen's subscriber keeps up.
    private static let slice = 128

    /// Backlog lines not yet seen live: a live line equal to one of them is its second copy.
    struct Backlog {
        let lines: [LogLine]
        private var pending: [LogLine]

        init(_ lines: [LogLine]) {
            self.lines = lines
            self.pending = lines
        }

        mutating func isRepeat(_ line: LogLine) -> Bool {
            guard !pending.isEmpty, let i = pending.lastIndex(of: line) else { return false }
            pending.remove(at: i)
            return true
        }
    }
}
