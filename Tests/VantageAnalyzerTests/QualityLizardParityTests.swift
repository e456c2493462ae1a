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
