import VantageCore

/// The lines the details overlay shows about a project's code and dependencies: debt rating and
/// minutes, complexity, smells, documentation and test coverage, the worst functions, and the
/// dependencies' vulnerabilities by severity, licences, conflicts and lock files.
public enum InsightSection {
    /// How many of the worst functions are listed.
    public static let worstShown = 3

    /// `nil` insight: the analyzer has not reported yet.
    /// How many of the newest coverage reports the coverage sparkline shows.
    public static let coverageHistoryShown = 24

    public static func lines(_ insight: ProjectInsight?, glyphs: GlyphSet = .unicode) -> [StyledLine] {
        let heading = CellStyle(fg: .accent, bold: true)
        guard let i = insight else {
            return [StyledLine([.init("Code", heading), .init("  not analysed yet (the analyzer runs in the background)", .role(.muted))])]
        }
        var out: [StyledLine] = []
        let d = i.debt
        let ratio = d.ratio.map { Formatting.fixed($0 * 100, 1) + "%" } ?? "-"
        out.append(StyledLine([
            .init("Code", heading),
            .init("  debt ", .role(.text)),
            .init(d.rating, CellStyle(fg: ProjectGrid.ratingRole(d.rating), bold: true)),
            .init(" \(duration(d.minutes)), \(ratio) of \(d.linesOfCode) lines", .role(.text)),
        ]))
        let q = i.quality
        out.append(StyledLine([.init(
            "  \(q.files) file\(q.files == 1 ? "" : "s"), \(q.functions) functions, CCN avg \(Formatting.fixed(q.averageCCN, 1)) max \(q.maxCCN), \(q.smells) smell\(q.smells == 1 ? "" : "s")",
            .role(.text))]))
        if !q.smellsByKind.isEmpty {
            let kinds = q.smellsByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
            out.append(StyledLine([.init("  smells: " + kinds.joined(separator: ", "), .role(.warn))]))
        }
        let coverage = i.coveragePercent.map { Formatting.fixed($0, 1) + "%" } ?? "no report found"
        var coverageLine: [StyledLine.Span] = [.init("  docs \(Formatting.fixed(i.documentation * 100, 0))%, test coverage \(coverage)", .role(.text))]
        coverageLine += coverageSparkline(i.coverageTrend ?? [], glyphs: glyphs)
        out.append(StyledLine(coverageLine))
        for f in q.worstFunctions.prefix(worstShown) {
            out.append(StyledLine([
                .init("  CCN \(f.ccn)".padding(toLength: 10, withPad: " ", startingAt: 0),
                      CellStyle(fg: f.ccn > 15 ? .error : f.ccn > 10 ? .warn : .muted, bold: true)),
                .init("\(f.name)  ", .role(.text)),
                // The file name only: a long path would push the line number out of the box.
                .init("\(f.file.split(separator: "/").last.map(String.init) ?? f.file):\(f.line)", .role(.muted)),
            ]))
        }
        var history: [String] = []
        if !d.hotspots.isEmpty { history.append("hotspots: " + d.hotspots.joined(separator: ", ")) }
        if d.trend.count >= 2 {
            let shown = d.trend.suffix(4).map(duration).joined(separator: ", ")
            history.append(d.trend.count <= 4 ? "debt by week: " + shown : "debt by week, last 4 of \(d.trend.count): " + shown)
        }
        out += history.map { StyledLine([.init("  " + $0, .role(.muted))]) }
        out.append(contentsOf: dependencyLines(i.dependencies, heading: heading))
        out.append(StyledLine([.init("  " + i.status, .role(.muted))]))
        return out
    }

    /// The coverage history as a sparkline on a 0–100 % scale (heights are the percentages) and the
    /// number of reports it covers; nothing with fewer than two reports.
    static func coverageSparkline(_ trend: [Double], glyphs: GlyphSet) -> [StyledLine.Span] {
        guard trend.count >= 2 else { return [] }
        let shown = Array(trend.suffix(coverageHistoryShown))
        let cells = Sparkline(values: shown, maximum: 100, glyphs: glyphs).levels(width: shown.count).map { glyphs.sparkLevels[$0 ?? 0] }
        let first = shown[0], last = shown[shown.count - 1]
        let change = last - first
        let sign = change > 0 ? "+" : change < 0 ? "-" : "±"
        return [
            .init("  " + cells.joined(), .role(.accent)),
            .init(" \(sign)\(Formatting.fixed(abs(change), 1)) over \(shown.count) reports", .role(change < 0 ? .warn : .muted)),
        ]
    }

    static func dependencyLines(_ d: ProjectInsight.Dependencies, heading: CellStyle) -> [StyledLine] {
        var first: [StyledLine.Span] = [.init("Deps", heading), .init("  \(d.count) dependenc\(d.count == 1 ? "y" : "ies")", .role(.text))]
        if d.checked {
            let order = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]
            let parts = order.compactMap { sev in d.vulnerableBySeverity[sev].map { "\($0) \(sev.lowercased())" } }
            if parts.isEmpty {
                first.append(.init(", no known vulnerabilities", .role(.ok)))
            } else {
                let worst = d.vulnerableBySeverity["CRITICAL"] != nil || d.vulnerableBySeverity["HIGH"] != nil
                first.append(.init(", \(d.vulnerable) vulnerable (" + parts.joined(separator: ", ") + ")",
                                   CellStyle(fg: worst ? .error : .warn, bold: true)))
            }
            if d.unchecked > 0 { first.append(.init(", \(d.unchecked) unchecked", .role(.warn))) }
        }
        var lines = [StyledLine(first)]
        if !d.checked {
            first.append(.init(", vulnerabilities:", .role(.warn)))
            lines = [StyledLine(first), StyledLine([.init("  " + (d.note ?? "not checked"), .role(.warn))])]
        }
        for v in d.vulnerablePackages.prefix(worstShown) {
            let role: StyleRole = v.severity == "CRITICAL" || v.severity == "HIGH" ? .error : .warn
            lines.append(StyledLine([
                .init("  " + v.severity.lowercased().padding(toLength: 9, withPad: " ", startingAt: 0), CellStyle(fg: role, bold: true)),
                .init("\(v.name) \(v.version)  ", .role(.text)),
                .init(v.advisories.joined(separator: ", ") + (v.fixedIn.map { "; fixed in \($0)" } ?? "; no fix yet"), .role(.muted)),
            ]))
        }
        let known = d.licences.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map { "\($0.key) \($0.value)" }
        var second = "  licences: " + (known.isEmpty ? "none found" : known.joined(separator: ", "))
        if d.unknownLicences > 0 { second += ", \(d.unknownLicences) unknown" }
        lines.append(StyledLine([.init(second, .role(d.unknownLicences > 0 ? .warn : .text))]))
        let third = "  \(d.conflicts) conflict\(d.conflicts == 1 ? "" : "s"), \(d.lockProblems) lock problem\(d.lockProblems == 1 ? "" : "s"), outdated \(d.outdated)"
        lines.append(StyledLine([.init(third, .role(d.conflicts > 0 || d.lockProblems > 0 ? .warn : .text))]))
        return lines
    }

    /// "2h 30m", "1d 2h" (a day is 8 hours, SonarQube's unit), "0m": Core's one format.
    static func duration(_ minutes: Int) -> String { WorkText.duration(minutes: minutes) }
}
