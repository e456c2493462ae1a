import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// Makes a release folder from a git commit: `git archive` of the commit (HEAD or a named ref)
/// unpacked into `releases/<id>.partial`, the shared entries linked in, the commit written to
/// `REVISION`, then renamed to `releases/<id>`, so a half-made release is never listed or switched to.
public enum ReleaseBuilder {
    /// Builds a release of `ref` of the repository at `repository` in `layout`; does not switch `current`.
    public static func build(repository: String, ref: String = "HEAD", shared: [String] = [], in layout: ReleaseLayout,
                             at date: Date = Date()) throws(VantageError) -> Release {
        let commit = try resolve(ref, in: repository)
        try makeFolder(layout.releasesFolder)
        try makeFolder(layout.sharedFolder)
        let id = layout.newReleaseID(at: date)
        let final = layout.path(of: id)
        let partial = final + ReleaseID.partialSuffix
        let archive = partial + ".tar"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        do throws(VantageError) {
            try makeFolder(partial)
            try git(["archive", "--format=tar", "-o", archive, commit], in: repository, doing: "archive \(ref)")
            let unpack = try ChildProcess.run(["tar", "-xf", archive, "-C", partial], timeout: 600)
            guard unpack.succeeded else {
                throw VantageError(.io, "cannot unpack the archive of \(ref) into \(partial): \(unpack.output.suffix(400))",
                                   at: SourceLocation(file: partial), hint: "check the free space and permissions of \(layout.root)")
            }
            try layout.linkShared(shared, into: partial)
            do {
                try Data((commit + "\n").utf8).write(to: URL(fileURLWithPath: partial + "/" + ReleaseID.revisionFile))
            } catch {
                throw VantageError(.io, "cannot write \(partial)/REVISION: \(error.localizedDescription)", at: SourceLocation(file: partial))
            }
            guard rename(partial, final) == 0 else {
                throw VantageError(.io, "cannot rename \(partial) to \(final): \(String(cString: strerror(errno)))",
                                   at: SourceLocation(file: partial))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        return layout.releases().first { $0.id == id }
            ?? Release(id: id, path: final, commit: commit, created: ReleaseID.parse(id), isCurrent: false, isPrevious: false)
    }

    /// The full commit id `ref` names in the repository.
    public static func resolve(_ ref: String, in repository: String) throws(VantageError) -> String {
        guard !ref.hasPrefix("-") else {
            throw VantageError(.usage, "'\(ref)' is not a git ref", hint: "name a branch, a tag or a commit")
        }
        let output = try git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], in: repository, doing: "find the commit \(ref)")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private static func git(_ arguments: [String], in repository: String, doing what: String) throws(VantageError) -> String {
        let result = try ChildProcess.run(["git", "-C", repository] + arguments, timeout: 600)
        guard result.succeeded else {
            let said = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw VantageError(.notFound, "git could not \(what) in \(repository)" + (said.isEmpty ? "" : ": \(said.suffix(400))"),
                               at: SourceLocation(file: repository),
                               hint: "a deploy is made from a commit: check that the folder is a git repository and the ref exists (git log --oneline -3)")
        }
        return result.output
    }

    private static func makeFolder(_ path: String) throws(VantageError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw VantageError(.io, "cannot make \(path): \(error.localizedDescription)", at: SourceLocation(file: path),
                               hint: "check that you may write to its parent folder")
        }
    }
}
