import VantageCore

/// The council's proposals in a centred box: one line per proposal (verdict, score, project,
/// action, proposer), the selected one highlighted; under the list, the selected proposal's
/// reason and every advisor's vote.
public struct CouncilOverlay: Sendable {
    public var proposals: [CouncilProposal]
    public var selected: Int
    public var glyphs: GlyphSet

    public init(proposals: [CouncilProposal], selected: Int, glyphs: GlyphSet) {
        self.proposals = proposals
        self.selected = selected
        self.glyphs = glyphs
    }

    /// The list line of one proposal: "+0.62 passed  worker: investigate the crashes (reliability)",
    /// then where it is once answered: "[accepted]", "[worked]".
    public static func line(_ p: CouncilProposal) -> String {
        "\(String(format: "%+.2f", p.score)) \(p.passed ? "passed  " : "rejected")  \(p.projectName): \(p.action) (\(p.advisor))"
            + (p.status == .proposed ? "" : " [\(p.status.rawValue)]")
    }

    /// The selected proposal's reason, votes, and where it is in its life.
    public static func detail(_ p: CouncilProposal) -> [String] {
        ["Why: " + p.rationale]
            + p.votes.map { v in "  \(v.advisor) \(String(format: "%+.2f", v.value)) (weight \(String(format: "%.2f", v.weight)))" }
            + ["Status: " + (p.status == .proposed ? "waiting for your answer" : p.status.rawValue) + (p.outcome.map { ": " + $0 } ?? "")]
    }

    public var lines: [StyledLine] {
        guard !proposals.isEmpty else {
            return [StyledLine([.init("The council has no proposals: every project looks healthy.", .role(.ok))])]
        }
        let current = max(0, min(selected, proposals.count - 1))
        var out = proposals.enumerated().map { i, p in
            let style = i == current ? CellStyle(fg: .text, bg: .selection, bold: true)
                : CellStyle(fg: p.status == .proposed && p.passed ? .text : .muted)
            return StyledLine([.init((i == current ? "> " : "  ") + Self.line(p), style)])
        }
        out.append(StyledLine([]))
        out += Self.detail(proposals[current]).map { StyledLine([.init($0, .role(.muted))]) }
        out.append(StyledLine([.init(proposals[current].status == .proposed ? "y accepts, n rejects the selected proposal; Esc closes."
                                     : "This proposal was answered; Esc closes.", .role(.accent))]))
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let content = lines
        let overlay = Overlay(title: "Council of advisors", width: min(90, area.width - 2),
                              height: min(content.count + 2, area.height - 2), glyphs: glyphs)
        let inner = overlay.render(area: area, buffer: &buffer)
        guard !inner.isEmpty else { return }
        // Keep the selected line in view when the list is taller than the box.
        let listRows = max(1, inner.height - (content.count - proposals.count))
        let skip = proposals.isEmpty ? 0 : max(0, min(selected, proposals.count - 1) - listRows + 1)
        var y = inner.y
        for line in content.dropFirst(skip) where y < inner.bottom {
            line.draw(x: inner.x, y: y, width: inner.width, buffer: &buffer)
            y += 1
        }
    }
}
