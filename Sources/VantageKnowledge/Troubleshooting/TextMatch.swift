import Foundation

/// The first line of a text that matches a pattern, with its capture groups ("" for a group that
/// did not take part).
struct TextMatch {
    var line: String
    var groups: [String]

    static func first(_ pattern: String, in lines: [String], caseInsensitive: Bool = false) -> TextMatch? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else {
            return nil
        }
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            guard let m = regex.firstMatch(in: line, range: range) else { continue }
            let groups = (0..<m.numberOfRanges).map { i -> String in
                guard let r = Range(m.range(at: i), in: line) else { return "" }
                return String(line[r])
            }
            return TextMatch(line: line.trimmingCharacters(in: .whitespaces), groups: groups)
        }
        return nil
    }
}
