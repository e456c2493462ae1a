/// What a project is built with, as detected from the evidence in its folder.
public enum ProjectKind: String, Codable, Sendable, CaseIterable, Comparable {
    case node, python, go, swift, rust, procfile, compose, docker, java, gradle, php
    /// A Docker container shown as a project (from the Docker engine, not a folder).
    case container
    /// A plain command configured in `.vantage.toml` with no other evidence.
    case command

    public static func < (a: ProjectKind, b: ProjectKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
