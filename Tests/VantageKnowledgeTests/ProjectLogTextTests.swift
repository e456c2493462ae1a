import Foundation
import Testing
@testable import VantageKnowledge

@Suite struct ProjectLogTextTests {
    @Test func readsOnlyTheLastRunWithoutStampsOrNotes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let log = """
            2026-11-25T15:01:02.123Z err [vantage] started api (pid 10) on port 8000: python app.py
            2026-11-25T15:01:03.000Z err OSError: [Errno 98] Address already in use
            2026-11-25T15:02:00.000Z err [vantage] started api (pid 11) on port 8000: python app.py
            2026-11-25T15:02:01.000Z out booting
            2026-11-25T15:02:01.500Z err Traceback (most recent call last):
            2026-11-25T15:02:01.600Z err ModuleNotFoundError: No module named 'vantage_missing_pkg'
            2026-11-25T15:02:02.000Z err [vantage] state api: crashed (exit 1)

            """
        try log.write(toFile: folder.path + "/api.log", atomically: true, encoding: .utf8)
        let text = try #require(ProjectLogText.lastRun(ofFile: folder.path + "/api.log"))
        #expect(text == "booting\nTraceback (most recent call last):\nModuleNotFoundError: No module named 'vantage_missing_pkg'")
        let top = TroubleshootingKB.match(text, project: TroubleshootingKBTests.pythonApp).map(\.problem)
        #expect(top == [.moduleNotFound])
        #expect(ProjectLogText.lastRun(ofFile: folder.path + "/missing.log") == nil)
    }

    @Test func keepsTheSupervisorsOOMNote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let log = """
            2026-11-25T15:02:00.000Z err [vantage] started hog (pid 11): python hog.py
            2026-11-25T15:02:01.000Z err [vantage] OOM kill at limit 64.0 MiB
            2026-11-25T15:02:01.100Z err [vantage] state running → backoff

            """
        try log.write(toFile: folder.path + "/hog.log", atomically: true, encoding: .utf8)
        let text = try #require(ProjectLogText.lastRun(ofFile: folder.path + "/hog.log"))
        #expect(text == "[vantage] OOM kill at limit 64.0 MiB")
        let top = try #require(TroubleshootingKB.match(text, project: ProjectContext(name: "hog")).first)
        #expect(top.problem == .outOfMemory)
        #expect(top.automated == .raiseMemoryLimit)
    }
}
