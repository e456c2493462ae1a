import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// `[[notify]]` of `vantage.toml` and the rate reader it uses: a bad entry is an error with the
/// file, line and field before the daemon starts; nothing is sent to a half-read entry.
@Suite struct WorkspaceNotifyTests {
    func parse(_ text: String) throws -> WorkspaceFile {
        try WorkspaceFileReader.parse(TOMLParser.parse(text, file: "vantage.toml"), file: "vantage.toml")
    }

    func failure(_ text: String) -> VantageError? {
        do { _ = try parse(text); return nil } catch { return error as? VantageError }
    }

    @Test func entriesAreReadWithTheirEventsProjectRateAndLine() throws {
        let w = try parse("""
            [[notify]]
            kind = "slack"
            url_secret = "SLACK_URL"

            [[notify]]
            kind = "Webhook"
            url_secret = "HOOK"
            events = ["crash", "alert"]
            project = "api"
            rate_limit = "3/h"
            """)
        try #require(w.notify.count == 2)
        #expect(w.notify[0].kind == .slack)
        #expect(w.notify[0].urlSecret == "SLACK_URL")
        #expect(w.notify[0].events == Set(OutboundNotification.Kind.allCases))
        #expect(w.notify[0].rate == NotifyTarget.defaultRate)
        #expect(w.notify[0].line == 2)
        #expect(w.notify[1].kind == .webhook)
        #expect(w.notify[1].events == [.crash, .alert])
        #expect(w.notify[1].project == "api")
        #expect(w.notify[1].rate == RateLimit(count: 3, seconds: 3600))
        #expect(w.notify[1].field == "notify[1]")
        #expect(w.warnings.isEmpty)
    }

    @Test func anEntryWantsItsEventsOfItsProjectOnly() {
        let target = NotifyTarget(kind: .webhook, urlSecret: "HOOK", events: [.crash], project: "api")
        let time = Date(timeIntervalSince1970: 0)
        #expect(target.wants(OutboundNotification(kind: .crash, time: time, project: "api", text: "crashed")))
        #expect(!target.wants(OutboundNotification(kind: .crash, time: time, project: "web", text: "crashed")))
        #expect(!target.wants(OutboundNotification(kind: .alert, time: time, project: "api", text: "fired")))
    }

    @Test func aBadEntryNamesFileLineAndField() throws {
        let kind = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\n\n[[notify]]\nkind = \"teams\"\nurl_secret = \"X\"\n"))
        #expect(kind.location?.file == "vantage.toml")
        #expect(kind.location?.line == 6)
        #expect(kind.location?.field == "notify[1].kind")
        #expect(kind.hint?.contains("slack, discord, webhook") == true)
        let missingKind = try #require(failure("[[notify]]\nurl_secret = \"X\"\n"))
        #expect(missingKind.location?.field == "notify[0].kind")
        #expect(missingKind.message.contains("each [[notify]] needs kind"))

        let secret = try #require(failure("[[notify]]\nkind = \"slack\"\n"))
        #expect(secret.location?.field == "notify[0].url_secret")
        #expect(secret.hint?.contains("vantage secret set @notify NAME") == true, "\(String(describing: secret.hint))")
        let url = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"https://hooks.slack.com/x\"\n"))
        #expect(url.location?.line == 3)
        #expect(url.message.contains("is not a secret name"))

        let event = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\nevents = [\"alert\", \"deploys\"]\n"))
        #expect(event.location?.field == "notify[0].events")
        #expect(event.message.contains("\"deploys\""))
        let none = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\nevents = []\n"))
        #expect(none.message.contains("would send nothing"))
        let notList = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\nevents = \"alert\"\n"))
        #expect(notList.message.contains("expected a list"))

        let rate = try #require(failure("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\nrate_limit = \"-1/min\"\n"))
        #expect(rate.location?.field == "notify[0].rate_limit")
        #expect(rate.location?.line == 4)
        let notTables = try #require(failure("notify = \"slack\"\n"))
        #expect(notTables.message.contains("expected [[notify]] tables"))
        let unknown = try parse("[[notify]]\nkind = \"slack\"\nurl_secret = \"X\"\nurl = \"https://x\"\n")
        #expect(unknown.warnings.contains { $0.message.contains("\"url\"") }, "an unknown key is a warning: \(unknown.warnings)")
    }

    @Test(arguments: [
        ("10/min", RateLimit(count: 10, seconds: 60)), ("1/s", RateLimit(count: 1, seconds: 1)),
        (" 30 / hour ", RateLimit(count: 30, seconds: 3600)), ("100000/m", RateLimit(count: 100_000, seconds: 60)),
    ])
    func ratesAreRead(text: String, expected: RateLimit) throws {
        #expect(try RateLimit.parse(text).get() == expected)
    }

    @Test(arguments: ["", "10", "10/", "/min", "0/min", "-1/min", "1.5/min", "100001/min", "99999999999999999999/s",
                      "10/week", "10/min/s", "١٠/min", "+5/min", "inf/min"])
    func nonRatesAreRefusedWithoutATrap(text: String) {
        guard case .failure(let problem) = RateLimit.parse(text) else {
            Issue.record("\"\(text)\" was read as a rate")
            return
        }
        #expect(!problem.message.isEmpty)
    }
}
