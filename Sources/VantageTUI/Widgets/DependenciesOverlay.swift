import VantageCore

/// A project's dependencies view (`D`): vulnerabilities by severity, then every package with its
/// version, licence and worst advisory, the conflicts and lock problems spelled out, outdated
/// packages ("unknown (offline)" unless a tool was asked; never a guess) and what environment
/// markers left out. Scrolls like help.
public struct DependenciesOverlay: Sendable {
    public var projectName: String
    public var insight: ProjectInsight?
    public var scroll: Int
    /// The key that asks the tools for newer versions (`refresh` in the keymap), named in the Outdated section.
    public var refreshKey: String?
    public var glyphs: GlyphSet

    public init(projectName: String, insight: ProjectInsight?, scroll: Int = 0, refreshKey: String? = nil, glyphs: GlyphSet) {
        self.projectName = projectName
        self.insight = insight
        self.scroll = scroll
        self.refreshKey = refreshKey
        self.glyphs = glyphs
    }

    static let severityOrder = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]

    static func severityRole(_ severity: String) -> StyleRole {
        severity == "CRITICAL" || severity == "HIGH" ? .error : .warn
    }

    /// The whole text, one styled line each; `width` is the inner width (columns are fitted to it).
    public func lines(width: Int) -> [StyledLine] {
        let heading = CellStyle(fg: .accent, bold: true)
        guard let insight else {
            return [StyledLine([.init("not analysed yet (the analyzer runs in the background)", .role(.muted))])]
        }
        let d = insight.dependencies
        var out: [StyledLine] = []
        func section(_ title: String, _ count: String? = nil) {
            if !out.isEmpty { out.append(StyledLine([])) }
            out.append(StyledLine([.init(title, heading)] + (count.map { [.init("  " + $0, .role(.muted))] } ?? [])))
        }
        // Sentences wrap (continuation lines indented further) rather than losing their end in a narrow pane.
        func plain(_ text: String, _ role: StyleRole = .text) {
            for (i, line) in Formatting.wordWrap(text, width: max(8, width - 4)).enumerated() {
                out.append(StyledLine([.init((i == 0 ? "  " : "    ") + line, .role(role))]))
            }
        }

        section("Vulnerabilities")
        if !d.checked {
            plain(d.note ?? "not checked", .warn)
        } else if d.vulnerable == 0 {
            plain("no known vulnerabilities" + (d.unchecked > 0 ? "; \(d.unchecked) unchecked" : ""), d.unchecked > 0 ? .warn : .ok)
        } else {
            var spans: [StyledLine.Span] = [.init("  ", .plain)]
            for sev in Self.severityOrder {
                guard let n = d.vulnerableBySeverity[sev] else { continue }
                if spans.count > 1 { spans.append(.init(", ", .role(.muted))) }
                spans.append(.init("\(n) \(sev.lowercased())", CellStyle(fg: Self.severityRole(sev), bold: true)))
            }
            if d.unchecked > 0 { spans.append(.init("; \(d.unchecked) unchecked", .role(.warn))) }
            out.append(StyledLine(spans))
            for v in d.vulnerablePackages {
                out.append(StyledLine([
                    .init("  " + Formatting.pad(v.severity.lowercased(), to: 9, ellipsis: glyphs.ellipsis), CellStyle(fg: Self.severityRole(v.severity), bold: true)),
                    .init("\(v.name) \(v.version)  ", .role(.text)),
                    .init(v.advisories.joined(separator: ", ") + (v.fixedIn.map { "; fixed in \($0)" } ?? "; no fix yet"), .role(.muted)),
                ]))
            }
        }

        let details = d.details
        let packages = details?.packages ?? []
        section("Packages", details == nil ? "\(d.count)" : "\(packages.count) (\(packages.filter(\.direct).count) direct)")
        if details == nil { plain("the list comes with the next analysis", .muted) }
        let nameWidth = min(max(12, packages.map { DisplayWidth.of($0.name) }.max() ?? 0), max(12, width / 3))
        let versionWidth = min(12, max(7, packages.map { DisplayWidth.of($0.version ?? $0.requirement ?? "") }.max() ?? 0))
        for p in packages {
            let version = p.version ?? p.requirement ?? "?"
            var spans: [StyledLine.Span] = [
                .init("  " + (p.direct ? "" : "  "), .plain),
                .init(Formatting.pad(p.name, to: nameWidth - (p.direct ? 0 : 2), ellipsis: glyphs.ellipsis) + " ", CellStyle(fg: .text, bold: p.direct)),
                .init(Formatting.pad(version, to: versionWidth, ellipsis: glyphs.ellipsis) + " ", .role(p.version == nil ? .muted : .text)),
                // The severity column comes before the licence, so a narrow screen still shows it.
                .init(Formatting.pad(p.severity?.lowercased() ?? "", to: 9, ellipsis: glyphs.ellipsis),
                      p.severity.map { CellStyle(fg: Self.severityRole($0), bold: true) } ?? .plain),
                .init(Formatting.pad(p.licence ?? "licence ?", to: 12, ellipsis: glyphs.ellipsis) + " ", .role(p.licence == nil ? .warn : .muted)),
            ]
            spans.append(.init(p.ecosystem + (p.dev ? " dev" : "") + "  " + p.source, .role(.muted)))
            out.append(StyledLine(spans))
        }

        section("Licences")
        let known = d.licences.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
        plain(known.isEmpty ? "none found" : known.joined(separator: ", "))
        if d.unknownLicences > 0 { plain("\(d.unknownLicences) unknown (no local metadata or licence file)", .warn) }

        section("Conflicts", "\(d.conflicts)")
        if let conflicts = details?.conflicts, !conflicts.isEmpty {
            for c in conflicts { plain(c, .warn) }
        } else if d.conflicts == 0 {
            plain("none: every constraint can be met", .ok)
        }
        if d.lockProblems > 0 || !(details?.lockProblems.isEmpty ?? true) {
            section("Lock files", "\(d.lockProblems) problem\(d.lockProblems == 1 ? "" : "s")")
            for l in details?.lockProblems ?? [] { plain(l, .warn) }
        }

        section("Outdated", details?.outdated == nil ? nil : d.outdated)
        if let outdated = details?.outdated {
            let available = outdated.filter { $0.latest != nil && $0.status == "available" }
            let unknown = outdated.filter { $0.latest == nil && $0.status != "up to date" }
            if outdated.isEmpty { plain("no pinned dependency to look up", .muted) }
            else if available.isEmpty && unknown.isEmpty { plain("everything pinned is up to date", .ok) }
            for o in available { plain("\(o.name) \(o.current) → \(o.latest!)") }
            for o in unknown { plain("\(o.name) \(o.current): \(o.status)", .muted) }
        } else if d.outdated == Update.checkingOutdated {
            plain(d.outdated, .accent)
        } else {
            let ask = refreshKey.map { "press \($0) to ask the tools" } ?? "vantage deps update --dry-run asks the tools"
            plain(d.outdated + ": not looked up in the background (\(ask))", .muted)
        }

        if let skipped = details?.skipped, !skipped.isEmpty {
            section("Skipped by environment marker", "\(skipped.count)")
            for s in skipped {
                out.append(StyledLine([.init("  \(s.name)  ", .role(.text)), .init(s.marker + "  ", .role(.accent)), .init(s.reason, .role(.muted))]))
            }
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let box = Overlay(title: "Dependencies: \(projectName)", width: min(110, area.width - 2), height: area.height - 2, glyphs: glyphs)
        let frame = box.frame(in: area)
        let text = lines(width: max(0, frame.width - 4))
        let sized = Overlay(title: box.title, width: box.width, height: min(text.count + 2, area.height - 2), glyphs: glyphs)
        ScrolledLines(lines: text, scroll: scroll, glyphs: glyphs).render(area: sized.render(area: area, buffer: &buffer), buffer: &buffer)
    }
}
