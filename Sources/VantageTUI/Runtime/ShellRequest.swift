import VantageCore

/// `!` on a project: what the console asks its runtime to open (the runtime suspends the screen,
/// runs the program the `ShellPlanner` makes of it in the foreground, and restores the screen).
public struct ShellRequest: Sendable, Equatable {
    public var project: Project
    /// The environment the project uses now (`.env.NAME`, `[env.NAME]`), nil: its default.
    public var environment: String?
    /// The ports it was started on, as the supervisor reported them (the first is its `PORT`).
    public var ports: [Int]
    /// The container to `docker exec` into, for a container project; nil: a folder project.
    public var container: String?

    public init(project: Project, environment: String?, ports: [Int], container: String?) {
        self.project = project
        self.environment = environment
        self.ports = ports
        self.container = container
    }
}

/// The program a `ShellRequest` runs: its arguments, folder and complete environment.
public struct ShellPlan: Sendable, Equatable {
    public var argv: [String]
    public var directory: String?
    public var environment: [String: String]

    public init(argv: [String], directory: String?, environment: [String: String]) {
        self.argv = argv
        self.directory = directory
        self.environment = environment
    }
}

/// Makes the plan of a request (the composition root supplies it: the environment comes from the
/// supervisor's resolution, secrets included). Throws a `VantageError` the footer shows.
public typealias ShellPlanner = @Sendable (ShellRequest) throws(VantageError) -> ShellPlan
