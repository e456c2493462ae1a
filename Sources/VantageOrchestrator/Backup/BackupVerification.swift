import Crypto
import Foundation
import VantageCore

/// `vantage backup verify NAME`: restic reads back (a subset of) the repository's packs and checks
/// every blob's hash (`restic check --read-data-subset`), then a sample of the project's latest
/// snapshot is restored (`restore --verify`) and each sampled file that has not changed since is
/// compared by SHA-256 with the project's own. Any damage is an error that names it.
public struct BackupVerification: Sendable {
    public let backup: ProjectBackup
    /// What `--read-data-subset` is given: `100%` (every pack; the default), `10%`, `1/5`.
    public var subset: String
    /// Files restored and compared at most.
    public var sampleSize: Int

    public init(_ backup: ProjectBackup, subset: String = "100%", sampleSize: Int = 20) {
        self.backup = backup
        self.subset = subset
        self.sampleSize = sampleSize
    }

    public struct Outcome: Sendable, Equatable {
        public var snapshot: String?
        /// Files restored from the snapshot and verified by restic.
        public var restored: Int
        /// Of those, files unchanged in the project and equal to it by SHA-256.
        public var compared: Int
    }

    /// `10%`, `1/5` or `2.5%`, as restic takes them.
    public static func isValidSubset(_ text: String) -> Bool {
        if let m = text.wholeMatch(of: /(\d+(?:\.\d+)?)%/), let p = Double(m.output.1) { return p > 0 && p <= 100 }
        if let m = text.wholeMatch(of: /(\d+)\/(\d+)/), let n = Int(m.output.1), let d = Int(m.output.2) { return n >= 1 && n <= d }
        return false
    }

    public func run() throws(VantageError) -> Outcome {
        let repository = backup.repository
        let check = try repository.restic.run(["-r", repository.location, "check", "--read-data-subset=\(subset)"],
                                              password: repository.password, timeout: repository.longTimeout, started: repository.started)
        if !check.succeeded {
            let text = check.stdout + "\n" + check.stderr
            guard !check.timedOut, text.contains("error") || text.contains("Fatal: repository contains errors") else {
                throw ResticFailure.error(check, command: "check", repository: repository.location, project: repository.project,
                                          timeout: repository.longTimeout)
            }
            throw Self.damage(text, repository: repository.location)
        }
        let snapshots = try backup.list()
        guard let latest = snapshots.last else { return Outcome(snapshot: nil, restored: 0, compared: 0) }
        return try sampleRestore(latest)
    }

    static func damage(_ text: String, repository: String) -> VantageError {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.localizedCaseInsensitiveContains("error") || $0.contains("does not match") || $0.contains("damaged") }
        return VantageError(.io, "the repository at \(repository) is damaged: \(lines.prefix(4).joined(separator: " / "))",
                            at: SourceLocation(file: repository),
                            hint: "snapshots whose data is in the damaged packs cannot be fully restored; take a new backup into a new repository (vantage backup init after changing [backup] repository) and keep this one for what is still readable")
    }

    /// Restores up to `sampleSize` files of `snapshot` with restic's own verification, and compares
    /// each with the project's file when the project's has the same size and modification time.
    func sampleRestore(_ snapshot: ProjectBackup.Snapshot) throws(VantageError) -> Outcome {
        let repository = backup.repository
        let listing = try repository.run(["ls", "--json", snapshot.id], command: "ls", timeout: repository.longTimeout)
        struct Node: Decodable { var path: String?; var type: String?; var size: Int64?; var mtime: String?; var struct_type: String? }
        let files = listing.stdout.split(separator: "\n").compactMap { try? JSONDecoder().decode(Node.self, from: Data($0.utf8)) }
            .filter { $0.struct_type == "node" && $0.type == "file" && $0.path != nil }
        guard !files.isEmpty else { return Outcome(snapshot: snapshot.id, restored: 0, compared: 0) }
        let step = max(1, files.count / sampleSize)
        let sample = stride(from: 0, to: files.count, by: step).prefix(sampleSize).map { files[$0] }
        let scratch = FileManager.default.temporaryDirectory.path + "/vantage-verify-" + String(UUID().uuidString.prefix(8))
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let includes = sample.flatMap { ["--include", BackupPlan.literalPattern($0.path ?? "")] }
        try repository.run(["restore", snapshot.id, "--target", scratch, "--verify"] + includes, command: "restore --verify",
                           timeout: repository.longTimeout)
        var compared = 0
        for node in sample {
            let path = node.path ?? ""
            let restored = scratch + path
            guard let copy = FileManager.default.contents(atPath: restored) else {
                throw VantageError(.io, "the sample restore of snapshot \(snapshot.id.prefix(8)) did not write \(path)", at: SourceLocation(file: repository.location),
                                   hint: "the snapshot or the repository is damaged; run `restic -r \(repository.location) check --read-data`")
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.size] as? NSNumber)?.int64Value == node.size,
                  let modified = attributes[.modificationDate] as? Date,
                  let snapshotTime = node.mtime.flatMap(ResticSnapshot.date),
                  abs(modified.timeIntervalSince(snapshotTime)) < 0.001,
                  let live = FileManager.default.contents(atPath: path) else { continue }   // changed since: nothing to compare with
            guard SHA256.hash(data: copy) == SHA256.hash(data: live) else {
                throw VantageError(.io, "\(path) restored from snapshot \(snapshot.id.prefix(8)) differs from the project's file, which has not changed since",
                                   at: SourceLocation(file: repository.location), hint: "the repository is damaged; run `restic -r \(repository.location) check --read-data`")
            }
            compared += 1
        }
        return Outcome(snapshot: snapshot.id, restored: sample.count, compared: compared)
    }
}
