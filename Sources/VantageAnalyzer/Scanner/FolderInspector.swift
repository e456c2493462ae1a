import VantageCore

/// Decides whether one folder is a project, from the files directly inside it, and merges the
/// evidence of every kind found into one `Project`.
///
/// Kinds are listed most specific first: a Procfile or a compose file says how the folder is
/// meant to run, so it comes before the language it is written in; a bare Dockerfile comes last.
/// The name is the first one a manifest declares (else the folder name), the command the first
/// kind's that proposes one, the ports and dependencies the union of all.
enum FolderInspector {
    static func inspect(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> Project? {
        let env = DotEnvFile.read(folder: folder, files: files, warnings: &warnings)
        let envPath = folder + "/" + DotEnvFile.fileName
        let envPort = env?.port(path: envPath, warnings: &warnings)
        let vantage = VantageProjectFile.read(folder: folder, files: files, warnings: &warnings)

        var found: [KindEvidence] = []
        func add(_ evidence: KindEvidence?) { if let evidence { found.append(evidence) } }
        add(ProcfileManifest.read(folder: folder, files: files, envPort: envPort, warnings: &warnings))
        add(ComposeFile.read(folder: folder, files: files, env: env?.values ?? [:], warnings: &warnings))
        add(NodeManifest.read(folder: folder, files: files, warnings: &warnings))
        add(PythonManifest.read(folder: folder, files: files, warnings: &warnings))
        add(GoModManifest.read(folder: folder, files: files, warnings: &warnings))
        add(CargoManifest.read(folder: folder, files: files, warnings: &warnings))
        add(SwiftPackageManifest.read(folder: folder, files: files, warnings: &warnings))
        if let pom = MavenPom.read(folder: folder, files: files, warnings: &warnings) {
            add(pom)
        } else {
            add(GradleBuild.read(folder: folder, files: files, warnings: &warnings))
        }
        add(DockerfileManifest.read(folder: folder, files: files, warnings: &warnings))

        if found.isEmpty {
            guard let command = vantage?.command else { return nil }
            found.append(KindEvidence(kind: .command, command: command))
        }

        let folderName = folder.split(separator: "/").last.map(String.init) ?? folder
        let name = vantage?.name ?? found.lazy.compactMap(\.name).first ?? folderName
        var command = vantage?.command ?? found.lazy.compactMap(\.command).first
        if command == nil, found.contains(where: { $0.kind == .docker }) {
            command = DockerfileManifest.command(imageName: name)
        }

        var ports = vantage?.ports ?? []
        if let envPort { ports.append(envPort) }
        for evidence in found { ports += evidence.ports }
        var seenDeps = Set<Dependency>()
        let dependencies = found.flatMap(\.dependencies).filter { seenDeps.insert($0).inserted }

        return Project(name: name, path: folder, kinds: found.map(\.kind), command: command,
                       ports: Array(Set(ports)).sorted(), dependencies: dependencies)
    }
}
