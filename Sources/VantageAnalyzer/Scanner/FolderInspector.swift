import VantageCore
import VantageFormats

/// Decides whether one folder is a project, from the files directly inside it, and merges the
/// evidence of every kind found into one `Project`.
///
/// Kinds are listed most specific first: a Procfile or a compose file says how the folder is
/// meant to run, so it comes before the language it is written in; a bare Dockerfile comes last.
/// The name is the first one a manifest declares (else the folder name), the command the first
/// kind's that proposes one, the ports and dependencies the union of all.
enum FolderInspector {
    static func inspect(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> Project? {
        var env: DotEnvFile?
        var envPort: Int?
        if files.contains(DotEnvFile.fileName) {
            env = warnings.reading { () throws(VantageError) in try DotEnvFile.read(folder + "/" + DotEnvFile.fileName) } ?? nil
            if let env {
                warnings.add(contentsOf: env.problems)
                var problems: [VantageError] = []
                envPort = env.port(problems: &problems)
                warnings.add(contentsOf: problems)
            }
        }
        // The project's own file: what it sets overrides what was detected. A file that cannot be
        // read makes the project broken (listed, with the reason), never hidden.
        var vantage: ProjectConfig?
        var configProblem: String?
        if files.contains(ProjectConfigReader.fileName) {
            do throws(VantageError) {
                if let reading = try ProjectConfigReader.load(projectPath: folder) {
                    vantage = reading.config
                    warnings.add(contentsOf: reading.errors + reading.warnings)
                    configProblem = reading.errors.first?.description
                }
            } catch {
                warnings.add(error)
                configProblem = error.description
            }
        }

        var found: [KindEvidence] = []
        func add(_ evidence: KindEvidence?) { if let evidence { found.append(evidence) } }
        add(ProcfileEvidence.read(folder: folder, files: files, envPort: envPort, warnings: &warnings))
        add(ComposeEvidence.read(folder: folder, files: files, env: env?.values ?? [:], warnings: &warnings))
        add(NodeEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(PythonEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(GoEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(RustEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(SwiftEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(JavaEvidence.read(folder: folder, files: files, warnings: &warnings))
        add(DockerfileEvidence.read(folder: folder, files: files, warnings: &warnings))

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
        if let envPort { ports.append(envPort) }
        for evidence in found { ports += evidence.ports }
        var seenDeps = Set<Dependency>()
        let dependencies = found.flatMap(\.dependencies).filter { seenDeps.insert($0).inserted }

        return Project(name: name, path: folder, kinds: found.map(\.kind), command: command,
                       ports: Array(Set(ports)).sorted(), dependencies: dependencies, configProblem: configProblem)
    }
}
