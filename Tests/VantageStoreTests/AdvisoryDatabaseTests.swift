import Foundation
import Testing
import VantageCore
@testable import VantageStore

@Suite("Advisory database")
struct AdvisoryDatabaseTests {
    func record(_ id: String, _ eco: String, _ name: String, withdrawn: String? = nil, versions: [String] = []) -> AdvisoryRecord {
        let json = #"{"versions": [\#(versions.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        return AdvisoryRecord(id: id, modified: "2024-01-01T00:00:00Z", withdrawn: withdrawn, summary: "s", aliases: ["CVE-\(id)"],
                              json: #"{"id": "\#(id)"}"#, affected: [AffectedRecord(ecosystem: eco, name: name, normalisedName: name.lowercased(), json: json)])
    }

    func open() throws -> AdvisoryDatabase {
        try AdvisoryDatabase(path: NSTemporaryDirectory() + "vantage-adv-\(UUID().uuidString)/advisories.sqlite")
    }

    @Test func storesAndLooksUpByEcosystemAndNormalisedName() throws {
        let db = try open()
        try db.replaceAll(with: [record("A-1", "PyPI", "Flask", versions: ["0.1", "0.2"]), record("A-2", "crates.io", "flask"),
                                 record("A-3", "PyPI", "flask-cors", withdrawn: "2024-02-02T00:00:00Z")], source: "/data", meta: ["fingerprint": "3:1"])
        #expect(try db.advisoryCount() == 3)
        #expect(try db.affected(ecosystem: "PyPI", normalisedName: "flask").map(\.advisoryID) == ["A-1"])
        #expect(try db.affected(ecosystem: "crates.io", normalisedName: "flask").map(\.advisoryID) == ["A-2"])
        #expect(try db.affected(ecosystem: "PyPI", normalisedName: "flask-cors").first?.withdrawn == "2024-02-02T00:00:00Z")
        #expect(try db.ecosystems() == ["PyPI", "crates.io"])
        #expect(try db.advisoryJSON(ids: ["A-2"]) == ["A-2": #"{"id": "A-2"}"#])
        #expect(try db.listedVersions(ecosystem: "PyPI", normalisedName: "flask") == ["0.1", "0.2"])
        #expect(db.meta("source") == "/data")
        #expect(db.meta("fingerprint") == "3:1")
        let batch = try db.affected(packages: [("PyPI", "flask"), ("crates.io", "flask"), ("npm", "flask")])
        #expect(batch["PyPI\u{0}flask"]?.count == 1 && batch["npm\u{0}flask"]?.isEmpty == true)
    }

    @Test func reimportReplacesEverything() throws {
        let db = try open()
        try db.replaceAll(with: [record("A-1", "PyPI", "flask")], source: "/one")
        try db.replaceAll(with: [record("B-1", "PyPI", "django")], source: "/two")
        #expect(try db.advisoryCount() == 1)
        #expect(try db.affected(ecosystem: "PyPI", normalisedName: "flask").isEmpty)
        #expect(db.meta("source") == "/two")
        // The file survives reopening.
        let again = try AdvisoryDatabase(path: db.path)
        #expect(try again.affected(ecosystem: "PyPI", normalisedName: "django").map(\.advisoryID) == ["B-1"])
    }

    @Test func anUnopenableFileIsATypedError() {
        #expect(throws: VantageError.self) { try AdvisoryDatabase(path: "/proc/vantage-cannot-write/advisories.sqlite") }
    }
}
