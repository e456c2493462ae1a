import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore

/// `vantage analyze debt PATH`: SQALE technical debt, hotspots and the debt trend of a project.
struct AnalyzeDebtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debt",
        abstract: "Technical debt (SQALE), hotspots, refactoring priority and the debt trend of a project.",
        discussion: """
            Debt is the sum of remediation minutes of the findings; the ratio divides it by the cost \
            of writing the code (minutes per line × lines of code); the rating is A–E at 5/10/20/50 %. \
            Findings come from the anti-pattern scanner and the practice checks (quality's smells join \
            them when wired in). In a git repository, hotspots are commits in the window × file size, \
            and the debt is measured at weekly commits, read through git without touching the working tree.
            """)

    @Argument(help: "The project folder.")
    var path: String = "."

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Minutes to develop one line of code (SonarQube uses 30).")
    var minutesPerLine: Double = 30

    @Option(help: "Days of git history for hotspots.")
    var windowDays: Int = 90

    @Option(help: "Weekly samples of the debt back in time (0 turns the history off).")
    var weeks: Int = 12

    func validate() throws {
        guard minutesPerLine > 0 else { throw ValidationError("--minutes-per-line must be more than 0.") }
        guard windowDays > 0 else { throw ValidationError("--window-days must be more than 0.") }
        guard weeks >= 0 else { throw ValidationError("--weeks cannot be negative.") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw reportFailure(VantageError(.notFound, "no such project folder", at: SourceLocation(file: path),
                                             hint: "give the path of a project's root folder"))
        }
        let analysis = ProjectDebtAnalysis(calculator: DebtCalculator(minutesPerLine: minutesPerLine),
                                           hotspotWindowDays: windowDays, historyWeeks: weeks)
        let report: ProjectDebtReport
        do {
            // Date(): a CLI command is a composition root of its own (the time it runs at).
            report = try analysis.analyze(root: path, now: Date())
        } catch let error as VantageError {
            throw reportFailure(error)
        }
        var out = StandardOutput()
        if json {
            out.write(try StandardOutput.json(report))
        } else {
            write(report, to: &out)
        }
        out.flush()
    }

    private func write(_ r: ProjectDebtReport, to out: inout StandardOutput) {
        let s = r.summary
        let ratio = s.ratio.isFinite ? String(format: "%.2f %%", s.ratio * 100) : "-"
        out.write("\(r.root)\n")
        out.write("Debt \(duration(s.debtMinutes)) over \(s.linesOfCode) lines of code: ratio \(ratio), rating \(s.grade)\n")
        out.write(String(format: "TODO/FIXME: %.1f per 1,000 lines\n", r.todoPerKLOC))

        out.write("\nFindings (\(r.antiPatterns.count) in code, \(r.practices.findings.count) in practices)\n")
        for f in r.antiPatterns {
            let place = f.line > 0 ? "\(f.file):\(f.line)" : f.file
            out.write("  \(place)  [\(f.kind.rawValue), \(f.remediationMinutes) min] \(f.message)\n      → \(f.suggestion)\n")
        }
        for f in r.practices.findings {
            out.write("  \(f.file)  [missing-\(f.practice.rawValue), \(f.remediationMinutes) min] \(f.message)\n      → \(f.suggestion)\n")
        }
        if !r.hotspots.isEmpty {
            out.write("\nHotspots (commits in \(r.hotspotWindowDays) days × \(r.complexityMeasure))\n")
            for h in r.hotspots.prefix(10) {
                out.write("  \(String(h.score).padding(toLength: 8, withPad: " ", startingAt: 0)) \(h.file)  (\(h.commits) commits × \(h.complexity))\n")
            }
        }
        if !r.priorities.isEmpty {
            out.write("\nRefactoring priority (hotspot × debt minutes)\n")
            for p in r.priorities.prefix(10) {
                out.write("  \(String(p.priority).padding(toLength: 8, withPad: " ", startingAt: 0)) \(p.file)  (\(p.hotspotScore) × \(p.debtMinutes) min)\n")
            }
        }
        if !r.history.isEmpty {
            out.write("\nDebt by week\n")
            for p in r.history {
                out.write("  \(UTCTime.day(p.date))  \(p.commit.prefix(10))  \(duration(p.summary.debtMinutes).padding(toLength: 10, withPad: " ", startingAt: 0)) \(p.summary.grade)\n")
            }
        }
        if let c = r.costOfDelay {
            out.write(String(format: "\nCost of delay: debt grows %.1f min/week (%.1f %% of the %@ remediation effort); each week of delay adds %.1f min\n",
                             c.debtGrowthPerWeek, c.weeklyGrowthRate * 100, duration(c.remediationMinutes), c.minutesPerWeekOfDelay))
        }
        if !r.skipped.isEmpty {
            out.write("\nSkipped \(WorkText.count(r.skipped.count, "file")) (binary or larger than 2 MB)\n")
        }
    }

    private func duration(_ minutes: Int) -> String { WorkText.duration(minutes: minutes) }
}
