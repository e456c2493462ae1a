/// The user's request, from the Troubleshooting pane, to apply the automated fix of one problem:
/// sent as `Command.applyFix` to the actor that applies fixes (the same code path as
/// `vantage troubleshoot fix`), which reports the outcome on the timeline.
public struct FixRequest: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var projectName: String
    /// The problem text (a diagnostic's message or a log line) the suggestion answered.
    public var problem: String
    /// The suggestion's title, for the confirmation question.
    public var title: String
    /// The automated fix's name ("install_dependency").
    public var fix: String
    /// What the fix acts on, when it names something (the environment variable's key).
    public var argument: String?
    /// A value the user typed for the fix (the variable's value); nil lets the fix find one.
    public var value: String?

    public init(project: ProjectID, projectName: String, problem: String, title: String, fix: String,
                argument: String? = nil, value: String? = nil) {
        self.project = project
        self.projectName = projectName
        self.problem = problem
        self.title = title
        self.fix = fix
        self.argument = argument
        self.value = value
    }
}
