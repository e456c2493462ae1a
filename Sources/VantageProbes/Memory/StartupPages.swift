#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Gives back the memory that only start-up needed.
///
/// Start-up runs code the steady state never touches again: the workspace scan, the migrations, the
/// analyzers' lexers for every language in the workspace, the dependency readers. The kernel maps
/// those code pages into the process 64 KB at a time (fault-around), so after start-up about half of
/// Vantage's resident memory is clean, read-only file pages it will not use again until a file
/// changes. They cost nothing to drop (they are re-read from the page cache or the binary on the
/// next use), so once the first analysis pass is over, the session drops them with
/// `madvise(MADV_PAGEOUT)` and returns freed heap to the system with `malloc_trim`.
/// Writable mappings are left alone: their pages may be dirty, and without swap they cannot go.
public enum StartupPages {
    /// `MADV_PAGEOUT` (Linux 5.4), not exported by Glibc's Swift overlay.
    private static let pageOut: Int32 = 21

    /// Drops this process's read-only, file-backed pages (those of the mappings `including` accepts:
    /// all by default); returns the bytes advised.
    @discardableResult
    public static func release(including: (_ start: UnsafeMutableRawPointer, _ length: Int) -> Bool = { _, _ in true }) -> Int {
        var advised = 0
        for range in readOnlyFileMappings() where including(range.start, range.length) {
            if madvise(range.start, range.length, pageOut) == 0 { advised += range.length }
        }
        _ = mallocTrim(0)
        return advised
    }

    /// The read-only, file-backed mappings of this process, from `/proc/self/maps`. (Foundation's
    /// `String(contentsOfFile:)` stops after the first 4 KB of a /proc file, so the raw reader is used.)
    static func readOnlyFileMappings() -> [(start: UnsafeMutableRawPointer, length: Int)] {
        let text = ProcFileReader().withContents(of: "/proc/self/maps") { String(decoding: $0, as: UTF8.self) } ?? ""
        var found: [(start: UnsafeMutableRawPointer, length: Int)] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5].hasPrefix("/"), !fields[1].contains("w") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16),
                  high > low, let start = UnsafeMutableRawPointer(bitPattern: low) else { continue }
            found.append((start, Int(high - low)))
        }
        return found
    }
}

/// glibc's `malloc_trim` (in `<malloc.h>`, which the Glibc module does not bring in).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
