import Foundation
import Testing
import VantageCore
@testable import VantageStore

@Suite struct ScheduleRepositoryTests {
    @Test func jobsAreAddedRecordedAndRemoved() async throws {
        let tmp = try TemporaryDatabase()
        defer { tmp.remove() }
        let store = try Store.open(path: tmp.path)
        let created = Date(timeIntervalSince1970: 1_767_225_600)
        let a = try await store.addScheduledJob(cron: "0 3 * * *", target: .workspace, action: "analyze", created: created)
        let b = try await store.addScheduledJob(cron: "@daily", target: .project("web"), action: "vuln-db-refresh",
                                                source: "/srv/osv", created: created)
        #expect(b.id == a.id + 1)
        #expect(try await store.scheduledJobs() == [a, b])

        let run = created.addingTimeInterval(3 * 3600)
        try await store.recordScheduledRun(id: a.id, time: run, outcome: .failed("package-lock.json missing"),
                                           nextRun: run.addingTimeInterval(86_400))
        try await store.setNextScheduledRun(id: b.id, created.addingTimeInterval(86_400))
        let jobs = try await store.scheduledJobs()
        try #require(jobs.count > 0)
        #expect(jobs[0].lastRun == run)
        #expect(jobs[0].lastOutcome == .failed("package-lock.json missing"))
        #expect(jobs[0].nextRun == run.addingTimeInterval(86_400))
        try #require(jobs.count > 1)
        #expect(jobs[1].target == .project("web"))
        #expect(jobs[1].source == "/srv/osv")
        #expect(jobs[1].lastOutcome == nil)
        #expect(jobs[1].nextRun == created.addingTimeInterval(86_400))

        #expect(try await store.removeScheduledJob(id: a.id))
        #expect(try await !store.removeScheduledJob(id: a.id))
        #expect(try await store.scheduledJobs().map(\.id) == [b.id])
    }

    @Test func theTargetIsWrittenAsOneWord() throws {
        let job = ScheduledJob(id: 1, cron: "@hourly", target: .project("api"), action: "restart", created: Date(timeIntervalSince1970: 0))
        let json = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        #expect(json.contains(#""target":"api""#))
        #expect(try JSONDecoder().decode(ScheduledJob.self, from: Data(json.utf8)) == job)
        #expect(ScheduledJob.Target("workspace") == .workspace)
        #expect(job.title == "restart on api")
    }
}
