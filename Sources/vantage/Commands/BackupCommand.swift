import ArgumentParser
import Foundation
import VantageCore
import VantageDetector
import VantageFormats
import VantageOrchestrator

/// `vantage backup init|run|list NAME`: restic backups of a project, configured by `[backup]` in
/// its `.vantage.toml`, with the password from the vault (`vantage secret set NAME RESTIC_PASSWORD`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up projects with restic: encrypted, deduplicated snapshots tagged with project, environment and commit.",
        discussion: """
            Configure [backup] in the project's .vantage.toml (repository, paths, excludes, schedule, keep) and \
            store the repository password with `vantage secret set NAME RESTIC_PASSWORD`. A repository is \
            never created implicitly: run `vantage backup init NAME` once.
            """,
        subcommands: [BackupInitCommand.self, BackupRunCommand.self, BackupListCommand.self, BackupRestoreCommand.self,
                      BackupVerifyCommand.self, BackupForgetCommand.self, BackupScheduleCommand.self])
}

/// The project a backup command names, found in the --root folders, with its `[backup]` and password.
struct BackupTarget: ParsableArguments {
    @Argument(help: "Project name (as the grid and `vantage scan` show it).") var name: String
    @Option(name: .long, help: "Environment whose RESTIC_PASSWORD is used and that tags the snapshot.")
    var env: String = EnvironmentLayers.defaultEnvironment
    @Option(name: .long, help: ArgumentHelp("Seconds a restic command may take before it is stopped.", valueName: "seconds"))
    var timeout: Double?
    @OptionGroup var workspace: WorkspaceOptions

    /// The project's folder and its `[backup]` table.
    func settings() throws -> (path: String, backup: BackupSettings) {
        let roots = try workspace.resolvedRoots()
        let projects = try ProjectScanner().scan(roots: roots).projects.filter { $0.engine == nil }
        guard let project = projects.first(where: { $0.name == name }) else {
            throw VantageError(.notFound, "no project named \(name) under \(roots.joined(separator: ", "))",
                               hint: projects.isEmpty ? "pass the workspace with --root DIR" : "projects: \(projects.map(\.name).sorted().joined(separator: ", "))")
        }
        guard let settings = try ProjectConfigReader.read(projectPath: project.path).backup else {
            throw VantageError(.config, "\(name) has no [backup] table", at: SourceLocation(file: project.path + "/" + ProjectConfigReader.fileName),
                               hint: "add [backup] with repository = \"/path/to/repository\" to the project's \(ProjectConfigReader.fileName)")
        }
        return (project.path, settings)
    }

    /// The project's backup, ready to run.
    func open() throws -> ProjectBackup {
        let (projectPath, settings) = try settings()
        let paths = VantagePaths.fromEnvironment()
        let password = try ResticPassword.lookup(PassphrasePrompt.openVault(paths), project: name, environment: env)
        var backup = ProjectBackup(project: name, projectPath: projectPath, settings: settings, environment: env,
                                   password: password, paths: paths)
        if let timeout {
            guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
            backup.repository.shortTimeout = timeout
            backup.repository.longTimeout = timeout
        }
        return backup
    }
}

struct BackupInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the project's restic repository with its RESTIC_PASSWORD.")
    @OptionGroup var target: BackupTarget

    func run() async throws {
        let backup = try target.open()
        try backup.repository.initialize()
        print("created a restic repository for \(target.name) at \(backup.plan.repository)")
    }
}
