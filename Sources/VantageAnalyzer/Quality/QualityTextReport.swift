import Foundation

/// The human-readable summary: worst functions, files, project totals, smells.
public enum QualityTextReport {
    public static func render(_ report: QualityReport, top: Int) -> String {
        var lines: [String] = []
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        let worst = report.worstFunctions(limit: top)
        if !worst.isEmpty {
            lines.append("Worst functions (by cyclomatic complexity)")
            lines.append("  " + lpad("CCN", 4) + lpad("COG", 5) + lpad("NLOC", 6) + lpad("PARAM", 6) + "  function")
            for (file, f) in worst {
                lines.append("  " + lpad("\(f.ccn)", 4) + lpad("\(f.cognitiveComplexity)", 5) + lpad("\(f.nloc)", 6)
                             + lpad("\(f.parameterCount)", 6) + "  \(f.name)  \(file):\(f.startLine)")
            }
            lines.append("")
        }
        let files = report.files.sorted { $0.functions.reduce(0) { $0 + $1.ccn } > $1.functions.reduce(0) { $0 + $1.ccn } }
        if !files.isEmpty {
            lines.append("Files (most complex first)")
            lines.append("  " + lpad("NLOC", 7) + lpad("FUNCS", 7) + lpad("AVG CCN", 9) + lpad("MAX", 5) + lpad("DOCS", 6) + "  file")
            for f in files.prefix(top) {
                lines.append("  " + lpad("\(f.nloc)", 7) + lpad("\(f.functions.count)", 7)
                             + lpad(String(format: "%.1f", f.averageCCN), 9) + lpad("\(f.maxCCN)", 5)
                             + lpad(String(format: "%.0f%%", f.documentation.ratio * 100), 6) + "  \(f.path)"
                             + (f.partialReason.map { "  (partial: \($0))" } ?? ""))
            }
            if files.count > top { lines.append("  … and \(files.count - top) more files") }
            lines.append("")
        }
        let t = report.totals
        lines.append("Project: \(t.files) files, \(t.functions) functions, \(t.nloc) NLOC")
        lines.append(String(format: "  average CCN %.2f, max CCN %d, average cognitive %.2f", t.averageCCN, t.maxCCN, t.averageCognitive))
        lines.append(String(format: "  documentation: %d of %d public symbols documented (%.0f%%)",
                            t.documentation.documented, t.documentation.publicSymbols, t.documentation.ratio * 100))
        if !report.smells.isEmpty {
            var byKind: [Smell.Kind: (count: Int, minutes: Int)] = [:]
            for s in report.smells { byKind[s.kind, default: (0, 0)].count += 1; byKind[s.kind, default: (0, 0)].minutes += s.remediationMinutes }
            lines.append("  smells: " + Smell.Kind.allCases.compactMap { k in byKind[k].map { "\($0.count) \(k.rawValue)" } }.joined(separator: ", ")
                         + "; about \(t.remediationMinutes / 60) h \(t.remediationMinutes % 60) min to fix")
        }
        if !report.skipped.isEmpty { lines.append("  skipped \(report.skipped.count) files (see messages above)") }
        return lines.joined(separator: "\n")
    }
}
