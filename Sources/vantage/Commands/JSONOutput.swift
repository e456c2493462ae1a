import Foundation

/// The one way the CLI prints JSON: indented, keys sorted, slashes as they are, dates in ISO 8601,
/// and empty arrays and objects on one line (`[]`, `{}`), not spread over three.
enum JSONOutput {
    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return compactingEmpty(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// The same for a value made of arrays, dictionaries, strings and numbers.
    static func text(jsonObject: Any) throws -> String {
        compactingEmpty(String(decoding: try JSONSerialization.data(withJSONObject: jsonObject, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
                               as: UTF8.self))
    }

    static func print<T: Encodable>(_ value: T) throws { Swift.print(try text(value)) }

    /// "[\n\n  ]" → "[]" and "{\n\n}" → "{}" (outside strings: inside one a newline is escaped).
    static func compactingEmpty(_ json: String) -> String {
        json.replacingOccurrences(of: #"\[\s*\]"#, with: "[]", options: .regularExpression)
            .replacingOccurrences(of: #"\{\s*\}"#, with: "{}", options: .regularExpression)
    }
}
