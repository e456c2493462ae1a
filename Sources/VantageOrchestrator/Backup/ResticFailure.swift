import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// What a failed restic command means, said for a person: a missing repository, a wrong password,
/// a lock (stale or not: Vantage never removes one itself), a full disk, a timeout; anything else
/// quotes restic's last lines.
public enum ResticFailure {
    /// The error for `output` of `restic COMMAND` on `repository`; `project` names the project in hints.
    public static func error(_ output: ResticProcess.Output, command: String, repository: String, project: String,
                             timeout: Double) -> VantageError {
        let text = output.stderr + "\n" + output.stdout
        let at = SourceLocation(file: repository)
        if output.timedOut {
            return VantageError(.unavailable, "restic \(command) did not finish within \(Int(timeout)) s and was stopped", at: at,
                                hint: "a slow disk or network, or a very large change; raise --timeout, or look at the repository with `restic -r \(repository) snapshots`")
        }
        if text.contains("Is there a repository at the following location?") || text.contains("unable to open config file") {
            return VantageError(.notFound, "no restic repository at \(repository)",
                                hint: "run `vantage backup init \(project)` to create it, or correct [backup] repository in \(project)'s .vantage.toml")
        }
        if text.contains("wrong password or no key found") {
            return VantageError(.config, "the repository at \(repository) does not open with \(project)'s RESTIC_PASSWORD: wrong password", at: at,
                                hint: "store the right one with `vantage secret set \(project) RESTIC_PASSWORD` (it is read from stdin)")
        }
        if let lock = lockHolder(text) {
            return VantageError(.conflict, lock.explanation(repository: repository), at: at,
                                hint: lock.isStale
                                    ? "if no other restic uses this repository, remove the stale lock with `restic -r \(repository) unlock`; Vantage does not remove it for you"
                                    : "wait for it to finish and run the command again")
        }
        if text.contains("no space left on device") {
            return VantageError(.io, "the disk is full: restic \(command) could not write to \(repository) or to its cache", at: at,
                                hint: "free space on the repository's disk (or run `vantage backup forget \(project)`), then run it again")
        }
        let last = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("{") && $0 != "reading repository password from stdin" }.suffix(3)
        return VantageError(.io, "restic \(command) failed (status \(output.status)): \(last.joined(separator: " / "))", at: at)
    }

    /// Who holds a repository's lock, from restic's "repository is already locked by PID … on HOST" message.
    public struct LockHolder: Sendable, Equatable {
        public var pid: Int32
        public var host: String
        /// "(1.4s ago)" as restic wrote it, if it did.
        public var age: String?
        /// The lock was made on this machine by a process that no longer runs.
        public var isStale: Bool

        func explanation(repository: String) -> String {
            let since = age.map { ", taken \($0) ago" } ?? ""
            if isStale {
                return "the repository at \(repository) is locked by restic process \(pid) on \(host)\(since), which no longer runs: the lock is stale (left by a restic that was killed or crashed)"
            }
            return "the repository at \(repository) is locked by restic process \(pid) on \(host)\(since), which may still be working on it"
        }
    }

    static func lockHolder(_ text: String) -> LockHolder? {
        guard let match = text.firstMatch(of: /already locked (?:exclusively )?by PID (\d+) on (\S+)/),
              let pid = Int32(match.output.1) else { return nil }
        let host = String(match.output.2)
        let age = text.firstMatch(of: /lock was created at [^(]*\(([^)]+) ago\)/).map { String($0.output.1) }
        let here = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? ""
        let stale = host == here && kill(pid, 0) != 0 && errno == ESRCH
        return LockHolder(pid: pid, host: host, age: age, isStale: stale)
    }
}
