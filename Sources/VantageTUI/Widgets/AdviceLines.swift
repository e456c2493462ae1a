import VantageCore

/// How troubleshooting advice reads on screen.
public enum AdviceLines {
    /// The line under a problem: "  → Port 3000 is already in use: move off port 3000 … (90 %)".
    public static func summary(_ a: TroubleshootingAdvice, arrow: String) -> String {
        let fix = a.automatedFix.map { ": " + fixLabel($0) } ?? ""
        return "  \(arrow) \(a.title)\(fix) (\(a.percent) %)"
    }

    /// A fix's name as words ("reassign_port" → "reassign port").
    public static func fixLabel(_ name: String) -> String { name.replacingOccurrences(of: "_", with: " ") }

    /// A learned fix's confidence history (each 0...1) as one glyph per outcome, newest last.
    /// At most `width` glyphs: the newest outcomes.
    public static func sparkline(_ history: [Double], levels: [String], width: Int = 16) -> String {
        guard !levels.isEmpty else { return "" }
        return history.suffix(width).map { v in
            let clamped = v.isFinite ? min(1, max(0, v)) : 0
            return levels[min(levels.count - 1, Int((clamped * Double(levels.count - 1)).rounded()))]
        }.joined()
    }

    /// The details overlay's section: each suggestion with its confidence (and the learned fix's
    /// confidence history), then its explanation.
    public static func details(_ items: [TroubleshootingAdvice], levels: [String] = GlyphSet.unicode.sparkLevels) -> [StyledLine] {
        guard !items.isEmpty else { return [] }
        var lines = [StyledLine([.init("Suggestions", CellStyle(fg: .accent, bold: true))])]
        for a in items {
            var spans: [StyledLine.Span] = [.init("  \(a.percent) % ", CellStyle(fg: .ok, bold: true)), .init(a.title, .role(.text))]
            if let fix = a.automatedFix { spans.append(.init(" [fix: \(fixLabel(fix))]", .role(.muted))) }
            if !a.history.isEmpty { spans.append(.init(" " + sparkline(a.history, levels: levels), .role(.accent))) }
            lines.append(StyledLine(spans))
            lines.append(StyledLine([.init("    " + a.explanation, .role(.muted))]))
        }
        return lines
    }
}
