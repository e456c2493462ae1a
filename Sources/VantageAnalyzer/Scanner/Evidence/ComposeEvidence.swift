import VantageCore
import VantageFormats

/// A compose file: the command `docker compose up`, the host ports its services publish.
enum ComposeEvidence {
    static func read(folder: String, files: Set<String>, env: [String: String], warnings: inout ScanWarnings) -> KindEvidence? {
        guard let file = ComposeFile.fileNames.first(where: files.contains) else { return nil }
        let path = folder + "/" + file
        var evidence = KindEvidence(kind: .compose, command: "docker compose up")
        guard let text = warnings.reading({ () throws(VantageError) in try FormatText.read(path) }) else { return evidence }
        let compose = ComposeFile.parse(text, path: path, environment: env)
        warnings.add(contentsOf: compose.problems)
        evidence.ports = compose.services.flatMap(\.publishedPorts)
        return evidence
    }
}
