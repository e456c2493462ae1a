import VantageCore
import VantageFormats

/// A compose file: the command `docker compose up`, the host ports its services publish.
/// No default readiness: Docker publishes the ports before the services listen on them.
enum ComposeEvidence {
    static let entry = ProjectKindEntry(.compose, isPresent: { files in ComposeFile.fileNames.contains(where: files.contains) },
                                        read: read, readiness: { _ in nil })

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .compose, command: "docker compose up")
        guard let file = ComposeFile.fileNames.first(where: folder.has) else { return evidence }
        let path = folder.path(file)
        guard let text = warnings.reading({ () throws(VantageError) in try FormatText.read(path) }) else { return evidence }
        let compose = ComposeFile.parse(text, path: path, environment: folder.env)
        warnings.add(contentsOf: compose.problems)
        evidence.ports = compose.services.flatMap(\.publishedPorts)
        return evidence
    }
}
