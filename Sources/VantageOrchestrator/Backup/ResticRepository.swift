import Foundation
import VantageCore

/// One restic repository opened with its password: the restic commands Vantage runs on it, each
/// with a timeout, each failure translated by `ResticFailure`.
public struct ResticRepository: Sendable {
    /// What restic's `-r` is given: a folder or an `sftp:` URL.
    public var location: String
    var password: String
    /// The project whose repository it is, for the hints of errors.
    public var project: String
    public var restic: ResticProcess
    /// Seconds a listing or an init may take.
    public var shortTimeout: Double = 120
    /// Seconds a backup, restore, check or prune may take.
    public var longTimeout: Double = 4 * 3600
    /// Called with restic's pid before the password is written (tests read /proc there).
    public var started: (@Sendable (pid_t) -> Void)?

    public init(location: String, password: String, project: String, restic: ResticProcess = ResticProcess()) {
        self.location = location
        self.password = password
        self.project = project
        self.restic = restic
    }

    /// `restic init`: creates the repository (a folder that does not exist yet, or an empty one).
    public func initialize() throws(VantageError) {
        _ = try run(["init"], command: "init", timeout: shortTimeout)
    }

    /// `restic backup --json` of `paths` with `excludes` and `tags`, run in `directory`.
    public func backup(paths: [String], excludes: [String], tags: [String], directory: String) throws(VantageError) -> ResticBackupSummary {
        let arguments = ["backup", "--json"] + tags.flatMap { ["--tag", $0] } + excludes.flatMap { ["--exclude", $0] } + ["--"] + paths
        let output = try run(arguments, command: "backup", directory: directory, timeout: longTimeout)
        guard let summary = ResticBackupSummary.find(inJSONLines: output.stdout) else {
            throw VantageError(.io, "restic backup ended without a summary: nothing tells which snapshot it made", at: SourceLocation(file: location))
        }
        return summary
    }

    /// `restic snapshots --json`, only those carrying every tag of `tags`.
    public func snapshots(tags: [String] = []) throws(VantageError) -> [ResticSnapshot] {
        let filter = tags.isEmpty ? [] : ["--tag", tags.joined(separator: ",")]
        return try ResticSnapshot.list(fromJSON: run(["snapshots", "--json"] + filter, command: "snapshots", timeout: shortTimeout).stdout)
    }

    /// `restic ARGUMENTS` on this repository; a failure is thrown as `ResticFailure` words it.
    @discardableResult
    public func run(_ arguments: [String], command: String, directory: String? = nil, timeout: Double) throws(VantageError) -> ResticProcess.Output {
        let output = try restic.run(["-r", location] + arguments, password: password, directory: directory, timeout: timeout, started: started)
        guard output.succeeded else {
            throw ResticFailure.error(output, command: command, repository: location, project: project, timeout: timeout)
        }
        return output
    }
}
