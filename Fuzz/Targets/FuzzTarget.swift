import Foundation

/// One fuzz target: a name, the files that seed its corpus (`folder` or `folder:name-pattern`,
/// relative to the package root, searched recursively), and what it does with one input. `run` feeds the bytes to a real reader of Vantage and
/// must return normally whatever they are; libFuzzer reports a trap, a stack overflow, a
/// timeout or a memory blow-up as a finding.
struct FuzzTarget: Sendable {
    var name: String
    var seeds: [String]
    var run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
}

extension UnsafeBufferPointer<UInt8> {
    /// The input as text, invalid UTF-8 repaired the way every reader's file loading repairs it.
    var text: String { String(decoding: self, as: UTF8.self) }
    var data: Data { Data(self) }
}

/// A private folder for targets whose reader takes a path: `$TMPDIR/vantage-fuzz-<pid>`.
let fuzzScratchFolder: String = {
    let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    let folder = "\(base)/vantage-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}()

/// Writes the input under `name` in the scratch folder and returns its path. A plain write:
/// `FileManager.createFile` writes atomically and syncs, which cost 10 ms per file.
func writeScratchFile(_ name: String, _ input: UnsafeBufferPointer<UInt8>) -> String {
    let path = fuzzScratchFolder + "/" + name
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("vantage-fuzz: cannot write \(path): errno \(errno)") }
    var done = 0
    while done < input.count {
        let n = write(fd, input.baseAddress! + done, input.count - done)
        guard n > 0 else { fatalError("vantage-fuzz: cannot write \(path): errno \(errno)") }
        done += n
    }
    close(fd)
    return path
}
