/// Text from a file, a process or the network, made harmless for a terminal: every control
/// character that could drive it (C0 except tab and newline, DEL, and the C1 range U+0080–U+009F)
/// is written as a visible escape, `\x1B` for ESC, so `ESC ] 2 ; … BEL` cannot set the title and
/// `ESC [ 2 J` cannot clear the screen. The one escaping rule of Vantage: the command line uses it
/// for everything it prints to a terminal, and the dashboard for every cell it writes.
public enum TerminalText {
    /// Whether `scalar` is a control character a terminal would act on (tab and newline are not).
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
    }

    /// Whether `text` holds a character `escaped` would change (a quick scan of the UTF-8 bytes).
    public static func needsEscaping(_ text: some StringProtocol) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return true }
            previous = b
        }
        return false
    }

    /// `text` with each unsafe control character replaced by `\xHH` (its code point in hex).
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `\x1B` for ESC: the visible form of one control character.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    }
}
