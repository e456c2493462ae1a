import Foundation
import VantageCore

/// Reads a coverage report, detecting its format: lcov, Cobertura XML, coverage.py JSON or
/// llvm-cov export JSON. Bad input is a `VantageError` naming the file and, where known, the line.
public enum CoverageReader {
    public static func read(path: String) throws -> CoverageReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw VantageError(.io, "cannot read the coverage report: \(error.localizedDescription)",
                               at: SourceLocation(file: path), hint: "check the path and its permissions")
        }
        return try parse(data, file: path)
    }

    /// Parses a report; `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws -> CoverageReport {
        guard let format = detect(data) else {
            if firstByte(data) == UInt8(ascii: "{") {
                // It looks like JSON: say where the JSON breaks, or which format it is not.
                do {
                    _ = try JSONSerialization.jsonObject(with: data)
                } catch {
                    throw CoverageJSONParser.invalidJSON(error, data, file)
                }
            }
            throw VantageError(.config, "not a coverage report Vantage knows",
                               at: SourceLocation(file: file, line: 1),
                               hint: "give an lcov .info, a Cobertura .xml, coverage.py JSON (`coverage json`) or `llvm-cov export` JSON")
        }
        switch format {
        case .lcov: return try LcovParser.parse(data, file: file)
        case .cobertura: return try CoberturaParser.parse(data, file: file)
        case .coveragePy, .llvmCov: return try CoverageJSONParser.parse(data, file: file, format: format)
        }
    }

    /// The first byte after a BOM and whitespace.
    static func firstByte(_ data: Data) -> UInt8? {
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        return start < data.endIndex ? data[start] : nil
    }

    /// The format, from the first bytes and, for JSON, the top-level keys.
    public static func detect(_ data: Data) -> CoverageFormat? {
        guard let first = firstByte(data) else { return nil }
        switch first {
        case UInt8(ascii: "<"):
            return data.range(of: Data("<coverage".utf8)) != nil ? .cobertura : nil
        case UInt8(ascii: "{"):
            return CoverageJSONParser.detect(data)
        default:
            let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
            for line in head.split(whereSeparator: \.isNewline).prefix(200) {
                if line.hasPrefix("SF:") || line.hasPrefix("TN:") { return .lcov }
            }
            return nil
        }
    }
}
