import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDetector
import VantageFormats
import VantageKnowledge
import VantageOrchestrator
import VantageStore

/// `vantage troubleshoot [NAME] [--json]`: problems found in the logs of launched projects, with
/// suggestions; `vantage troubleshoot fix NAME [--yes]` applies the top automated fix.
struct TroubleshootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "troubleshoot",
        abstract: "Diagnose launched projects from their logs and suggest fixes.",
        subcommands: [TroubleshootListCommand.self, TroubleshootFixCommand.self],
        defaultSubcommand: TroubleshootListCommand.self)
}

/// One diagnosed problem: what `troubleshoot --json` prints.
struct TroubleshootProblem: Encodable {
    var project: String
    var error: String
    var suggestion: String
    var explanation: String
    /// What the automated fix does, or null when there is none.
    var automated: String?
    var fix: FixAction?
    var confidence: Double
}

/// Everything both subcommands need: the logs folder, known projects and learned fixes.
struct TroubleshootingSources {
    var paths: VantagePaths
    var projects: [Project]
    var learned: [LearnedFixRecord]

    /// Projects come from --root scans when given, else from the running supervisor (a daemon or
    /// a console: the folders it runs), else from the last scan stored in the database.
    static func load(roots: [String]) async throws -> TroubleshootingSources {
        let paths = VantagePaths.fromEnvironment()
        let store = try? Store.open(paths: paths)
        var projects: [Project] = []
        if !roots.isEmpty {
            projects = try ProjectScanner(lastGood: LastGoodConfigStore(paths: paths)).scan(roots: roots).projects
        } else if SupervisorConnection.isDaemonRunning(paths), case .status(let rows)? = try? ControlClient.request(paths, .ps) {
            projects = rows.map { Project(name: $0.name, path: $0.path, kinds: ProjectKind(rawValue: $0.kind).map { [$0] } ?? []) }
        }
        if projects.isEmpty, let store { projects = (try? await store.projects()) ?? [] }
        let learned = (try? await store?.learnedFixes()) ?? []
        return TroubleshootingSources(paths: paths, projects: projects, learned: learned)
    }

    /// The log file names (without `.log`) in the logs folder, sorted.
    func logNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.logs)) ?? []
        return files.filter { $0.hasSuffix(".log") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The project a log belongs to, as its folder says now: its manifest is read again, so the
    /// diagnosis knows what it declares today (`six==1.16.0` in requirements.txt), whoever runs it.
    func project(named name: String) -> Project? {
        guard let known = projects.first(where: { ProjectLogFile.name(forProject: $0.name) == name || $0.name == name }) else { return nil }
        return Self.current(known)
    }

    /// A project with its folder read again (kinds, ports, declared dependencies).
    static func current(_ project: Project) -> Project {
        guard var fresh = (try? ProjectScanner().scan(roots: [project.path], maxDepth: 0))?.projects.first else { return project }
        fresh.name = project.name
        return fresh
    }

    /// The problems of the project's last run: the same source as the Troubleshooting pane.
    func problems(of name: String) -> [(Project?, Suggestion)] {
        let project = project(named: name)
        let context = project.map(ProjectContext.init) ?? ProjectContext(name: name)
        return ProjectProblems.find(logFile: ProjectLogFile.path(forProject: name, in: paths.logs), project: context, learned: learned)
            .map { (project, $0) }
    }
}

struct TroubleshootListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print current problems of launched projects (all, or NAME) with suggestions.")

    @Argument(help: "Project name (as in `vantage ps`); all projects with logs when omitted.") var name: String?
    @Flag(help: "Print a JSON array of {project, error, suggestion, explanation, automated, fix, confidence}.") var json = false
    @Option(name: .customLong("root"), help: ArgumentHelp("Scan this folder for the projects' manifests (repeatable).", valueName: "dir"))
    var roots: [String] = []

    func run() async throws {
        let sources = try await TroubleshootingSources.load(roots: roots)
        let names = name.map { [$0] } ?? sources.logNames()
        if let name, !FileManager.default.fileExists(atPath: "\(sources.paths.logs)/\(name).log") {
            throw VantageError(.notFound, "no log for \(name) in \(sources.paths.logs)",
                               hint: "launch it first (vantage launch), or check the name with vantage ps")
        }
        var problems: [TroubleshootProblem] = []
        for n in names {
            for (_, s) in sources.problems(of: n) {
                problems.append(TroubleshootProblem(project: n, error: s.evidence, suggestion: s.title, explanation: s.explanation,
                                                    automated: s.automated?.summary, fix: s.automated,
                                                    confidence: (s.confidence * 100).rounded() / 100))
            }
        }
        if json {
            try JSONOutput.print(problems)
            return
        }
        guard !problems.isEmpty else { print("No problems found in \(names.isEmpty ? "any log" : names.joined(separator: ", "))."); return }
        for p in problems {
            print("\(p.project): \(p.suggestion) (confidence \(String(format: "%.2f", p.confidence)))")
            print("  error: \(p.error)")
            print("  \(p.explanation)")
            print("  automated: \(p.automated ?? "none")")
        }
    }
}
