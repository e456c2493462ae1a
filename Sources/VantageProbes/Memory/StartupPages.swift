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
/// Private writable file mappings (a binary's data segment) are advised too: the kernel drops only
/// their clean file pages and keeps every page the process wrote to (without swap it cannot move
/// them). Shared mappings (SQLite's `-shm` file) are left alone, since paging them out means writing.
public enum StartupPages {
    /// `MADV_PAGEOUT` (Linux 5.4), not exported by Glibc's Swift overlay.
    private static let pageOut: Int32 = 21

    /// Drops this process's clean, file-backed pages of private mappings (those `including` accepts:
    /// all by default); returns the bytes advised.
    @discardableResult
    public static func release(including: (_ start: UnsafeMutableRawPointer, _ length: Int) -> Bool = { _, _ in true }) -> Int {
        var advised = 0
        for range in privateFileMappings() where including(range.start, range.length) {
            // Random access from now on: a page read back comes alone, without the readahead that
            // would put its neighbours in the page cache for fault-around to map with it.
            _ = madvise(range.start, range.length, MADV_RANDOM)
            if madvise(range.start, range.length, pageOut) == 0 { advised += range.length }
        }
        _ = mallocTrim(0)
        return advised
    }

    /// Returns once the process has gone quiet: it used less than `share` of a core over one `window`
    /// (start-up's graph layout, first dependency checks and the like are over), or after `atMost`.
    /// Returns whether it went quiet.
    @discardableResult
    public static func waitUntilQuiet(share: Double = 0.05, window: Duration = .seconds(3), atMost: Duration = .seconds(60),
                                      cpuSeconds: () -> Double = ProcReader.processCPUSeconds,
                                      sleep: (Duration) async -> Void = { try? await Task.sleep(for: $0) }) async -> Bool {
        var waited = Duration.zero
        while waited < atMost, !Task.isCancelled {
            let before = cpuSeconds()
            await sleep(window)
            waited += window
            if (cpuSeconds() - before) / window.seconds < share { return true }
        }
        return false
    }

    /// The private, file-backed mappings of this process, from `/proc/self/maps`. (Foundation's
    /// `String(contentsOfFile:)` stops after the first 4 KB of a /proc file, so the raw reader is used.)
    static func privateFileMappings() -> [(start: UnsafeMutableRawPointer, length: Int)] {
        let text = ProcFileReader().withContents(of: "/proc/self/maps") { String(decoding: $0, as: UTF8.self) } ?? ""
        var found: [(start: UnsafeMutableRawPointer, length: Int)] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5].hasPrefix("/"), fields[1].hasSuffix("p") else { continue }
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
