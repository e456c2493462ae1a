import Foundation
import VantageCore
import VantageFormats

/// What a client asks the supervisor over `$VANTAGE_HOME/vantage.sock` (one JSON object per line).
/// `command` carries the app's own `Command`s, so a TUI attached to a daemon speaks the same messages.
public enum ControlRequest: Codable, Sendable, Equatable {
    case command(Command)
    case launch(names: [String], all: Bool, environment: String?, overrides: [String: String])
    case stop(names: [String], all: Bool)
    case restart(name: String, environment: String?)
    case ps
    case logs(name: String, lines: Int, follow: Bool)
    /// Every `Event` from now on, until the client hangs up.
    case subscribe
    case envShow(name: String, environment: String?)
    case envUse(name: String, environment: String)
    case limit(name: String, limits: ResourceLimits)
    case predict(name: String)
    case projects
    /// The newest `lines` output lines of every project the supervisor knows (`logLines`), for a
    /// console that attaches and wants what happened before it came.
    case backlog(lines: Int)
    /// Start a scheduled job now (`vantage schedule run-now ID`), outside its schedule.
    case runScheduledJob(id: Int64)
}

/// What the supervisor answers: one response per request, or a stream of `event`s for `subscribe`
/// and `logs --follow`.
public enum ControlResponse: Codable, Sendable, Equatable {
    case ok(message: String?)
    case error(message: String)
    case status([ProjectStatus])
    case lines([String])
    case event(Event)
    /// Secrets arrive masked.
    case environment([ResolvedVariable])
    case prediction(ResourcePrediction)
    case projects([Project])
    case logLines([LogLine])
}

enum ControlCoding {
    static func encode<T: Encodable>(_ value: T) -> Data {
        var data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        data.append(10)
        return data
    }
}
