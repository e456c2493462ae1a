import VantageCore
import VantageFormats

/// A `Procfile`: the command is the `web` entry, else the first. An entry that uses `$PORT`
/// declares a port: the `.env` `PORT` if set, else 5000 (foreman's and honcho's default).
enum ProcfileEvidence {
    static func read(folder: String, files: Set<String>, envPort: Int?, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(Procfile.fileName) else { return nil }
        var evidence = KindEvidence(kind: .procfile)
        guard let procfile = warnings.reading({ () throws(VantageError) in try Procfile.read(folder + "/" + Procfile.fileName) }) else { return evidence }
        warnings.add(contentsOf: procfile.problems)
        evidence.command = procfile.main?.command
        if procfile.entries.contains(where: \.usesPort) { evidence.ports = [envPort ?? Procfile.defaultPort] }
        return evidence
    }
}
