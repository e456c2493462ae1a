import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageKnowledge
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

    /// Projects come from --root scans when given, else from the last scan stored in the database.
    static func load(roots: [String]) async throws -> TroubleshootingSources {
        let paths = VantagePaths.fromEnvironment()
        let store = try? Store.open(paths: paths)
        var projects: [Project] = []
        if !roots.isEmpty {
            projects = try ProjectScanner().scan(roots: roots).projects
        } else if let store {
            projects = (try? await store.projects()) ?? []
        }
        let learned = (try? await store?.learnedFixes()) ?? []
        return TroubleshootingSources(paths: paths, projects: projects, learned: learned)
    }

    /// The log file names (without `.log`) in the logs folder, sorted.
    func logNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: paths.logs)) ?? []
        return files.filter { $0.hasSuffix(".log") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The project a log belongs to: the supervisor names logs after the project's name with
    /// anything but letters, digits, `-`, `_` and `.` replaced by `_`.
    func project(named name: String) -> Project? {
        projects.first { Self.logName(of: $0) == name || $0.name == name }
    }

    /// The name of a project's log file without `.log`, as the supervisor writes it.
    static func logName(of project: Project) -> String {
        String(project.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }.prefix(60))
    }

    func problems(of name: String) -> [(Project?, Suggestion)] {
        guard let text = ProjectLogText.lastRun(ofFile: "\(paths.logs)/\(name).log") else { return [] }
        let project = project(named: name)
        let context = project.map(ProjectContext.init) ?? ProjectContext(name: name)
        return TroubleshootingKB.match(text, project: context, learned: learned).map { (project, $0) }
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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(problems), as: UTF8.self))
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
