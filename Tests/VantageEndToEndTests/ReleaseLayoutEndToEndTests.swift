import Foundation
import Testing
import VantageCore

/// The release binary is linked the way its memory figure depends on (docs/DECISIONS.md, "the release
/// binary is static, not PIE, and its hot code is packed"). Checked with binutils on the real binary.
@Suite(.enabled(if: Binary.release != nil, "needs VANTAGE_BIN pointing at the release build (scripts/test sets it)"))
struct ReleaseLayoutEndToEndTests {

    @Test func positionDependentWithTheSwiftRuntimeInside() throws {
        let bin = try #require(Binary.release)
        let header = try ChildProcess.run(["readelf", "-h", bin]).output
        #expect(header.contains("EXEC (Executable file)"), "not position-independent: \(header)")
        let dynamic = try ChildProcess.run(["readelf", "-d", bin]).output
        #expect(dynamic.contains("libc.so"), "readelf -d lists the shared libraries")
        for library in ["libswiftCore.so", "libFoundation.so", "libFoundationEssentials.so", "libswift_Concurrency.so"] {
            #expect(!dynamic.contains(library), "\(library) is linked in, not loaded")
        }
    }

    /// The functions listed first in hot-functions.order (those a refresh runs, one section each) sit
    /// together at the start of .text, not spread over the binary's 30 MB of code.
    @Test func theHotFunctionsArePackedAtTheStartOfText() throws {
        let bin = try #require(Binary.release)
        let listed = try String(contentsOfFile: Binary.repositoryRoot + "/Sources/vantage/hot-functions.order", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.prefix(300).map(String.init)
        try #require(listed.count == 300, "the order file lists the hot functions")
        var address: [String: UInt64] = [:]
        for line in try ChildProcess.run(["nm", "--defined-only", bin]).output.split(separator: "\n") {
            let f = line.split(separator: " ", maxSplits: 2)
            if f.count == 3, let a = UInt64(f[0], radix: 16) { address[String(f[2])] = address[String(f[2])] ?? a }
        }
        let found = listed.compactMap { address[$0] }
        #expect(found.count >= 270, "most listed names are in the binary (\(found.count) of 300)")
        let sections = try ChildProcess.run(["readelf", "-SW", bin]).output
        let textLine = try #require(sections.split(separator: "\n").first { $0.contains(" .text ") })
        let fields = textLine.split(separator: " ", omittingEmptySubsequences: true)
        let textStart = try #require(fields.firstIndex(of: "PROGBITS").flatMap { UInt64(fields[$0 + 1], radix: 16) })
        let span = (found.max() ?? 0) - textStart
        #expect(span < 512 * 1024, "300 hot functions within the first 512 KB of .text, not \(span / 1024) KB")
    }
}
