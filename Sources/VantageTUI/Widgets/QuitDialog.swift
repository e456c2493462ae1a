/// The quit question in a centred box: which projects still run, and the three answers with the
/// active keys.
///
///     ┌ Quit ──────────────────────────────────────────────────────────┐
///     │ api and worker are still running.                              │
///     │                                                                │
///     │ s  stop them, then quit                                        │
///     │ k  keep them running under a Vantage daemon, then quit         │
///     │ n  cancel: stay here                                           │
///     └────────────────────────────────────────────────────────────────┘
public struct QuitDialog: Sendable {
    /// Names of the projects still running.
    public var running: [String]
    /// The keys of stop, keep and cancel, as the keymap has them.
    public var stopKey: String, keepKey: String, cancelKey: String
    public var glyphs: GlyphSet

    public init(running: [String], stopKey: String, keepKey: String, cancelKey: String, glyphs: GlyphSet) {
        self.running = running
        self.stopKey = stopKey
        self.keepKey = keepKey
        self.cancelKey = cancelKey
        self.glyphs = glyphs
    }

    /// "api is still running.", "api and worker are…", "5 projects are still running: a, b, c, d, …".
    public static func heading(_ names: [String], ellipsis: String) -> String {
        switch names.count {
        case 0: return "No project is running any more."
        case 1: return "\(names[0]) is still running."
        case 2...3: return names.dropLast().joined(separator: ", ") + " and \(names.last!) are still running."
        default: return "\(names.count) projects are still running: " + names.prefix(4).joined(separator: ", ") + ", \(ellipsis)"
        }
    }

    /// The box's lines for text `width` columns wide: long answers wrap under their text.
    public func lines(width: Int) -> [StyledLine] {
        let them = running.count == 1 ? "it" : "them"
        let keyWidth = max(stopKey.count, keepKey.count, cancelKey.count) + 2
        func answer(_ key: String, _ text: String) -> [StyledLine] {
            Formatting.wordWrap(text, width: max(8, width - keyWidth)).enumerated().map { i, part in
                StyledLine([.init((i == 0 ? key : "") .padded(to: keyWidth), CellStyle(fg: .accent, bold: true)),
                            .init(part, .role(.text))])
            }
        }
        return Formatting.wordWrap(Self.heading(running, ellipsis: glyphs.ellipsis), width: max(8, width))
            .map { StyledLine([.init($0, CellStyle(fg: .warn, bold: true))]) }
            + [StyledLine([])]
            + answer(stopKey, "stop \(them), then quit")
            + answer(keepKey, "keep \(them) running under a Vantage daemon, then quit (`vantage ps` lists \(them))")
            + answer(cancelKey, "cancel: stay here")
    }

    public func render(area: Rect, buffer: inout Buffer) {
        // As wide as the longest line unwrapped, narrower when the screen is.
        let natural = lines(width: 500).map { $0.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0
        let width = max(1, min(natural, area.width - 6))
        let content = lines(width: width)
        let overlay = Overlay(title: "Quit", width: width + 4, height: content.count + 2, glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        for (i, line) in content.enumerated() where inner.y + i < inner.bottom {
            line.draw(x: inner.x, y: inner.y + i, width: inner.width, buffer: &buffer)
        }
    }
}

private extension String {
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
