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

    /// The details overlay's section: each suggestion with its confidence, then its explanation.
    public static func details(_ items: [TroubleshootingAdvice]) -> [StyledLine] {
        guard !items.isEmpty else { return [] }
        var lines = [StyledLine([.init("Suggestions", CellStyle(fg: .accent, bold: true))])]
        for a in items {
            var spans: [StyledLine.Span] = [.init("  \(a.percent) % ", CellStyle(fg: .ok, bold: true)), .init(a.title, .role(.text))]
            if let fix = a.automatedFix { spans.append(.init(" [fix: \(fixLabel(fix))]", .role(.muted))) }
            lines.append(StyledLine(spans))
            lines.append(StyledLine([.init("    " + a.explanation, .role(.muted))]))
        }
        return lines
    }
}
