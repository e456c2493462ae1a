import Foundation
import Testing
import VantageCore

/// The real binary on a project with `self -> .`, `src/up -> ..` and a FIFO nobody writes to:
/// `analyze quality`, `scan` and `analyze debt` (practices) finish and report the real files.
@Suite(.serialized) struct FileWalkEndToEndTests {
    @Test func linkLoopsAndAFIFODoNotHangTheCommands() throws {
        let w = try RobustnessEndToEndTests.Workspace()
        defer { w.remove() }
        let app = w.root + "/workspace/app"
        try FileManager.default.createDirectory(atPath: app + "/src", withIntermediateDirectories: true)
        try "def f(x):\n    return x\n".write(toFile: app + "/src/f.py", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: app + "/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: app + "/src/up", withDestinationPath: "..")
        #expect(mkfifo(app + "/src/stuck.py", 0o644) == 0)

        let quality = try w.run(["analyze", "quality", app, "--json"], timeout: 30)
        #expect(quality.status == 0, "analyze quality: status \(quality.status): \(quality.output.prefix(400))")
        #expect(quality.output.contains("src/f.py"))
        #expect(!quality.output.contains("stuck.py"), "the FIFO is not a source file: \(quality.output.prefix(600))")
        #expect(!quality.output.contains("self/"), "the link to . is not followed")

        let scan = try w.run(["scan", w.root + "/workspace", "--json", "--depth", "8"], timeout: 30)
        #expect(scan.status == 0, "scan: \(scan.status): \(scan.output.prefix(400))")
        #expect(scan.output.components(separatedBy: "\"path\" : ").count == 2, "one project, found once: \(scan.output.prefix(600))")

        // Debt runs the practice checker and the anti-pattern scan over the same files.
        let debt = try w.run(["analyze", "debt", app], timeout: 30)
        #expect(debt.status == 0, "analyze debt: \(debt.status): \(debt.output.prefix(400))")
    }
}
