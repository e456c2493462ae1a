import Foundation
import VantageCore

/// lcov tracefiles (`geninfo`, `coverage lcov`, `llvm-cov export -format=lcov`, c8, istanbul ...):
/// `SF:` opens a file record, `DA:line,hits`, `BRDA:line,block,branch,taken|-`, `LF/LH/BRF/BRH`
/// summaries, `end_of_record` closes it. Per-line data wins over the summaries, so records of the
/// same file from several runs merge correctly.
enum LcovParser {
    private struct Record {
        var lines: [Int: Int] = [:]
        var branches: [String: Int] = [:]
        var lf: Int?, lh: Int?, brf: Int?, brh: Int?
    }

    static func parse(_ data: Data, file: String) throws -> CoverageReport {
        var records: [String: Record] = [:]
        var order: [String] = []
        var current: (name: String, record: Record)?
        var lineNumber = 0

        func fail(_ message: String) -> VantageError {
            VantageError(.config, message, at: SourceLocation(file: file, line: lineNumber),
                         hint: "the lcov format is described in `man geninfo`")
        }
        func close() {
            guard let (name, r) = current else { return }
            if var known = records[name] {
                for (l, h) in r.lines { known.lines[l, default: 0] += h }
                for (b, t) in r.branches { known.branches[b, default: 0] += t }
                known.lf = r.lf ?? known.lf; known.lh = r.lh ?? known.lh
                known.brf = r.brf ?? known.brf; known.brh = r.brh ?? known.brh
                records[name] = known
            } else {
                records[name] = r
                order.append(name)
            }
            current = nil
        }
        func integers(_ text: Substring, _ count: Int, _ what: String) throws -> [Int] {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count >= count else { throw fail("\(what) needs \(count) comma-separated numbers, found \"\(text)\"") }
            return try parts.prefix(count).map {
                guard let n = Int($0.trimmingCharacters(in: .whitespaces)) else { throw fail("\(what): \"\($0)\" is not a number") }
                return n
            }
        }

        let text = String(decoding: data, as: UTF8.self)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let colon = line.firstIndex(of: ":")
            let tag = colon.map { line[..<$0] } ?? line
            let value = colon.map { line[line.index(after: $0)...] } ?? ""
            switch tag {
            case "TN": continue
            case "SF":
                close()
                guard !value.isEmpty else { throw fail("SF: without a file name") }
                current = (String(value), Record())
            case "end_of_record":
                guard current != nil else { throw fail("end_of_record without an SF: record") }
                close()
            case "DA", "BRDA", "LF", "LH", "BRF", "BRH", "FN", "FNDA", "FNF", "FNH", "VER", "FNL", "FNA":
                guard current != nil else { throw fail("\(tag): appears before any SF: record") }
                switch tag {
                case "DA":
                    let n = try integers(value, 2, "DA")
                    current!.record.lines[n[0], default: 0] += max(0, n[1])
                case "BRDA":
                    let parts = value.split(separator: ",", omittingEmptySubsequences: false)
                    guard parts.count >= 4 else { throw fail("BRDA needs line,block,branch,taken; found \"\(value)\"") }
                    let takenText = parts[parts.count - 1].trimmingCharacters(in: .whitespaces)
                    let taken: Int
                    if takenText == "-" { taken = 0 } else if let t = Int(takenText) { taken = t } else {
                        throw fail("BRDA: taken count \"\(takenText)\" is neither a number nor -")
                    }
                    let key = parts.dropLast().joined(separator: ",")
                    current!.record.branches[key, default: 0] += taken
                case "LF": current!.record.lf = try integers(value, 1, "LF")[0]
                case "LH": current!.record.lh = try integers(value, 1, "LH")[0]
                case "BRF": current!.record.brf = try integers(value, 1, "BRF")[0]
                case "BRH": current!.record.brh = try integers(value, 1, "BRH")[0]
                default: continue
                }
            default:
                throw fail("unknown lcov line \"\(line.prefix(40))\"")
            }
        }
        close()
        guard !order.isEmpty else {
            throw VantageError(.config, "the lcov file holds no SF: record", at: SourceLocation(file: file))
        }
        let files = order.map { name -> FileCoverage in
            let r = records[name]!
            let found = r.lines.isEmpty ? (r.lf ?? 0) : r.lines.count
            let hit = r.lines.isEmpty ? (r.lh ?? 0) : r.lines.values.filter { $0 > 0 }.count
            var bf = r.brf, bh = r.brh
            if !r.branches.isEmpty { bf = r.branches.count; bh = r.branches.values.filter { $0 > 0 }.count }
            return FileCoverage(file: name, linesFound: found, linesHit: hit, branchesFound: bf, branchesHit: bh)
        }
        return CoverageReport(format: .lcov, files: files)
    }
}
