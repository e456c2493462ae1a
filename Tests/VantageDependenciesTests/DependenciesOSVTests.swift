import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageDependencies

private func entry(_ events: [(String, String)], type: String = "ECOSYSTEM", versions: [String] = []) -> OSVAffectedEntry {
    OSVAffectedEntry(ranges: [.init(type: type, events: events.map { .init(kind: .init(rawValue: $0.0)!, version: $0.1) })], versions: versions)
}

@Suite("OSV range evaluation")
struct OSVRangeEvaluationTests {
    @Test func eventsAreSortedBeforeTheWalk() {
        // Written out of order: the file says fixed first.
        let e = entry([("fixed", "2.0"), ("introduced", "1.0")])
        #expect(e.evaluate("1.5", scheme: .pep440).affected)
        #expect(!e.evaluate("0.5", scheme: .pep440).affected)
        #expect(!e.evaluate("2.0", scheme: .pep440).affected)
        // Two ranges interleaved in file order; in file order the walk would mark 2.5 affected.
        let two = entry([("introduced", "1.0"), ("introduced", "3.0"), ("fixed", "2.0"), ("fixed", "4.0")])
        #expect(!two.evaluate("2.5", scheme: .pep440).affected)
        #expect(two.evaluate("3.5", scheme: .pep440).affected)
        #expect(two.evaluate("1.0", scheme: .pep440).affected)
        // 1.10 sorts after 1.9 as a version, not as a string.
        let ordering = entry([("introduced", "1.9"), ("fixed", "1.10")])
        #expect(ordering.evaluate("1.9.5", scheme: .pep440).affected)
        #expect(!ordering.evaluate("1.10", scheme: .pep440).affected)
    }

    @Test func exactFixBoundaryIsNotAffected() {
        let e = entry([("introduced", "0"), ("fixed", "1.5")])
        #expect(!e.evaluate("1.5", scheme: .pep440).affected)
        #expect(!e.evaluate("1.5.0", scheme: .pep440).affected)      // same version under PEP 440
        #expect(e.evaluate("1.5rc1", scheme: .pep440).affected)      // a pre-release of the fix is before it
        #expect(e.evaluate("1.4.9", scheme: .pep440).affected)
        #expect(e.evaluate("1.4.9", scheme: .pep440).fixedIn == "1.5")
    }

    @Test func lastAffectedIsInclusive() {
        let e = entry([("introduced", "0"), ("last_affected", "1.11.0")])
        #expect(e.evaluate("1.11.0", scheme: .pep440).affected)
        #expect(!e.evaluate("1.11.1", scheme: .pep440).affected)
        #expect(e.evaluate("1.11.0", scheme: .pep440).fixedIn == nil)
    }

    @Test func limitCapsTheRange() {
        let e = entry([("introduced", "1.0.0"), ("limit", "1.5.0")], type: "SEMVER")
        #expect(e.evaluate("1.4.0", scheme: .semver).affected)
        #expect(!e.evaluate("1.6.0", scheme: .semver).affected)
    }

    @Test func semverRangesWithRustSecZero() {
        let e = entry([("introduced", "0.0.0-0"), ("fixed", "0.3.2"), ("introduced", "0.4.0"), ("fixed", "0.4.5")], type: "SEMVER")
        #expect(e.evaluate("0.0.1", scheme: .semver).affected)
        #expect(!e.evaluate("0.3.9", scheme: .semver).affected)
        #expect(e.evaluate("0.4.4", scheme: .semver).affected)
        #expect(!e.evaluate("0.4.5", scheme: .semver).affected)
        #expect(e.evaluate("0.4.0-alpha.1", scheme: .semver).affected == false)   // before 0.4.0, after the first fix
        // The smallest fix above the installed version, not the first in the file.
        #expect(e.evaluate("0.1.0", scheme: .semver).fixedIn == "0.3.2")
    }

    @Test func versionsListAndGitRanges() {
        let e = OSVAffectedEntry(ranges: [.init(type: "GIT", events: [.init(kind: .introduced, version: "abc123")])], versions: ["2.0", "2.1"])
        #expect(e.evaluate("2.1", scheme: .pep440).affected)
        #expect(e.evaluate("2.1.0", scheme: .pep440).affected)       // PEP 440 equality for PyPI
        #expect(!e.evaluate("2.2", scheme: .pep440).affected)
        #expect(e.evaluate("2.2", scheme: .pep440).skipped.isEmpty) // GIT ignored when versions exist
    }
}

/// Builds an advisory database in a temporary folder from OSV objects.
func makeDatabase(_ advisories: [[String: Any]]) throws -> AdvisoryDatabase {
    let dir = NSTemporaryDirectory() + "vantage-osv-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir + "/osv", withIntermediateDirectories: true)
    for a in advisories {
        let data = try JSONSerialization.data(withJSONObject: a)
        try data.write(to: URL(fileURLWithPath: dir + "/osv/\(a["id"]!).json"))
    }
    let db = try AdvisoryDatabase(path: dir + "/advisories.sqlite")
    try OSVImporter.importFolder(dir + "/osv", into: db)
    return db
}

func advisory(_ id: String, _ ecosystem: String, _ name: String, _ events: [[String: String]], withdrawn: String? = nil, versions: [String] = [], severity: String? = nil) -> [String: Any] {
    var a: [String: Any] = ["id": id, "modified": "2024-01-01T00:00:00Z", "summary": "test \(id)",
                            "affected": [["package": ["ecosystem": ecosystem, "name": name],
                                          "ranges": [["type": ecosystem == "crates.io" ? "SEMVER" : "ECOSYSTEM", "events": events]],
                                          "versions": versions]]]
    if let withdrawn { a["withdrawn"] = withdrawn }
    if let severity { a["severity"] = [["type": "CVSS_V3", "score": severity]] }
    return a
}

private func dep(_ eco: Ecosystem, _ name: String, _ version: String?) -> PackageDependency {
    PackageDependency(ecosystem: eco, name: name, version: version, isDirect: true, source: "test")
}

@Suite("OSV matching traps")
struct OSVMatchingTrapTests {
    let db: AdvisoryDatabase

    init() throws {
        db = try makeDatabase([
            advisory("TEST-CORS", "PyPI", "flask-cors", [["introduced": "0"], ["fixed": "3.0.9"]]),
            advisory("TEST-WITHDRAWN", "PyPI", "flask", [["introduced": "0"]], withdrawn: "2023-11-08T00:00:00Z"),
            advisory("TEST-ZOPE", "PyPI", "zope-interface", [["introduced": "0"], ["fixed": "5.0"]]),
            advisory("TEST-PYPI-SERDE", "PyPI", "serde", [["introduced": "0"]]),
            advisory("TEST-CRATE", "crates.io", "regex", [["introduced": "0.0.0-0"], ["fixed": "1.5.5"]],
                     severity: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
        ])
    }

    func scan(_ deps: [PackageDependency]) throws -> VulnerabilityScan { try VulnerabilityScanner(database: db).scan(deps) }
    func ids(_ s: VulnerabilityScan, _ name: String) -> [String] {
        s.findings.first { $0.dependency.name == name }?.matches.map(\.advisoryID) ?? []
    }

    @Test func prefixLookAlikesDoNotMatch() throws {
        let s = try scan([dep(.pypi, "flask", "1.0"), dep(.pypi, "flask-cors", "3.0.8")])
        #expect(ids(s, "flask").isEmpty)
        #expect(ids(s, "flask-cors") == ["TEST-CORS"])
    }

    @Test func withdrawnAdvisoriesAreSkipped() throws {
        let s = try scan([dep(.pypi, "flask", "0.1")])
        #expect(s.findings.isEmpty)
        #expect(s.unchecked.isEmpty)
        #expect(s.exitStatus == 0)
    }

    @Test func pypiNamesAreNormalised() throws {
        let s = try scan([dep(.pypi, "Flask_CORS", "3.0.8"), dep(.pypi, "Zope.Interface", "4.7")])
        #expect(ids(s, "Flask_CORS") == ["TEST-CORS"])
        #expect(ids(s, "Zope.Interface") == ["TEST-ZOPE"])
    }

    @Test func sameNameInAnotherEcosystemDoesNotMatch() throws {
        let s = try scan([dep(.crates, "serde", "1.0.0"), dep(.crates, "regex", "1.5.4")])
        #expect(ids(s, "serde").isEmpty)
        #expect(ids(s, "regex") == ["TEST-CRATE"])
        #expect(s.findings.first?.matches.first?.fixedIn == "1.5.5")
        #expect(s.exitStatus == 1)
    }

    @Test func nothingPassesSilently() throws {
        let s = try scan([dep(.pypi, "requests", nil), dep(.npm, "left-pad", "1.3.0"), dep(.crates, "regex", "not-a-version")])
        #expect(s.unchecked.count == 3)
        #expect(s.unchecked.contains { $0.dependency.name == "left-pad" && $0.reason.contains("no npm advisories") })
        #expect(s.unchecked.contains { $0.dependency.name == "regex" && $0.reason.contains("cannot be ordered") })
        #expect(s.exitStatus == 2)
    }

    @Test func graphLinksVulnerablePackagesToEveryProjectUsingThem() throws {
        var a = dep(.crates, "regex", "1.5.4"); a.source = "/ws/api/Cargo.lock"
        var b = dep(.crates, "regex", "1.5.4"); b.source = "/ws/cli/Cargo.lock"
        let s = try scan([a, b, dep(.crates, "serde", "1.0.0")])
        let g = VulnerabilityGraph.snapshot(s)
        let regex = try #require(g.nodes.firstIndex { $0.id == "dependency:crates.io/regex@1.5.4" })
        #expect(g.nodes[regex].kind == .vulnerability)
        let projects = g.edges.filter { $0.to == regex && $0.kind == .dependsOn }.map { g.nodes[$0.from].label }
        #expect(Set(projects) == ["api", "cli"])
        #expect(g.edges.contains { $0.from == regex && $0.kind == .affectedBy && g.nodes[$0.to].id == "advisory:TEST-CRATE" })
        #expect(!g.nodes.contains { $0.label.hasPrefix("serde") })
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        let diags = VulnerabilityGraph.diagnostics(s, at: at)
        #expect(diags.count == 2 && diags.allSatisfy { $0.severity == .error && $0.message.contains("upgrade to 1.5.5") && $0.time == at })
    }

    @Test func jsonAndSarifShapes() throws {
        let s = try scan([dep(.crates, "regex", "1.5.4"), dep(.pypi, "requests", nil)])
        let json = try #require(try JSONSerialization.jsonObject(with: VulnerabilityReport.json(s)) as? [String: Any])
        let result = try #require((json["results"] as? [[String: Any]])?.first)
        #expect((result["source"] as? [String: Any])?["path"] as? String == "test")
        let pkg = try #require((result["packages"] as? [[String: Any]])?.first)
        #expect((pkg["package"] as? [String: Any])?["name"] as? String == "regex")
        #expect(((pkg["vulnerabilities"] as? [[String: Any]])?.first?["id"]) as? String == "TEST-CRATE")
        #expect(((pkg["groups"] as? [[String: Any]])?.first?["max_severity"]) as? String == "7.5")
        #expect((json["unchecked"] as? [[String: Any]])?.count == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: VulnerabilityReport.sarif(s)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "TEST-CRATE" && $0["level"] as? String == "error" })
        #expect(results.contains { $0["ruleId"] as? String == "vantage/unchecked" })
    }
}

/// Real advisories (a subset of the shared OSV snapshot committed by scripts/osv-fixture-subset.sh,
/// with its licence notice in Fixtures/osv/NOTICE.md).
@Suite("OSV against real advisories")
struct OSVRealAdvisoryTests {
    static let folder = DepsFixtures.osv

    @Test func realAdvisoriesMatchAsTheirRangesSay() throws {
        let dir = NSTemporaryDirectory() + "vantage-osv-real-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AdvisoryDatabase(path: dir + "/advisories.sqlite")
        let summary = try OSVImporter.importFolder(Self.folder, into: db)
        #expect(summary.advisories == 23)
        #expect(summary.errors.isEmpty)
        let s = try VulnerabilityScanner(database: db).scan([
            dep(.pypi, "flask", "0.12.2"), dep(.pypi, "Flask", "0.12.3"), dep(.pypi, "py", "1.11.0"), dep(.pypi, "py", "1.11.1"),
            dep(.pypi, "aiohttp", "0.1"), dep(.crates, "daemonize", "0.4.1"),
        ])
        let flask = s.findings.filter { $0.dependency.name == "flask" }.flatMap(\.matches)
        #expect(flask.contains { $0.advisoryID == "PYSEC-2018-66" && $0.fixedIn == "0.12.3" })
        let flask3 = s.findings.filter { $0.dependency.name == "Flask" }.flatMap(\.matches)
        #expect(!flask3.contains { $0.advisoryID == "PYSEC-2018-66" })          // the exact fix is not affected
        let py = s.findings.filter { $0.dependency.name == "py" }
        try #require(py.count > 0)
        #expect(py.count == 1 && py[0].dependency.version == "1.11.0")           // last_affected 1.11.0 inclusive
        #expect(!s.findings.flatMap(\.matches).contains { $0.advisoryID == "PYSEC-2022-43059" })   // withdrawn
        #expect(!s.findings.flatMap(\.matches).contains { $0.advisoryID == "RUSTSEC-2021-0147" })  // withdrawn
    }
}

@Suite("CVSS")
struct CVSSTests {
    @Test func v3BaseScores() {
        #expect(CVSS3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8)
        #expect(CVSS3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N") == 6.1)
        #expect(CVSS3.baseScore("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N") == 5.5)
        #expect(CVSS3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H") == 10.0)
        #expect(CVSS3.baseScore("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N") == 0)
        #expect(CVSS3.baseScore("CVSS:3.1/AV:N/AC:L") == nil)
        #expect(SeverityRating(score: 7.5) == .high)
        #expect(SeverityRating(label: "MODERATE") == .medium)
    }

    @Test func v3ScoresOfEveryVectorInTheDataMatchTheReference() throws {
        let text = try String(contentsOfFile: DepsFixtures.path("cvss3-reference.tsv"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            try #require(cols.count > 1)
            #expect(CVSS3.baseScore(String(cols[0])) == Double(cols[1])!, "\(cols[0])")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func v2BaseScores() {
        #expect(CVSS2.baseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P") == 7.5)
        #expect(CVSS2.baseScore("AV:N/AC:L/Au:N/C:C/I:C/A:C") == 10.0)
        #expect(CVSS2.baseScore("AV:N/AC:M/Au:N/C:N/I:P/A:N") == 4.3)
        #expect(CVSS2.baseScore("AV:L/AC:L/Au:N/C:N/I:N/A:N") == 0)
        #expect(CVSS2.baseScore("AV:N/AC:L") == nil)
        let adv: [String: Any] = ["severity": [["type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:P/I:P/A:P"]]]
        #expect(AdvisorySeverity(advisory: adv).score == 7.5)
    }

    @Test func v4ScoresMatchTheReferenceImplementation() throws {
        let text = try String(contentsOfFile: DepsFixtures.path("cvss4-reference.tsv"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            let expected = Double(cols[1])!
            try #require(cols.count > 0)
            #expect(CVSS4.baseScore(String(cols[0])) == expected, "\(cols[0])")
            checked += 1
        }
        #expect(checked == 600)
        #expect(CVSS4.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H") == 10.0)
        #expect(CVSS4.baseScore("CVSS:4.0/AV:N/AC:L") == nil)
    }
}

@Suite("Dependency overview")
struct DependenciesOverviewTests {
    @Test func oneCallGathersListVulnerabilitiesLocksAndConflicts() throws {
        let dir = NSTemporaryDirectory() + "vantage-overview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "flask==0.12.2\nrequests>=2\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        try #"{"name": "web", "dependencies": {"left-pad": "1.3.0"}}"#.write(toFile: dir + "/package.json", atomically: true, encoding: .utf8)
        let db = try makeDatabase([advisory("TEST-FLASK", "PyPI", "flask", [["introduced": "0"], ["fixed": "1.0"]],
                                            severity: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")])
        let o = DependencyOverview.build(path: dir, database: db)
        #expect(o.inventory.dependencies.count == 3)
        #expect(o.vulnerabilities?.findings.map(\.dependency.name) == ["flask"])
        #expect(o.bySeverity.first?.0 == .critical && o.bySeverity.first?.1 == 1)
        #expect(o.vulnerabilities?.unchecked.count == 2)                 // requests (no version), left-pad (no npm data)
        #expect(o.locks.contains { $0.state == .missing && $0.lock.hasSuffix("package-lock.json") })
        #expect(o.conflicts.isEmpty)
        #expect(o.updates.isEmpty)                                        // not asked for: stays offline
    }
}
