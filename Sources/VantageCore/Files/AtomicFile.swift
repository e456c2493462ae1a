import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash, a full disk or a concurrent writer never leaves one partial: the
/// contents go to a temporary file with a unique name beside the target (created by `mkstemp`),
/// are written in full and `fsync`ed, and only then take the target's name; the folder is synced
/// afterwards. On any failure the temporary file is removed and the target is untouched.
public enum AtomicFile {
    /// Replaces (or creates) `path`. `check` may read the temporary file before it is renamed.
    public static func write(_ contents: Data, to path: String, mode: mode_t = 0o600,
                             check: (String) throws(VantageError) -> Void = { _ throws(VantageError) in }) throws(VantageError) {
        let tmp = try temporaryCopy(of: contents, beside: path, mode: mode)
        do throws(VantageError) { try check(tmp) } catch {
            unlink(tmp)
            throw error
        }
        guard rename(tmp, path) == 0 else {
            let why = errnoText()
            unlink(tmp)
            throw VantageError(.io, "cannot replace it: \(why); the previous file is kept", at: SourceLocation(file: path))
        }
        syncFolder(of: path)
    }

    /// Creates `path` with `contents` unless it exists. The finished temporary file is hard-linked
    /// to `path`: a link, unlike a rename, never replaces a file another process created first.
    /// Returns false when `path` already existed (its contents are then the other process's).
    @discardableResult
    public static func create(_ contents: Data, at path: String, mode: mode_t = 0o600) throws(VantageError) -> Bool {
        let tmp = try temporaryCopy(of: contents, beside: path, mode: mode)
        defer { unlink(tmp) }
        if link(tmp, path) != 0 {
            guard errno == EEXIST else { throw VantageError(.io, "cannot create it: \(errnoText())", at: SourceLocation(file: path)) }
            return false
        }
        syncFolder(of: path)
        return true
    }

    /// A synced temporary file beside `path` holding `contents`, or an error (and no file).
    private static func temporaryCopy(of contents: Data, beside path: String, mode: mode_t) throws(VantageError) -> String {
        var template = Array("\(path).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw VantageError(.io, "cannot create a temporary file beside it: \(errnoText())", at: SourceLocation(file: path))
        }
        let tmp = String(cString: template)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var failure: String?
        if fchmod(fd, mode) != 0 { failure = "cannot set its mode: \(errnoText())" }
        if failure == nil, !writeAll(fd, contents) { failure = "cannot write it: \(errnoText())" }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush it to disk: \(errnoText())" }
        if close(fd) != 0, failure == nil { failure = "cannot close it: \(errnoText())" }
        if let failure {
            unlink(tmp)
            throw VantageError(.io, "\(failure); the previous file is kept", at: SourceLocation(file: path))
        }
        return tmp
    }

    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Writes every byte, retrying short writes and EINTR.
    public static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    if n == 0 { errno = EIO }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
