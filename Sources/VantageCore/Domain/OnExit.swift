/// What quitting the console does with the projects it runs: `vantage --on-exit`, the `on_exit`
/// setting, and the answer of the quit dialog (which is `stop` or `keep`; cancelling quits nothing).
public enum OnExit: String, Codable, Sendable, CaseIterable {
    /// Stop every project the console started.
    case stop
    /// Leave them running, handed to a `vantage daemon` started for them (they stay supervised).
    case keep
    /// Ask when projects are running (the default).
    case ask
}
