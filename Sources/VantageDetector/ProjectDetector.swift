import Foundation
import VantageCore
import VantageFormats

/// The one place that decides what a folder is: its kinds, languages, name, default command,
/// ports, dependencies and readiness, and how each kind is started (`recipe`). The scanner, the
/// daemon, the practice checker, the supervisor's launch plan and the dependency scanner all ask it.
///
/// Kinds are listed most specific first: a Procfile or a compose file says how the folder is
/// meant to run, so it comes before the language it is written in; a bare Dockerfile comes last.
/// The name is the first one a manifest declares (else the folder name), the command the first
/// kind's that proposes one, the ports, languages and dependencies the union of all.
public enum ProjectDetector {
    /// Every kind a folder can be, in the order they are tried.
    public static let entries: [ProjectKindEntry] = [
        ProcfileEvidence.entry, ComposeEvidence.entry, NodeEvidence.entry, PythonEvidence.entry, GoEvidence.entry,
        RustEvidence.entry, SwiftEvidence.entry, JavaEvidence.entry, GradleEvidence.entry, PHPEvidence.entry,
        DockerfileEvidence.entry,
    ]

    /// The entry of `kind`; nil for the kinds no folder has (`container`, `command`).
    public static func entry(for kind: ProjectKind) -> ProjectKindEntry? {
        entries.first { $0.kind == kind }
    }

    /// The kinds these file names (directly in one folder) show, without reading any file.
    public static func kinds(files: Set<String>) -> [ProjectKind] {
        entries.filter { $0.isPresent(files) }.map(\.kind)
    }

    /// The readiness probe of a project whose own file sets none.
    public static func defaultReadiness(kind: ProjectKind, ports: [Int]) -> ReadinessSpec? {
        (entry(for: kind)?.readiness ?? ProjectKindEntry.connectToFirstPort)(ports)
    }

    /// The recipes that apply to a command of `project`: those of its kinds, and the one whose
    /// interpreter the command starts with (`python3 tool.py` in a project of another kind).
    public static func recipes(for kinds: [ProjectKind], program: String) -> [LaunchRecipe] {
        entries.filter { kinds.contains($0.kind) || $0.recipe.isInterpreter(program) }.map(\.recipe)
    }

    /// The program some kind's commands start with (`go`, `npm`, `php`, ...), with how to install it.
    public static func tool(named program: String) -> LaunchRecipe.Tool? {
        entries.lazy.flatMap(\.recipe.tools).first { $0.name == program }
    }

    /// The command the first of `kinds` proposes for the folder as it is now (`go run .` for a Go
    /// project, `npm start` for a package.json with a start script); nil when none does.
    public static func defaultCommand(kinds: [ProjectKind], folder: String) -> String? {
        var warnings = ScanWarnings()
        let contents = FolderContents(folder: folder, files: ProjectScanner.regularFiles(in: folder) ?? [])
        for kind in kinds {
            if let command = entry(for: kind)?.read(contents, &warnings).command { return command }
        }
        return nil
    }

    /// Detects the one folder `folder` (absolute or relative): `projects` is empty when it is not a
    /// project, and `warnings` holds every problem in its files.
    public static func detect(folder: String, lastGood: LastGoodConfigStore? = nil) -> ScanResult {
        let absolute = ProjectScanner.absolutePath(folder)
        var warnings = ScanWarnings()
        let project = ProjectScanner.regularFiles(in: absolute).flatMap {
            detect(folder: absolute, files: $0, warnings: &warnings, lastGood: lastGood)
        }
        return ScanResult(projects: project.map { [$0] } ?? [], warnings: warnings.items)
    }

    /// Decides whether one folder is a project, from the regular files directly inside it. With
    /// `lastGood`, its `.vantage.toml` is read through the store of last good copies.
    static func detect(folder: String, files: Set<String>, warnings: inout ScanWarnings, lastGood: LastGoodConfigStore? = nil) -> Project? {
        var contents = FolderContents(folder: folder, files: files)
        if files.contains(DotEnvFile.fileName),
           let env = warnings.reading({ () throws(VantageError) in try DotEnvFile.read(contents.path(DotEnvFile.fileName)) }) ?? nil {
            warnings.add(contentsOf: env.problems)
            var problems: [VantageError] = []
            contents.env = env.values
            contents.envPort = env.port(problems: &problems)
            warnings.add(contentsOf: problems)
        }
        // The project's own file: what it sets overrides what was detected. A file that cannot be
        // read makes the project broken (listed, with the reason), never hidden.
        var vantage: ProjectConfig?
        var configProblem: String?
        var configFallback: String?
        if files.contains(ProjectConfigReader.fileName) {
            do throws(VantageError) {
                if let reading = try ProjectConfigReader.load(projectPath: folder, lastGood: lastGood) {
                    vantage = reading.config
                    warnings.add(contentsOf: reading.errors + reading.warnings)
                    configProblem = reading.errors.first?.description
                    configFallback = reading.lastGood?.note
                }
            } catch {
                warnings.add(error)
                configProblem = error.description
            }
        }

        var found = entries.filter { $0.isPresent(files) }.map { $0.read(contents, &warnings) }
        if found.isEmpty {
            guard vantage?.command != nil || configProblem != nil else { return nil }
            found.append(KindEvidence(kind: .command, command: vantage?.command))
        }

        let folderName = folder.split(separator: "/").last.map(String.init) ?? folder
        let name = vantage?.name ?? found.lazy.compactMap(\.name).first ?? folderName
        var command = vantage?.command ?? found.lazy.compactMap(\.command).first
        if command == nil, found.contains(where: { $0.kind == .docker }) {
            command = DockerfileEvidence.command(imageName: name)
        }

        var ports = vantage?.ports ?? []
        if let envPort = contents.envPort { ports.append(envPort) }
        for evidence in found { ports += evidence.ports }
        var seenDependencies = Set<Dependency>()
        let dependencies = found.flatMap(\.dependencies).filter { seenDependencies.insert($0).inserted }
        var seenLanguages = Set<ProgrammingLanguage>()
        let languages = found.flatMap(\.languages).filter { seenLanguages.insert($0).inserted }

        return Project(name: name, path: folder, kinds: found.map(\.kind), languages: languages.map(\.rawValue), command: command,
                       ports: Array(Set(ports)).sorted(), dependencies: dependencies, configProblem: configProblem,
                       configFallback: configFallback)
    }
}
