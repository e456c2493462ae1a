/// One of the five fields of a cron expression: its name, the values it accepts and the names that
/// stand for values (`jan`, `mon`).
struct CronField: Sendable {
    /// "day of month"
    let name: String
    /// "a day of the month", for "an hour is 0-23"-style messages.
    let noun: String
    /// What a person may need to know about the values ("0 and 7 are Sunday").
    var note: String { high > cycleHigh ? "; 0 and 7 are Sunday" : "" }
    /// The values written in the field. The day of week accepts 0-7 (both 0 and 7 are Sunday).
    let low: Int
    let high: Int
    /// The cycle a wrapping range (`fri-mon`, `22-2`) goes round: the day of week's is 0-6.
    let cycleHigh: Int
    /// Three-letter names, the first standing for `namesStart`.
    let names: [String]
    let namesStart: Int

    /// The number of distinct values in the cycle (60 minutes, 7 days of the week).
    var span: Int { cycleHigh - low + 1 }

    func value(named name: String) -> Int? {
        names.firstIndex(of: name).map { $0 + namesStart }
    }

    var accepted: String {
        names.isEmpty ? "\(low)-\(high)" : "\(low)-\(high) or \(names.first!)-\(names.last!)"
    }

    static let minute = CronField(name: "minute", noun: "a minute", low: 0, high: 59, cycleHigh: 59, names: [], namesStart: 0)
    static let hour = CronField(name: "hour", noun: "an hour", low: 0, high: 23, cycleHigh: 23, names: [], namesStart: 0)
    static let dayOfMonth = CronField(name: "day of month", noun: "a day of the month", low: 1, high: 31, cycleHigh: 31,
                                      names: [], namesStart: 0)
    static let month = CronField(name: "month", noun: "a month", low: 1, high: 12, cycleHigh: 12,
                                 names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
                                 namesStart: 1)
    static let dayOfWeek = CronField(name: "day of week", noun: "a day of the week", low: 0, high: 7,
                                     cycleHigh: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], namesStart: 0)

    /// In the order they are written.
    static let all: [CronField] = [.minute, .hour, .dayOfMonth, .month, .dayOfWeek]
}
