import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore

/// `vantage analyze logs FILE`: group a log file's lines into templates.
struct AnalyzeLogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Mine log templates (word-frequency grouping after Brain) from a log file.",
        discussion: """
            Lines are grouped into templates: constant words kept, values (numbers, hex, IPs, paths, \
            UUIDs, timestamps, quoted strings, sizes) shown as <*>, and words that vary like values \
            (user or program names) found by how often each word occurs. Headers (timestamps, levels, \
            logger names) are recognised and left out. One default configuration; nothing to tune.
            """)

    @Argument(help: "The log file to read (- for standard input).")
    var file: String

    @Flag(help: "Print the clusters as JSON.")
    var json = false

    @Flag(help: "Print a CSV with the header line,cluster,template: one row per input line, numbered from 1.")
    var assignments = false

    /// For scripts/bench/logs-accuracy.sh, which chooses this setting by leave-one-out.
    @Option(help: .hidden)
    var variableValues: Int = LogMinerConfiguration.default.variableValues

    func validate() throws {
        if json && assignments {
            throw ValidationError("--json and --assignments print different things; choose one.")
        }
        if variableValues < 1 {
            throw ValidationError("--variable-values must be 1 or more (got \(variableValues)).")
        }
    }

    func run() throws {
        let mining: LogFileMining
        let configuration = LogMinerConfiguration(variableValues: variableValues)
        do {
            mining = file == "-"
                ? LogFileMining.mine(data: FileHandle.standardInput.readDataToEndOfFile(), configuration: configuration)
                : try LogFileMining.mine(path: file, configuration: configuration)
        } catch let error as VantageError {
            throw reportFailure(error)
        }
        var out = StandardOutput()
        if assignments {
            let templates = mining.clusters.map { CSVField.escape($0.template) }
            out.write("line,cluster,template\n")
            for (i, id) in mining.assignments.enumerated() {
                out.write("\(i + 1),\(id.rawValue),\(templates[id.rawValue - 1])\n")
            }
        } else if json {
            out.write(try StandardOutput.json(mining.clustersByCount))
        } else {
            let clusters = mining.clustersByCount
            out.write("\(mining.assignments.count) lines, \(clusters.count) templates\n")
            let width = String(clusters.first?.count ?? 0).count
            for c in clusters {
                let count = String(c.count)
                out.write(String(repeating: " ", count: max(0, width - count.count)) + count + "  " + c.template + "\n")
            }
        }
        out.flush()
    }
}
