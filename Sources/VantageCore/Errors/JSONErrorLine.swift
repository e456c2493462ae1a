import Foundation

/// Where a `JSONSerialization` syntax error is, as a 1-based line of the text that was parsed.
/// Foundation says it in different ways: an `NSJSONSerializationErrorIndex`, or a debug
/// description with "around line L, column C" (Darwin), "around character N" (Linux, where N
/// counts UTF-8 bytes) or "end of file". One reader for every JSON file Vantage parses, so each
/// error names its line the same way.
public enum JSONErrorLine {
    /// The line `error` points at in `data`, or nil when Foundation does not say.
    public static func of(_ error: any Error, in data: Data) -> Int? {
        let info = (error as NSError).userInfo
        if let index = info["NSJSONSerializationErrorIndex"] as? Int { return line(atUTF8Offset: index, in: data) }
        return of(description: description(of: error), in: data)
    }

    public static func of(_ error: any Error, in text: String) -> Int? { of(error, in: Data(text.utf8)) }

    /// The text Foundation gives for the error (its debug description when there is one).
    public static func description(of error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
    }

    /// The line a debug description points at in `data`.
    public static func of(description: String, in data: Data) -> Int? {
        let words = description.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if let i = words.firstIndex(of: "line"), i + 1 < words.count, let n = Int(words[i + 1]) { return n }
        if let i = words.firstIndex(of: "character"), i + 1 < words.count, let n = Int(words[i + 1]) {
            return line(atUTF8Offset: n, in: data)
        }
        if description.lowercased().contains("end of file") { return line(atUTF8Offset: data.count, in: data) }
        return nil
    }

    /// 1 + the newlines before byte `offset`.
    public static func line(atUTF8Offset offset: Int, in data: Data) -> Int {
        1 + data.prefix(max(0, offset)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
