import VantageCore
import VantageFormats

/// A `Procfile`: the command is the `web` entry, else the first. An entry that uses `$PORT`
/// declares a port: the `.env` `PORT` if set, else 5000 (foreman's and honcho's default).
enum ProcfileEvidence {
    static let entry = ProjectKindEntry(.procfile, isPresent: { $0.contains(Procfile.fileName) }, read: read)

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .procfile)
        guard let procfile = warnings.reading({ () throws(VantageError) in try Procfile.read(folder.path(Procfile.fileName)) }) else { return evidence }
        warnings.add(contentsOf: procfile.problems)
        evidence.command = procfile.main?.command
        if procfile.entries.contains(where: \.usesPort) { evidence.ports = [folder.envPort ?? Procfile.defaultPort] }
        return evidence
    }
}
