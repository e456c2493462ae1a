import Testing
@testable import VantageAnalyzer

/// Each fixture's `--csv` rows must equal lizard 1.24.3's, character for character.
@Suite("Quality: lizard --csv parity on the fixtures")
struct QualityLizardParityTests {
    @Test("CSV rows equal lizard's", arguments: QualityFixtures.sourceNames)
    func rowsEqualLizard(name: String) throws {
        let language = try #require(SourceLanguage(path: name))
        let quality = QualityAnalyzer.analyze(source: try QualityFixtures.source(name), language: language, path: name)
        let rows = quality.functions.map { LizardCSV.row($0, file: name) }
        #expect(rows == (try QualityFixtures.lizardRows(for: name)))
    }

    @Test("the --csv bytes are the rows joined, each ending in a newline, with the header when asked")
    func textEqualsRows() throws {
        let files = try QualityFixtures.sourceNames.map { name in
            QualityAnalyzer.analyze(source: try QualityFixtures.source(name), language: try #require(SourceLanguage(path: name)),
                                    path: "dir/" + name)
        }
        var quoted = files[0]
        quoted.functions[0].name = "op\"x"
        quoted.functions[0].longName = "op\"x( a )"
        quoted.functions[0].startLine = 1_234_567
        let report = QualityReport(root: "dir", files: files + [quoted], skipped: [], smells: [])
        let rows = LizardCSV.rows(report)
        #expect(rows.count > 50)
        #expect(String(decoding: LizardCSV.text(report), as: UTF8.self) == rows.map { $0 + "\n" }.joined())
        #expect(String(decoding: LizardCSV.text(report, header: true), as: UTF8.self)
                == LizardCSV.header + "\n" + rows.map { $0 + "\n" }.joined())
    }

    @Test("the header lists lizard's columns in lizard's order")
    func header() {
        #expect(LizardCSV.header == "NLOC,CCN,token,PARAM,length,location,file,function,long_name,start,end")
    }

    @Test("quotes inside names are written as apostrophes, as lizard does")
    func quotesInNames() {
        let f = FunctionMetrics(name: "op\"x", longName: "op\"x( a )", startLine: 3, endLine: 4, nloc: 2, ccn: 1,
                                tokenCount: 7, parameterCount: 1)
        #expect(LizardCSV.row(f, file: "a.cpp") == "2,1,7,1,2,\"op'x@3-4@a.cpp\",\"a.cpp\",\"op'x\",\"op'x( a )\",3,4")
    }
}
