import Foundation
import VantageCore

/// The two JSON formats: coverage.py (`coverage json`: `files.<path>.summary`, `executed_lines`,
/// `missing_lines`, branch counts when run with `--branch`) and `llvm-cov export` (`type`
/// `llvm.coverage.json.export`, `data[].files[].summary.lines/branches`).
enum CoverageJSONParser {
    static func detect(_ data: Data) -> CoverageFormat? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        if let type = root["type"] as? String, type.hasPrefix("llvm.coverage.json.export") { return .llvmCov }
        if root["data"] is [Any] { return .llvmCov }
        if root["files"] is [String: Any] { return .coveragePy }
        return nil
    }

    static func parse(_ data: Data, file: String, format: CoverageFormat) throws -> CoverageReport {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw invalidJSON(error, data, file)
        }
        guard let root = object as? [String: Any] else {
            throw VantageError(.config, "the coverage report is not a JSON object", at: SourceLocation(file: file, line: 1))
        }
        return format == .llvmCov ? try llvm(root, file: file) : try coveragePy(root, file: file)
    }

    private static func coveragePy(_ root: [String: Any], file: String) throws -> CoverageReport {
        guard let files = root["files"] as? [String: Any] else {
            throw missing("files", file)
        }
        let branchCoverage = (root["meta"] as? [String: Any])?["branch_coverage"] as? Bool
        var result: [FileCoverage] = []
        for (name, value) in files {
            guard let entry = value as? [String: Any] else { throw missing("files.\(name)", file) }
            let summary = entry["summary"] as? [String: Any] ?? [:]
            let executed = (entry["executed_lines"] as? [Any])?.count
            let missed = (entry["missing_lines"] as? [Any])?.count
            guard let found = int(summary["num_statements"]) ?? executed.flatMap({ e in missed.map { e + $0 } }),
                  let hit = int(summary["covered_lines"]) ?? executed else {
                throw missing("files.\(name).summary.num_statements", file)
            }
            var bf: Int?, bh: Int?
            if branchCoverage ?? (summary["num_branches"] != nil) {
                bf = int(summary["num_branches"]) ?? 0
                bh = int(summary["covered_branches"]) ?? 0
            }
            result.append(FileCoverage(file: name, linesFound: found, linesHit: hit, branchesFound: bf, branchesHit: bh))
        }
        return CoverageReport(format: .coveragePy, files: result)
    }

    private static func llvm(_ root: [String: Any], file: String) throws -> CoverageReport {
        guard let exports = root["data"] as? [Any] else { throw missing("data", file) }
        var byFile: [String: FileCoverage] = [:]
        for (i, export) in exports.enumerated() {
            guard let files = (export as? [String: Any])?["files"] as? [Any] else { throw missing("data[\(i)].files", file) }
            for (j, f) in files.enumerated() {
                guard let entry = f as? [String: Any], let name = entry["filename"] as? String,
                      let summary = entry["summary"] as? [String: Any],
                      let lines = summary["lines"] as? [String: Any],
                      let count = int(lines["count"]), let covered = int(lines["covered"]) else {
                    throw missing("data[\(i)].files[\(j)].summary.lines.count/covered", file)
                }
                let branches = summary["branches"] as? [String: Any]
                let c = FileCoverage(file: name, linesFound: count, linesHit: covered,
                                     branchesFound: branches.flatMap { int($0["count"]) },
                                     branchesHit: branches.flatMap { int($0["covered"]) })
                // The same file in several binaries: keep the most covered view rather than double count.
                if let known = byFile[name], known.linesHit >= c.linesHit { continue }
                byFile[name] = c
            }
        }
        return CoverageReport(format: .llvmCov, files: Array(byFile.values))
    }

    private static func int(_ value: Any?) -> Int? {
        if let n = value as? Int { return n }
        if let d = value as? Double, d.rounded() == d { return Int(d) }
        return nil
    }

    private static func missing(_ field: String, _ file: String) -> VantageError {
        VantageError(.config, "missing or malformed field", at: SourceLocation(file: file, field: field))
    }

    /// A JSON syntax error, with the line when Foundation says where (`JSONErrorLine`).
    static func invalidJSON(_ error: Error, _ data: Data, _ file: String) -> VantageError {
        VantageError(.config, "invalid JSON in the coverage report", at: SourceLocation(file: file, line: JSONErrorLine.of(error, in: data)),
                     hint: "the file may be truncated; write the report again")
    }
}
