/// RFC 4180 quoting for one CSV field.
public enum CSVField {
    /// The field as written in a CSV row: quoted (with `"` doubled) when it holds a comma, a quote,
    /// a carriage return or a line feed; as is otherwise.
    public static func escape(_ field: String) -> String {
        var needsQuotes = false
        for b in field.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
