import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VantageCore

/// Cobertura XML (coverage.py `coverage xml`, JaCoCo converters, gcovr, dotnet): `<class filename>`
/// elements hold `<line number hits [branch condition-coverage="50% (1/2)"]>`. Classes of the same
/// file (inner classes) merge by line.
enum CoberturaParser {
    static func parse(_ data: Data, file: String) throws -> CoverageReport {
        let parser = XMLParser(data: data)
        let delegate = Delegate()
        parser.delegate = delegate
        if !parser.parse() {
            let reason = delegate.failure ?? parser.parserError?.localizedDescription ?? "malformed XML"
            throw VantageError(.config, "cannot read the Cobertura report: \(reason)",
                               at: SourceLocation(file: file, line: delegate.failureLine ?? parser.lineNumber))
        }
        if delegate.depth != 0 {
            throw VantageError(.config, "the Cobertura report ends before its elements are closed (truncated?)",
                               at: SourceLocation(file: file, line: parser.lineNumber))
        }
        guard delegate.sawRoot else {
            throw VantageError(.config, "no <coverage> element: not a Cobertura report", at: SourceLocation(file: file, line: 1))
        }
        let files = delegate.order.map { name -> FileCoverage in
            let lines = delegate.lines[name] ?? [:]
            let branches = delegate.branches[name] ?? [:]
            let found = branches.values.reduce(0) { $0 + $1.found }
            return FileCoverage(file: name, linesFound: lines.count, linesHit: lines.values.filter { $0 > 0 }.count,
                                branchesFound: delegate.anyBranchData ? found : nil,
                                branchesHit: delegate.anyBranchData ? branches.values.reduce(0) { $0 + $1.hit } : nil)
        }
        return CoverageReport(format: .cobertura, files: files)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var sawRoot = false
        var currentFile: String?
        var inMethod = 0
        var order: [String] = []
        var lines: [String: [Int: Int]] = [:]
        var branches: [String: [Int: (found: Int, hit: Int)]] = [:]
        var anyBranchData = false
        var failure: String?
        var failureLine: Int?
        /// Open elements; not 0 at the end means the document was cut short.
        var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            switch name {
            case "coverage": sawRoot = true
            case "class":
                guard let f = attributes["filename"] else {
                    return abort(parser, "<class> without a filename attribute")
                }
                currentFile = f
                if lines[f] == nil { lines[f] = [:]; order.append(f) }
            case "method": inMethod += 1
            case "line":
                // Method lines repeat the class lines; count each line once, from the class.
                guard inMethod == 0, let f = currentFile else { return }
                guard let n = attributes["number"].flatMap({ Int($0) }),
                      let hits = attributes["hits"].flatMap({ Int($0) }) else {
                    return abort(parser, "<line> needs integer number and hits attributes")
                }
                lines[f]![n] = max(lines[f]![n] ?? 0, hits)
                if attributes["branch"] == "true", let cc = attributes["condition-coverage"],
                   let (hit, found) = Self.fraction(cc) {
                    anyBranchData = true
                    let old = branches[f]?[n]
                    branches[f, default: [:]][n] = (max(old?.found ?? 0, found), max(old?.hit ?? 0, hit))
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if name == "class" { currentFile = nil }
            if name == "method" { inMethod -= 1 }
        }

        private func abort(_ parser: XMLParser, _ message: String) {
            failure = message
            failureLine = parser.lineNumber
            parser.abortParsing()
        }

        /// `50% (1/2)` → (1, 2).
        static func fraction(_ text: String) -> (Int, Int)? {
            guard let open = text.firstIndex(of: "("), let slash = text.firstIndex(of: "/"),
                  let close = text.firstIndex(of: ")"), open < slash, slash < close,
                  let hit = Int(text[text.index(after: open) ..< slash]),
                  let found = Int(text[text.index(after: slash) ..< close]) else { return nil }
            return (hit, found)
        }
    }
}
