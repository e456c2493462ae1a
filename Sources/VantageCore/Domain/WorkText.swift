/// Counts and amounts of work as Vantage writes them, the same on screen and in the CLI.
public enum WorkText {
    /// An amount of work in SonarQube's units (a day is 8 hours): "2h 30m", "1d 2h", "0m".
    /// `units` keeps only the largest ones ("2h" with 1).
    public static func duration(minutes: Int, units: Int = 3) -> String {
        let minutes = max(0, minutes)
        let d = minutes / 480, h = (minutes % 480) / 60, m = minutes % 60
        var parts: [String] = []
        if d > 0 { parts.append("\(d)d") }
        if h > 0 { parts.append("\(h)h") }
        if m > 0 || parts.isEmpty { parts.append("\(m)m") }
        return parts.prefix(max(1, units)).joined(separator: " ")
    }

    /// "1 dependency", "3 dependencies", "0 files": the count with the noun in the right number.
    /// The plural is the singular with "s", or with "ies" for a consonant then "y", unless given.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? pluralOf(singular))
    }

    static func pluralOf(_ word: String) -> String {
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") { return word + "es" }
        return word + "s"
    }
}
