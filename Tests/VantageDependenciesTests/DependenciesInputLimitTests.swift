import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageDependencies

/// Issue 20's parser defects in the dependency readers, each on the reader `deps` really uses.
/// Speed figures are printed by scripts/bench/deps-parsers.sh, not asserted here.
@Suite("Dependency readers: bounded input")
struct DependenciesInputLimitTests {
    static func folder(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "vantage-deps-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw CocoaError(.fileWriteUnknown) }
    }

    @Test func anEightThousandDeepRequirementsChainIsALocatedError() async throws {
        let dir = try Self.folder("chain")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("-r r1.txt\nroot==1.0\n", to: dir + "/requirements.txt")
        for i in 1...8_000 { try Self.write("-r r\(i + 1).txt\npkg\(i)==1.0\n", to: dir + "/r\(i).txt") }
        let inventory = await Task.detached { DependencyInventory(scanning: dir, useInstalledVersions: false,
                                                                  markerEnvironment: MarkerEnvironment(values: [:], origin: "test")) }.value
        let error = try #require(inventory.errors.first { $0.location?.file == dir + "/r64.txt" })
        #expect(error.message == "-r includes nest more than 64 files deep")
        #expect(error.location?.line == 1)
    }

    @Test func aDeeplyNestedJSONLockFileIsALocatedError() throws {
        let dir = try Self.folder("json")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let deep = "{\n  \"lockfileVersion\": 1,\n  \"dependencies\": " + String(repeating: "{\"a\": ", count: 9_000) + "1" + String(repeating: "}", count: 9_000) + "\n}\n"
        try Self.write(deep, to: dir + "/package-lock.json")
        #expect {
            _ = try ManifestScanner.parse(dir + "/package-lock.json", format: .packageLock)
        } throws: { e in
            let v = e as? VantageError
            return v?.location == SourceLocation(file: dir + "/package-lock.json", line: 3) && v?.message == "JSON nested more than 256 levels deep"
        }
    }

    @Test func aHundredThousandCargoPackagesAreAllRead() throws {
        let dir = try Self.folder("cargo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var text = "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"crate0\"]\n"
        for i in 0..<100_000 {
            text += "\n[[package]]\nname = \"crate\(i)\"\nversion = \"1.\(i % 100).0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
        }
        try Self.write(text, to: dir + "/Cargo.lock")
        let lock = try ManifestScanner.parse(dir + "/Cargo.lock", format: .cargoLock)
        #expect(lock.dependencies.count == 100_000)
        #expect(lock.dependencies.filter(\.isDirect).map(\.name) == ["crate0"])
        #expect(lock.dependencies.last?.line == 6 + 100_000 * 5 - 2)
    }

    @Test func twentyThousandUnclosedPomDependenciesAreALocatedError() throws {
        let dir = try Self.folder("pom")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("<project>\n<dependencies>\n" + String(repeating: "<dependency>\n", count: 20_000), to: dir + "/pom.xml")
        #expect {
            _ = try ManifestScanner.parse(dir + "/pom.xml", format: .pomXML)
        } throws: { e in
            guard let v = e as? VantageError else { return false }
            return v.location?.file == dir + "/pom.xml" && v.location?.line != nil && v.message.hasPrefix("the file is not well-formed XML")
        }
    }

    @Test func malformedOSVFilesAreCountedAndReportedOnImport() throws {
        let dir = try Self.folder("osv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/osv", withIntermediateDirectories: true)
        try Self.write(#"{"id": "GOOD-1", "modified": "2024-01-01T00:00:00Z", "affected": []}"#, to: dir + "/osv/GOOD-1.json")
        try Self.write(#"{"id": "BAD-1", "affected": [ }"#, to: dir + "/osv/BAD-1.json")
        try Self.write(#"{"summary": "no id"}"#, to: dir + "/osv/BAD-2.json")
        try Self.write("[" + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_001), to: dir + "/osv/BAD-3.json")
        let db = try AdvisoryDatabase(path: dir + "/advisories.sqlite")
        let summary = try OSVImporter.importFolder(dir + "/osv", into: db)
        #expect(summary.files == 4)
        #expect(summary.advisories == 1)
        #expect(summary.errors.compactMap(\.location?.file).map { ($0 as NSString).lastPathComponent } == ["BAD-1.json", "BAD-2.json", "BAD-3.json"])
        #expect(summary.errors.first?.message.hasPrefix("the file is not valid JSON") == true)
        try #require(summary.errors.count > 2)
        #expect(summary.errors[2].message == "JSON nested more than 256 levels deep")
        #expect(summary.report(into: "db.sqlite").hasSuffix("; 3 malformed files were left out (listed above)"))
    }

    /// A FIFO named like an advisory and a link back up do not hang or loop the import, and the
    /// licence reader does not wait on a FIFO named LICENSE in node_modules.
    @Test(.timeLimit(.minutes(1))) func aFIFOAndALinkLoopInTheAdvisoryFolderAreLeftOut() throws {
        let dir = try Self.folder("osv-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/osv/PyPI", withIntermediateDirectories: true)
        try Self.write(#"{"id": "GOOD-1", "modified": "2024-01-01T00:00:00Z", "affected": []}"#, to: dir + "/osv/PyPI/GOOD-1.json")
        #expect(mkfifo(dir + "/osv/PyPI/STUCK-1.json", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/osv/PyPI/up", withDestinationPath: "..")
        let db = try AdvisoryDatabase(path: dir + "/advisories.sqlite")
        let summary = try OSVImporter.importFolder(dir + "/osv", into: db)
        #expect(summary.files == 1)
        #expect(summary.advisories == 1)
        #expect(summary.errors.isEmpty, "\(summary.errors)")

        try FileManager.default.createDirectory(atPath: dir + "/node_modules/left-pad", withIntermediateDirectories: true)
        try Self.write(#"{"name": "left-pad", "version": "1.3.0"}"#, to: dir + "/node_modules/left-pad/package.json")
        #expect(mkfifo(dir + "/node_modules/left-pad/LICENSE", 0o644) == 0)
        let finding = LicenseCollector().fromLicenseFiles(dir + "/node_modules/left-pad", ecosystem: .npm, name: "left-pad", version: "1.3.0")
        #expect(finding.licenses.isEmpty)
    }

    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:P", "AV is given twice"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", "unknown metric 'XX'"),
        ("CVSS:3.9/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "it does not start with CVSS:3.1"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q", "'Q' is not a value of A (one of H, L, N)"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "base metric A missing"),
        ("AV:N/AC:L/Au:N/C:P/I:P", "base metric A missing"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Z", "'Z' is not a value of E (one of A, P, U, X)"),
    ] as [(String, String)])
    func anInvalidCVSSVectorIsAnErrorNotAScore(vector: String, reason: String) {
        let type = vector.hasPrefix("CVSS:4") ? "CVSS_V4" : vector.hasPrefix("CVSS:3") ? "CVSS_V3" : "CVSS_V2"
        let severity = AdvisorySeverity(advisory: ["severity": [["type": type, "score": vector]]])
        #expect(severity.score == nil, "\(vector) was scored")
        #expect(severity.rating == .unknown)
        #expect(severity.invalidVectors == ["the severity vector '\(vector)' is not valid: \(reason)"])
    }

    @Test func validVectorsWithTemporalAndEnvironmentalMetricsStillScore() {
        #expect(CVSS3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/MAV:L") == 9.8)
        #expect(CVSS2.baseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C") == 7.5)
        #expect(CVSS2.baseScore("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P") == 7.5)
        let mixed = AdvisorySeverity(advisory: ["severity": [["type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:P"],
                                                             ["type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"]]])
        #expect(mixed.score == 6.1, "the valid vector scores; the invalid one does not")
        #expect(mixed.invalidVectors.count == 1)
    }

    @Test func aMatchedAdvisoryWithAnInvalidVectorIsAScanError() throws {
        let dir = try Self.folder("cvss-scan")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/osv", withIntermediateDirectories: true)
        try Self.write(#"""
            {"id": "TEST-BAD-CVSS", "modified": "2024-01-01T00:00:00Z", "summary": "bad vector",
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:P"}],
             "affected": [{"package": {"ecosystem": "PyPI", "name": "flask"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0"}]}]}]}
            """#, to: dir + "/osv/TEST-BAD-CVSS.json")
        let db = try AdvisoryDatabase(path: dir + "/advisories.sqlite")
        try OSVImporter.importFolder(dir + "/osv", into: db)
        let scanner = VulnerabilityScanner(database: db)
        let dep = PackageDependency(ecosystem: .pypi, name: "flask", version: "0.12.2", isDirect: true, source: "requirements.txt")
        let scan = try scanner.scan([dep])
        #expect(scan.findings.count == 1)
        #expect(scan.errors.map(\.description) == [
            "advisory TEST-BAD-CVSS: field 'severity': the severity vector 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:P' is not valid: AV is given twice"
                + " (the advisory database holds a malformed record; re-import a current copy)",
        ])
        #expect(scan.exitStatus == 2)
    }
}
