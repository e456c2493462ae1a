/// Where in a user's file something went wrong.
public struct SourceLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line, if known.
    public var line: Int?
    /// The field (key path such as `colors.accent` or `keys.quit`), if known.
    public var field: String?

    public init(file: String, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    /// `path:12: field 'colors.accent'`
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let field { s += ": field '\(field)'" }
        return s
    }
}

/// A typed error that carries its location and a message written for a person.
public struct VantageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Category: String, Sendable {
        case config      // a user's file is malformed
        case usage       // a bad flag or argument
        case io          // a file or socket could not be read or written
        case notFound    // a named thing does not exist
        case unavailable // a service (Docker, a tool) is not there
        case conflict    // a resource is taken
    }
    public var category: Category
    public var location: SourceLocation?
    public var message: String
    /// What the user can do about it, if there is something to say.
    public var hint: String?

    public init(_ category: Category, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.category = category
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// One line for a person: `themes/x.toml:4: field 'colors.accent': unknown colour "blu" (hint)`
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += message
        if let hint { s += " (\(hint))" }
        return s
    }
}
