import Foundation
import Testing
import VantageAnalyzer
import VantageCore

/// Fixtures are real reports: coverage.py 7.17 run with --branch on shapes.py (json, lcov, xml),
/// and clang/llvm-cov 21 on calc.c (export JSON and lcov).
@Suite struct CoverageReaderTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/coverage")
    func read(_ name: String) throws -> CoverageReport {
        try CoverageReader.read(path: Self.dir.appendingPathComponent(name).path)
    }

    @Test func coveragePyJSON() throws {
        let r = try read("coveragepy.json")
        #expect(r.format == .coveragePy)
        #expect(r.files.map(\.file) == ["run_shapes.py", "shapes.py"])
        try #require(r.files.count > 1)
        #expect(r.files[1] == FileCoverage(file: "shapes.py", linesFound: 15, linesHit: 11, branchesFound: 8, branchesHit: 5))
        #expect(r.total.linesFound == 18)
        #expect(r.total.linesHit == 14)
        #expect(r.total.branchRate == 0.625)
    }

    @Test func coveragePyLcovAgreesWithItsJSON() throws {
        let r = try read("coveragepy.lcov")
        #expect(r.format == .lcov)
        // coverage.py writes no BRF/BRH for a file without branches; its JSON says 0 of 0.
        try #require(r.files.count > 0)
        #expect(r.files[0] == FileCoverage(file: "run_shapes.py", linesFound: 3, linesHit: 3))
        try #require(r.files.count > 1)
        #expect(r.files[1] == (try read("coveragepy.json")).files[1])
        #expect(r.total.branchRate == 0.625)
    }

    @Test func coberturaFromCoveragePyAgreesToo() throws {
        let r = try read("cobertura.xml")
        #expect(r.format == .cobertura)
        #expect(r.files == (try read("coveragepy.json")).files)
        #expect(abs((r.total.lineRate ?? 0) - 14.0 / 18.0) < 1e-12)
    }

    @Test func llvmCovExportJSON() throws {
        let r = try read("llvm-cov.json")
        #expect(r.format == .llvmCov)
        #expect(r.files.count == 1)
        try #require(r.files.count > 0)
        #expect(r.files[0].file.hasSuffix("calc.c"))
        #expect(r.files[0].linesFound == 16)
        #expect(r.files[0].linesHit == 13)
        #expect(r.files[0].branchesFound == 6)
        #expect(r.files[0].branchesHit == 6)
    }

    @Test func llvmCovLcovAgreesWithItsJSON() throws {
        let r = try read("llvm-cov.lcov")
        #expect(r.format == .lcov)
        #expect(r.files == (try read("llvm-cov.json")).files)
    }

    @Test func lcovRecordsOfOneFileMerge() throws {
        let text = """
            SF:a.c
            DA:1,1
            DA:2,0
            BRDA:2,0,0,-
            BRDA:2,0,1,1
            end_of_record
            SF:a.c
            DA:2,3
            BRDA:2,0,0,1
            end_of_record
            """
        let r = try CoverageReader.parse(Data(text.utf8), file: "merged.info")
        #expect(r.files == [FileCoverage(file: "a.c", linesFound: 2, linesHit: 2, branchesFound: 2, branchesHit: 2)])
    }

    @Test func badLcovNamesFileAndLine() throws {
        let path = Self.dir.appendingPathComponent("bad/bad-da.lcov").path
        let error = try #require(throws: VantageError.self) { try CoverageReader.read(path: path) }
        #expect(error.location == SourceLocation(file: path, line: 4))
        #expect(error.message.contains("\"x\" is not a number"))
    }

    @Test func badXMLNamesFileAndLine() throws {
        let path = Self.dir.appendingPathComponent("bad/unclosed.xml").path
        let error = try #require(throws: VantageError.self) { try CoverageReader.read(path: path) }
        #expect(error.location?.file == path)
        #expect((error.location?.line ?? 0) >= 8)
    }

    @Test func badJSONNamesFileAndLine() throws {
        let path = Self.dir.appendingPathComponent("bad/broken.json").path
        let error = try #require(throws: VantageError.self) { try CoverageReader.read(path: path) }
        #expect(error.location == SourceLocation(file: path, line: 4))
        #expect(error.message == "invalid JSON in the coverage report")
    }

    @Test func missingFieldIsNamed() throws {
        let json = #"{"type": "llvm.coverage.json.export", "data": [{"files": [{"filename": "x.c", "summary": {}}]}]}"#
        let error = try #require(throws: VantageError.self) { try CoverageReader.parse(Data(json.utf8), file: "x.json") }
        #expect(error.location?.field == "data[0].files[0].summary.lines.count/covered")
    }

    @Test func jsonOfAnotherShapeIsNotTakenForCoverage() throws {
        let error = try #require(throws: VantageError.self) { try CoverageReader.parse(Data(#"{"name": "x"}"#.utf8), file: "package.json") }
        #expect(error.message.contains("not a coverage report"))
    }

    @Test func unknownFilesAreRejected() throws {
        #expect(throws: VantageError.self) { try CoverageReader.parse(Data("hello world".utf8), file: "notes.txt") }
        #expect(throws: VantageError.self) { try CoverageReader.parse(Data([0xFF, 0x00, 0x12]), file: "bin") }
        #expect(throws: VantageError.self) { try CoverageReader.read(path: "/nonexistent/lcov.info") }
    }
}
