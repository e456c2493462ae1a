import ArgumentParser
import Foundation
import VantageCore
import VantageStore

/// `vantage history export --since 24h --format csv|json`: the stored metrics and timeline.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Read what Vantage stored: metrics (raw samples for the last hour, minute averages for 30 days) and the timeline.",
        subcommands: [HistoryExportCommand.self])
}

struct HistoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print stored metrics and timeline entries since a time, as CSV or JSON.",
        discussion: """
            CSV has one row per value: time (UTC, ISO 8601), record (metric or timeline), project \
            (its folder, empty for the machine), name (the metric, or the timeline entry's kind), \
            value, samples (1 for a raw sample, the samples averaged for a minute) and text (a timeline \
            entry's words). JSON is {"metrics": [...], "timeline": [...]}.
            """)

    @Option(help: ArgumentHelp("How far back: a number with s, m, h or d (90m, 24h, 7d).", valueName: "age"))
    var since: String = "24h"

    @Option(help: ArgumentHelp("csv or json.", valueName: "format"))
    var format: HistoryFormat = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    enum HistoryFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    func validate() throws {
        _ = try HistoryAge.seconds(since)
    }

    func run() async throws {
        // Date(): a CLI command is a composition root of its own (the time it runs at).
        let from = Date().addingTimeInterval(-(try HistoryAge.seconds(since)))
        let store = try Store.open(paths: VantagePaths.fromEnvironment())
        let metrics = try await store.metricRows(since: from)
        let timeline = try await store.timeline(since: from)
        var text = format == .csv ? HistoryExport.csv(metrics: metrics, timeline: timeline)
            : try JSONOutput.text(HistoryExport.Document(metrics: metrics.map(HistoryExport.MetricRecord.init), timeline: timeline))
        if !text.hasSuffix("\n") { text += "\n" }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw VantageError(.io, "cannot write the export: \(error.localizedDescription)", at: SourceLocation(file: output))
        }
    }
}

/// "90s", "30m", "24h", "7d": how far back an export reaches.
enum HistoryAge {
    static func seconds(_ text: String) throws(VantageError) -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last, let scale = units[unit], let n = Int(text.dropLast()), n > 0, n <= 3650 * 86_400 / Int(scale) else {
            throw VantageError(.usage, "--since must be a positive whole number with s, m, h or d (like 90m, 24h or 7d), not \"\(text)\"")
        }
        return Double(n) * scale
    }
}

/// The two export formats.
enum HistoryExport {
    struct Document: Encodable {
        var metrics: [MetricRecord]
        var timeline: [TimelineEntry]
    }

    struct MetricRecord: Encodable {
        var time: Date
        var metric: String
        var project: String?
        var value: Double
        var samples: Int
        var minuteAverage: Bool

        init(_ row: StoredMetricRow) {
            time = row.time
            metric = row.metric.rawValue
            project = row.project?.rawValue
            value = row.value
            samples = row.samples
            minuteAverage = row.isMinuteAverage
        }
    }

    static func csv(metrics: [StoredMetricRow], timeline: [TimelineEntry]) -> String {
        var out = "time,record,project,name,value,samples,text\n"
        var rows: [(Date, Int, String)] = []
        for m in metrics {
            rows.append((m.time, 0, [UTCTime.iso8601(m.time, fractionalSeconds: true), "metric", field(m.project?.rawValue ?? ""),
                                     m.metric.rawValue, number(m.value), String(m.samples), ""].joined(separator: ",")))
        }
        for e in timeline {
            rows.append((e.time, 1, [UTCTime.iso8601(e.time, fractionalSeconds: true), "timeline", field(e.project?.rawValue ?? ""),
                                     e.kind.rawValue, "", "", field(e.text)].joined(separator: ",")))
        }
        for row in rows.enumerated().sorted(by: { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }) {
            out += row.element.2 + "\n"
        }
        return out
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
