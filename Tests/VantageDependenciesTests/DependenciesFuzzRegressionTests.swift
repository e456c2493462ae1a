import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// Inputs with which scripts/fuzz.sh crashed a reader of VantageDependencies, one file each under
/// Fixtures/fuzz-regressions/TARGET (they also seed that fuzz target). Each is read by the same code
/// the product uses and must give a definite answer, never a trap.
@Suite struct DependenciesFuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions").path

    /// A release segment of 140 digits (past Int.max) after a dot trapped the PEP 440 reader
    /// (`scanner.number()!`). Such a version is not one Vantage can compare: it is not a version.
    @Test func aReleaseSegmentPastIntMaxIsNotAVersion() {
        #expect(PEP440Version("1.12." + String(repeating: "1", count: 140)) == nil)
        #expect(PEP440Version("2." + String(repeating: "9", count: 30) + ".2") == nil)
        #expect(PEP440Version("1.12.111") != nil, "an ordinary three-part version still reads")
    }

    /// The marker the fuzzer wrote compares python_version with `~=` and a version that is not one:
    /// packaging then compares strings, where `~=` is undefined, so evaluation is a stated failure.
    @Test func theMarkerInputGivesAStatedFailure() throws {
        let text = try String(contentsOfFile: Self.directory + "/pep508/release-segment-overflow", encoding: .utf8)
        let marker = try PEP508Marker(parsing: text)
        let linux = MarkerEnvironment(values: ["python_version": "3.12", "extra": "t"], origin: "test")
        let failure = #expect(throws: PEP508Marker.Failure.self) { try marker.evaluate(linux) }
        #expect(failure?.reason.contains("'~=' is undefined") == true, "\(String(describing: failure))")
    }

    /// The requirements file the fuzzer wrote holds a pin whose version overflows: it is read
    /// without a trap, and the requirement with the unreadable version is reported, not dropped silently.
    @Test func theRequirementsInputIsReadWithoutATrap() throws {
        let path = Self.directory + "/requirements/release-segment-overflow.txt"
        do throws(VantageError) {
            let parsed = try ManifestScanner.parse(path, format: .requirementsTxt)
            Issue.record("read as \(parsed.dependencies.map(\.name)); expected a located error for line 2")
        } catch {
            #expect(error.description.contains("release-segment-overflow.txt:2"), "\(error)")
        }
    }
}
