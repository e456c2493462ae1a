/// The environment variable that marks every process of a supervised project
/// (`VANTAGE_PROJECT=<cgroup name>`), so they are found even when they left the project's session
/// and no cgroup holds them (`ProcessLookup.pids(withEnvironmentEntry:)`).
enum ProjectMarker {
    static let variable = "VANTAGE_PROJECT"

    static func entry(_ marker: String) -> String { "\(variable)=\(marker)" }
}
