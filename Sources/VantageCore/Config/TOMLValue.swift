/// A value read from a TOML file. Every table remembers the line of each key, so errors in
/// users' files can name the file, the line and the field.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    /// Offset date-times, local date-times, local dates and local times, in one canonical RFC 3339
    /// spelling: `1979-05-27T07:32:00.5-07:00`, `1979-05-27T07:32:00`, `1979-05-27`, `07:32:00`
    /// (`T` and `Z` upper case, the fraction as written). See `TOMLDateTime`.
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
/// Looking a key up is constant time (a table of more than a few keys carries an index), so a
/// 50,000-key theme or a 100,000-package lock file is read in linear time.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TOMLValue
        /// 1-based line where the key was written.
        public var line: Int
    }
    public private(set) var entries: [Entry] = []
    /// Line of the `[header]` that opened this table, or of the key or header that first named it
    /// (0 for the root).
    public var line: Int = 0
    /// Position of each key in `entries`; built once a table outgrows a short linear search.
    private var index: [String: Int]?
    private static let indexedFrom = 9

    public init(line: Int = 0) { self.line = line }

    /// A table of `entries` whose keys are distinct (the parser guarantees it).
    init(line: Int, entries: [Entry]) {
        self.line = line
        self.entries = entries
        if entries.count >= Self.indexedFrom { index = Self.makeIndex(entries) }
    }

    public static func == (a: TOMLTable, b: TOMLTable) -> Bool { a.line == b.line && a.entries == b.entries }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> TOMLValue? { position(of: key).map { entries[$0].value } }

    public func entry(_ key: String) -> Entry? { position(of: key).map { entries[$0] } }

    public func line(of key: String) -> Int? { position(of: key).map { entries[$0].line } }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Follows a dotted path of table keys ("colors.graph").
    public func value(at path: [String]) -> TOMLValue? {
        var table = self
        for (i, key) in path.enumerated() {
            guard let v = table[key] else { return nil }
            if i == path.count - 1 { return v }
            guard case .table(let t) = v else { return nil }
            table = t
        }
        return .table(self)
    }

    /// Sets `key` (replacing its value, keeping its first line) or appends it.
    mutating func set(_ key: String, _ value: TOMLValue, line: Int) {
        if let i = position(of: key) {
            entries[i].value = value
            return
        }
        entries.append(Entry(key: key, value: value, line: line))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count >= Self.indexedFrom {
            index = Self.makeIndex(entries)
        }
    }

    private static func makeIndex(_ entries: [Entry]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: entries.count)
        for (i, e) in entries.enumerated() { index[e.key] = i }
        return index
    }
}
