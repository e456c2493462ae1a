import Foundation
import VantageCore

/// Cron expressions: parsed, then the next five run times after a fixed instant in UTC and in a
/// zone whose offset changes (a daylight-saving jump every 12 hours).
let cronFuzzTarget = FuzzTarget(name: "cron", seeds: ["Fuzz/Seeds/cron"]) { input in
    guard let expression = try? CronExpression(input.text) else { return }
    var date = Date(timeIntervalSince1970: 1_767_225_600)
    for _ in 0..<5 {
        guard let next = expression.next(after: date, in: .utc) else { break }
        date = next
    }
    let jumping: (Date) -> Int = { Int($0.timeIntervalSince1970 / 43_200) % 2 == 0 ? 3600 : 7200 }
    _ = expression.next(after: Date(timeIntervalSince1970: 1_774_746_000), offset: jumping)
}
