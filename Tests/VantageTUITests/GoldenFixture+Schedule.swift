import Foundation
import VantageCore

/// Scheduled jobs for the schedule overlay's goldens and tests: one that ran fine, one whose last
/// run failed with a long message (wrapped in the details), one never run whose time has come.
extension GoldenFixture {
    static var scheduledJobs: [ScheduledJob] {
        let now = time(ticks)
        return [
            ScheduledJob(id: 1, cron: "0 3 * * *", target: .workspace, action: "analyze", created: now.addingTimeInterval(-9 * 86_400),
                         lastRun: now.addingTimeInterval(-3_600), lastOutcome: .ok("analysed 4 projects"),
                         nextRun: now.addingTimeInterval(82_800)),
            ScheduledJob(id: 2, cron: "*/30 * * * mon-fri", target: .project("shop"), action: "lock-check",
                         created: now.addingTimeInterval(-86_400), lastRun: now.addingTimeInterval(-600),
                         lastOutcome: .failed("2 stale lock files: package-lock.json is older than package.json, yarn.lock names left-pad 1.3.0 "
                                              + "which package.json no longer declares"),
                         nextRun: now.addingTimeInterval(1_200)),
            ScheduledJob(id: 3, cron: "@weekly", target: .workspace, action: "vuln-db-refresh", source: "/srv/osv",
                         created: now.addingTimeInterval(-8 * 86_400), nextRun: now.addingTimeInterval(-60)),
        ]
    }
}
