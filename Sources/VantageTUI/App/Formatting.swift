import Foundation
import VantageCore

/// Number and time formatting shared by the panes. Pure and locale-independent, so golden screens
/// come out the same on every machine.
public enum Formatting {
    /// Bytes in binary units, at most 6 columns: "512B", "1.5K", "34.5M", "1.2G", "3.0T".
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "K", "M", "G", "T", "P"]
        var v = max(0, value)
        var i = 0
        while v >= 1024, i < units.count - 1 { v /= 1024; i += 1 }
        if i == 0 { return "\(Int(v.rounded()))B" }
        return v >= 100 ? "\(Int(v.rounded()))\(units[i])" : fixed(v, 1) + units[i]
    }

    public static func bytes(_ value: UInt64) -> String { bytes(Double(value)) }

    public static func rate(_ bytesPerSecond: Double) -> String { bytes(bytesPerSecond) + "/s" }

    public static func percent(_ value: Double) -> String { fixed(value, 1) + "%" }

    /// A decimal with `digits` fraction digits, without Foundation's locale-dependent formatters.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(value) * scale).rounded())
        let whole = n / Int(scale)
        let frac = n % Int(scale)
        let sign = value < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        var f = String(frac)
        while f.count < digits { f = "0" + f }
        return "\(sign)\(whole).\(f)"
    }

    /// How long something has been up, at most 6 columns: "45s", "12m", "3h05m", "2d04h", "412d".
    public static func uptime(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        let s = Int(min(seconds, 1e12))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m"
        case ..<86_400: return "\(s / 3600)h" + pad2(s % 3600 / 60) + "m"
        case ..<(100 * 86_400): return "\(s / 86_400)d" + pad2(s % 86_400 / 3600) + "h"
        default: return "\(s / 86_400)d"
        }
    }

    /// `HH:MM:SS` of `date` in `timeZone`.
    public static func clock(_ date: Date, in timeZone: ClockZone) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let s = ((t % 86_400) + 86_400) % 86_400
        return pad2(s / 3600) + ":" + pad2(s / 60 % 60) + ":" + pad2(s % 60)
    }

    /// `2026-11-18` of `date` in `timeZone`.
    public static func day(_ date: Date, in timeZone: ClockZone) -> String {
        UTCTime.day(date.addingTimeInterval(Double(timeZone.secondsFromGMT(for: date))))
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `text` broken into lines of at most `width` columns at spaces (a word longer than a line is
    /// cut), so a sentence stays readable in a narrow pane instead of losing its end.
    public static func wordWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = "", used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word), ww = DisplayWidth.of(w)
            if used > 0 && used + 1 + ww <= width {
                current += " " + w; used += 1 + ww; continue
            }
            if used > 0 { lines.append(current); current = ""; used = 0 }
            while ww > width {
                // At least one character per line, so a character wider than the line cannot stall the cut.
                let fitted = fittingPrefix(w, width: width)
                let head = fitted.isEmpty ? String(w.prefix(1)) : fitted
                lines.append(head)
                w = String(w.dropFirst(head.count)); ww = DisplayWidth.of(w)
            }
            current = w; used = ww
        }
        if used > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when it was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(text.prefix(width)) }
        return fittingPrefix(text, width: room) + ellipsis
    }

    /// The longest prefix of `text` that takes at most `width` columns.
    static func fittingPrefix(_ text: String, width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, ellipsis: String, alignRight: Bool = false) -> String {
        let t = truncate(text, to: width, ellipsis: ellipsis)
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
        return alignRight ? gap + t : t + gap
    }
}
