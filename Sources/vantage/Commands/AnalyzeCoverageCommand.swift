import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore

/// `vantage analyze coverage FILE`: line and branch coverage from a coverage report.
struct AnalyzeCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Read a coverage report: lcov, Cobertura XML, coverage.py JSON or llvm-cov export JSON.",
        discussion: "The format is detected from the contents. Prints per-file and total line coverage, and branch coverage where the report has it.")

    @Argument(help: "The coverage report to read.")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
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
