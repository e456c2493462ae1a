/// Escaping text for the formats Vantage writes: one loop with a table per format (Graphviz DOT
/// strings, XML, `.env` values), and POSIX shell words.
public enum TextEscaping {
    /// `text` with every character that `table` names replaced by its escape; the others unchanged.
    public static func escaped(_ text: String, _ table: [Character: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if let escape = table[c] { out += escape } else { out.append(c) }
        }
        return out
    }

    /// One word for a POSIX shell: as it is when it holds only letters, digits and `/._-`, else in
    /// single quotes (a `'` inside written `'\''`).
    public static func shellWord(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "/._-".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
