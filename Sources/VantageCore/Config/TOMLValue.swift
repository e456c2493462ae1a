/// A value read from a TOML file. Every table remembers the line of each key, so errors in
/// users' files can name the file, the line and the field.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    /// Offset/local date-times, dates and times are kept as written.
    case datetime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    /// A short name of the value's type for error messages ("a string", "an integer").
    public var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .bool: return "true or false"
        case .datetime: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int64? { if case .integer(let i) = self { return i }; return nil }
    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [TOMLValue]? { if case .array(let a) = self { return a }; return nil }
    public var tableValue: TOMLTable? { if case .table(let t) = self { return t }; return nil }
}

/// An ordered TOML table. Keys keep their order of appearance and the line they were defined on.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TOMLValue
        /// 1-based line where the key was written.
        public var line: Int
    }
    public private(set) var entries: [Entry] = []
    /// Line of the `[header]` that opened this table (0 for the root or implicit tables).
    public var line: Int = 0

    public init(line: Int = 0) { self.line = line }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> TOMLValue? {
        entries.first { $0.key == key }?.value
    }

    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    public func line(of key: String) -> Int? { entry(key)?.line }

    /// Follows a dotted path of table keys ("colors.graph").
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first else { return .table(self) }
        guard let v = self[first] else { return nil }
        if path.count == 1 { return v }
        guard case .table(let t) = v else { return nil }
        return t.value(at: Array(path.dropFirst()))
    }

    mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append(Entry(key: key, value: value, line: line))
        }
    }

    public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }
}
