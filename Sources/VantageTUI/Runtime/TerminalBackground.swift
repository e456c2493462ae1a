import Foundation

/// Whether the terminal's background is dark or light, to start in the matching theme. Asked of
/// the terminal with OSC 11 (`ESC ] 11 ; ? ST`) followed by a device-attributes query, which every
/// terminal answers, so a terminal that ignores OSC 11 costs one round trip rather than the whole
/// timeout; without an answer, `COLORFGBG` ("15;0": foreground;background) decides; else nothing.
public enum TerminalBackground {
    /// The reply's colour: `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST (1 to 4 hex digits a channel).
    public static func parseReply(_ reply: String) -> (UInt8, UInt8, UInt8)? {
        guard let start = reply.range(of: "]11;rgb:") else { return nil }
        let rest = reply[start.upperBound...].prefix { $0.isHexDigit || $0 == "/" }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var channels: [UInt8] = []
        for p in parts {
            guard (1...4).contains(p.count), let v = UInt32(p, radix: 16) else { return nil }
            let maxValue = Double((1 << (4 * p.count)) - 1)
            channels.append(UInt8((Double(v) / maxValue * 255).rounded()))
        }
        return (channels[0], channels[1], channels[2])
    }

    /// `COLORFGBG`'s background: the last field, an ANSI colour number; 0–6 and 8 are dark.
    public static func fromColorFGBG(_ value: String?) -> Theme.Variant? {
        guard let last = value?.split(separator: ";").last, let index = Int(last), (0...15).contains(index) else { return nil }
        return index <= 6 || index == 8 ? .dark : .light
    }

    /// Asks the terminal on `fd` (a tty already in raw mode or not: it is put in raw mode for the
    /// question and restored) and waits at most `timeout` for the answer.
    public static func query(fd: Int32, timeout: Duration = .milliseconds(150)) -> (UInt8, UInt8, UInt8)? {
        guard isatty(fd) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        cfmakeraw(&raw)
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &saved) }
        let question = "\u{1b}]11;?\u{1b}\\\u{1b}[c"
        guard question.withCString({ write(fd, $0, strlen($0)) }) > 0 else { return nil }
        var reply = [UInt8]()
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 256)
        // Read until the device attributes answer ("ESC [ ? … c") ends the exchange, or time is up.
        while ContinuousClock.now < deadline, reply.count < 4096 {
            let left = deadline - ContinuousClock.now
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ms = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&pfd, 1, ms) > 0 else { break }
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { break }
            reply += buffer[0..<n]
            if let text = String(bytes: reply, encoding: .utf8), text.range(of: "\u{1b}\\[\\?[0-9;]*c", options: .regularExpression) != nil { break }
        }
        return parseReply(String(decoding: reply, as: UTF8.self))
    }

    /// The variant to start in: the terminal's answer, else `COLORFGBG`, else nil (the theme's own).
    public static func detect(fd: Int32, environment: [String: String]) -> Theme.Variant? {
        if let rgb = query(fd: fd) { return Contrast.isDark(rgb) ? .dark : .light }
        return fromColorFGBG(environment["COLORFGBG"])
    }
}
