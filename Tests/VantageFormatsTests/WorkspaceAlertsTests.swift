import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// `[[alerts]]` of `vantage.toml`: read by the one workspace-file reader; a bad rule is an error
/// with the file, line and field, before the daemon starts.
@Suite struct WorkspaceAlertsTests {
    func parse(_ text: String) throws -> WorkspaceFile {
        try WorkspaceFileReader.parse(TOMLParser.parse(text, file: "vantage.toml"), file: "vantage.toml")
    }

    func failure(_ text: String) -> VantageError? {
        do { _ = try parse(text); return nil } catch { return error as? VantageError }
    }

    @Test func rulesAreReadInOrderWithTheirProjectAndLine() throws {
        let w = try parse("""
            [[alerts]]
            when = "cpu > 80% for 2m"

            [[alerts]]
            when = "restarts > 3 per hour"
            project = "api"
            """)
        #expect(w.alerts.map(\.condition.text) == ["cpu > 80% for 2m", "restarts > 3 per hour"])
        #expect(w.alerts.map(\.project) == [nil, "api"])
        #expect(w.alerts.map(\.line) == [2, 5])
        #expect(w.warnings.isEmpty)
    }

    @Test func aBadRuleNamesFileLineAndField() throws {
        let bad = try #require(failure("""
            [[alerts]]
            when = "cpu > 80%"

            [[alerts]]
            when = "cpu > 80% for 99h"
            """))
        #expect(bad.location?.file == "vantage.toml")
        #expect(bad.location?.line == 5)
        #expect(bad.location?.field == "alerts[1].when")
        #expect(bad.message.contains("at most 24h"), "\(bad.message)")

        let missing = try #require(failure("[[alerts]]\nproject = \"api\"\n"))
        #expect(missing.location?.field == "alerts[0].when")
        #expect(missing.message.contains("each alert needs when"))
        let notTables = try #require(failure("alerts = 3\n"))
        #expect(notTables.message.contains("expected [[alerts]] tables"))
        let unknown = try parse("[[alerts]]\nwhen = \"health < 50\"\nsevertiy = \"high\"\n")
        #expect(unknown.warnings.contains { $0.message.contains("severtiy") }, "an unknown key is a warning: \(unknown.warnings)")
    }
}
