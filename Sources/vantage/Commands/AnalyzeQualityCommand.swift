import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore

/// `vantage analyze quality PATH [--json|--csv]`
struct AnalyzeQualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Complexity (CCN as lizard counts it, cognitive), size, documentation coverage and smells per function and file.")

    @Argument(help: "Source files or project directories.")
    var paths: [String] = ["."]

    @Flag(help: "Print lizard's --csv rows (NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end).")
    var csv = false

    @Flag(name: [.customShort("V"), .long], help: "With --csv, print the header row first (lizard's -V).")
    var verbose = false

    @Flag(help: "Print the full report as JSON.")
    var json = false

    @Option(help: "How many of the worst functions to list.")
    var top = 15

    @Flag(help: "Skip duplicated-block detection (faster on very large trees).")
    var noDuplicates = false

    @Flag(help: "Also enter node_modules, build, target, vendor… (lizard enters every directory).")
    var allDirectories = false

    @Option(help: "Skip files larger than this many megabytes.")
    var maxFileMB = 5

    func run() throws {
        var options = csv ? QualityOptions.lizardColumns : QualityOptions()
        options.findDuplicates = options.findDuplicates && !noDuplicates
        options.maxFileBytes = maxFileMB * 1024 * 1024
        if allDirectories { options.skippedFolders = .hiddenOnly }
        let report: QualityReport
        do {
            report = try QualityAnalyzer.analyze(paths: paths, options: options)
        } catch let error as VantageError {
            throw ValidationError(error.description)
        }
        for skipped in report.skipped {
            writeStandardError("vantage: \(skipped.path): \(skipped.reason)\n")
        }
        if csv {
            writeStandardOutput(Data(LizardCSV.text(report, header: verbose)))
        } else if json {
            try JSONOutput.print(report)
        } else {
            print(QualityTextReport.render(report, top: top))
        }
    }
}
