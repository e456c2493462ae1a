import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageStore
import VantageTUI

/// `vantage analyze coverage FILE`: line and branch coverage from a coverage report.
/// `vantage analyze coverage PATH --history`: the project's stored coverage over time.
struct AnalyzeCoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Read a coverage report: lcov, Cobertura XML, coverage.py JSON or llvm-cov export JSON.",
        discussion: """
            The format is detected from the contents. Prints per-file and total line coverage, and branch coverage where the report has it.
            With --history, PATH is a report or a project folder (its report is looked for in the usual places, such as coverage/lcov.info): \
            the report is added to the project's coverage history in Vantage's database (once per report file and modification time), \
            and the history is printed, oldest first.
            """)

    @Argument(help: "The coverage report to read (with --history: a report or a project folder).")
    var file: String

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Record the report in the project's coverage history and print that history.")
    var history = false

    func run() async throws {
        if history {
            try await runHistory()
            return
        }
        let report: CoverageReport
        do {
            report = try CoverageReader.read(path: file)
        } catch let error as VantageError {
            throw reportFailure(error)
        }
        var out = StandardOutput()
        if json {
            out.write(try StandardOutput.json(report))
        } else {
            out.write("\(report.format.rawValue) report, \(report.files.count) files\n")
            let width = max(5, report.files.map(\.file.count).max() ?? 0)
            func row(_ c: FileCoverage) -> String {
                let name = c.file.padding(toLength: width, withPad: " ", startingAt: 0)
                let lines = "\(c.linesHit)/\(c.linesFound)"
                var s = "\(name)  \(percent(c.lineRate))  \(lines.leftPadded(13))"
                if let rate = c.branchRate {
                    s += "  branches \(percent(rate))  \(c.branchesHit ?? 0)/\(c.branchesFound ?? 0)"
                }
                return s + "\n"
            }
            out.write("file".padding(toLength: width, withPad: " ", startingAt: 0) + "   lines  " + "hit/found".leftPadded(13) + "\n")
            for f in report.files { out.write(row(f)) }
            out.write(row(report.total))
        }
        out.flush()
    }

    /// One point of the printed history.
    private struct HistoryPoint: Encodable {
        var time: Date
        var linePercent: Double?
        var branchPercent: Double?
        var linesFound: Int
        var linesHit: Int
        var branchesFound: Int?
        var branchesHit: Int?
        var format: String
        var report: String
    }

    private struct History: Encodable {
        var project: String
        var points: [HistoryPoint]
    }

    private func runHistory() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw reportFailure(VantageError(.notFound, "nothing at \(file)", at: SourceLocation(file: file),
                                             hint: "give a coverage report or a project folder"))
        }
        let project: String
        let located: LocatedCoverage?
        do {
            if isDirectory.boolValue {
                project = URL(fileURLWithPath: file).standardizedFileURL.path
                located = CoverageLocator.find(inProject: project)
            } else {
                located = try CoverageLocator.read(path: URL(fileURLWithPath: file).standardizedFileURL.path)
                project = CoverageLocator.project(ofReport: file)
            }
        } catch let error as VantageError {
            throw reportFailure(error)
        }
        let store = try Store.open()
        let id = ProjectID(project)
        // Date(): a CLI command is a composition root of its own (the time it runs at).
        if let located { try await store.record(coverage: located.sample(project: id, recorded: Date())) }
        let samples = try await store.coverageHistory(of: id, limit: 10_000)
        let points = samples.map {
            HistoryPoint(time: $0.time, linePercent: $0.linePercent, branchPercent: $0.branchPercent, linesFound: $0.linesFound,
                         linesHit: $0.linesHit, branchesFound: $0.branchesFound, branchesHit: $0.branchesHit,
                         format: $0.format, report: $0.report)
        }
        var out = StandardOutput()
        defer { out.flush() }
        if json {
            out.write(try StandardOutput.json(History(project: project, points: points)))
            return
        }
        out.write("coverage history of \(project): \(points.count) report\(points.count == 1 ? "" : "s")")
        if located == nil && isDirectory.boolValue {
            out.write(" (no report in the usual places: \(CoverageLocator.candidates.joined(separator: ", ")))")
        }
        out.write("\n")
        guard !points.isEmpty else { return }
        let lines = points.compactMap(\.linePercent)
        if lines.count >= 2 {
            let glyphs = GlyphSet.unicode
            let levels = Sparkline(values: lines, maximum: 100, glyphs: glyphs).levels(width: lines.count)
            out.write("lines " + levels.map { glyphs.sparkLevels[$0 ?? 0] }.joined() + "\n")
        }
        for p in points {
            var s = UTCTime.iso8601(p.time) + "  lines " + percent(p.linePercent.map { $0 / 100 })
                + "  " + "\(p.linesHit)/\(p.linesFound)".leftPadded(13)
            if let b = p.branchPercent {
                s += "  branches " + percent(b / 100) + "  \(p.branchesHit ?? 0)/\(p.branchesFound ?? 0)"
            }
            out.write(s + "  " + p.report + "\n")
        }
    }

    private func percent(_ rate: Double?) -> String {
        guard let rate else { return "    -" }
        return String(format: "%5.1f%%", rate * 100)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
