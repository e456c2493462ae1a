import VantageCore

/// The stable ids of the nodes the graph derives from projects. Ids carry their kind as a
/// prefix so two things with the same name (a project and a package called "flask") never merge.
public enum GraphNodeID {
    public static func project(_ id: ProjectID) -> String { "project:" + id.rawValue }
    /// A project kind or language ("python", "compose").
    public static func language(_ kind: ProjectKind) -> String { "language:" + kind.rawValue }
    /// A dependency with its declared version: one node per `ecosystem/name@version`.
    public static func dependency(_ dep: Dependency) -> String {
        "dependency:\(dep.ecosystem)/\(dep.name)@\(dep.version ?? "*")"
    }
    public static func port(_ port: Int) -> String { "port:\(port)" }

    /// "flask@3.1.3" for a pin written "==3.1.3", "express@^4.19.2", or just the name.
    public static func dependencyLabel(_ dep: Dependency) -> String {
        guard var version = dep.version, !version.isEmpty else { return dep.name }
        if version.hasPrefix("==") { version.removeFirst(2) }
        return dep.name + "@" + version
    }
}
