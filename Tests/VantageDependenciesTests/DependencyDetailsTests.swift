import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// The rows of the dependencies view, built from a real folder and a real advisory database.
@Suite("Dependencies view rows")
struct DependencyDetailsTests {
    @Test func packagesSkippedConflictsAndSeveritiesFromARealProject() throws {
        let dir = NSTemporaryDirectory() + "vantage-details-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/tools", withIntermediateDirectories: true)
        try "flask==0.12.2\nclick>=8\npywin32==306 ; sys_platform == \"win32\"\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        try "click<8\n".write(toFile: dir + "/tools/requirements.txt", atomically: true, encoding: .utf8)
        let db = try makeDatabase([advisory("TEST-FLASK", "PyPI", "flask", [["introduced": "0"], ["fixed": "1.0"]],
                                            severity: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")])
        let overview = DependencyOverview.build(path: dir, database: db)
        let d = overview.details(relativeTo: dir)
        #expect(d.packages.map(\.name) == ["click", "click", "flask"])
        let flask = try #require(d.packages.first { $0.name == "flask" })
        #expect(flask.severity == "CRITICAL")
        #expect(flask.version == "0.12.2" && flask.direct && flask.source == "requirements.txt:1")
        #expect(d.packages.first { $0.source == "tools/requirements.txt:1" }?.requirement == "<8")
        #expect(d.skipped.map(\.name) == ["pywin32"])
        #expect(d.skipped.first?.marker == #"sys_platform == "win32""#)
        #expect(d.conflicts == ["click: >=8 (requirements.txt) and <8 (tools/requirements.txt): no version satisfies all"])
        #expect(d.outdated == nil, "the view says unknown (offline) rather than guessing")
    }
}
