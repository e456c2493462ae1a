/// Why a cron expression was refused, and where: the field (1 = minute … 5 = day of week, nil for
/// the expression as a whole), the 1-based column in the text as written, and what was expected.
public struct CronSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1 … 5, or nil when the error is about the whole expression (its number of fields, its length).
    public var field: Int?
    /// 1-based position of the first character at fault.
    public var column: Int
    /// What was found and what was expected, for a person.
    public var message: String

    public init(field: Int?, column: Int, message: String) {
        self.field = field
        self.column = column
        self.message = message
    }

    /// `field 2 (hour), column 3: 25 is out of range: an hour is 0-23`
    public var description: String {
        guard let field else { return "column \(column): \(message)" }
        return "field \(field) (\(CronField.all[field - 1].name)), column \(column): \(message)"
    }
}
