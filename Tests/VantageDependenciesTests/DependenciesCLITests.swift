import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// Runs the built `vantage` binary (next to the test runner) and checks exit statuses.
@Suite("deps command line")
struct DependenciesCLITests {
    static let binary: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("vantage").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("vantage").path
    }()
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    func project(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "vantage-cli-\(UUID().uuidString)"
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: (dir + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func vulns(_ dir: String, _ extra: [String] = []) -> ToolRunner.Result {
        ToolRunner.run([Self.binary, "deps", "vulns", dir, "--db", DepsFixtures.osv, "--db-cache", dir + ".cache.sqlite"] + extra, in: dir, timeout: 120)
    }

    @Test(.enabled(if: available, "needs the vantage binary: swift build --product vantage")) func exitStatusesZeroOneTwo() throws {
        let clean = try project(["requirements.txt": "flask==3.0.3\n"])
        #expect(vulns(clean).status == 0)
        let vulnerable = try project(["requirements.txt": "flask==0.12.2\n"])
        let r = vulns(vulnerable)
        #expect(r.status == 1)
        #expect(r.output.contains("PYSEC-2018-66"))
        let unchecked = try project(["requirements.txt": "flask>=2\n"])
        let u = vulns(unchecked)
        #expect(u.status == 2)
        #expect(u.output.contains("UNCHECKED PyPI flask"))
        let broken = try project(["Cargo.lock": "[[package]]\nname = \"x\"\n"])
        #expect(vulns(broken).status == 2)
        let empty = try project(["README.md": "nothing here\n"])
        #expect(vulns(empty).status == 2)        // no manifest at all is not a pass either
    }

    @Test(.enabled(if: available, "needs the vantage binary: swift build --product vantage")) func jsonAndSarifAreValidDocuments() throws {
        let dir = try project(["requirements.txt": "flask==0.12.2\n"])
        let json = vulns(dir, ["--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["results"] as? [Any])?.count == 1)
        let sarif = vulns(dir, ["--sarif"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        #expect(doc["version"] as? String == "2.1.0")
    }
}
