import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

@Suite("Lock files")
struct DependencyLockTests {
    func tempProject() throws -> String {
        let dir = NSTemporaryDirectory() + "vantage-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func lockNotSatisfyingTheManifestIsStale() throws {
        let dir = try tempProject()
        try #"{"name": "app", "dependencies": {"express": "^5.0.0", "lodash": "^4.17.0", "left-pad": "1.3.0"}}"#.write(toFile: dir + "/package.json", atomically: true, encoding: .utf8)
        try """
        {"lockfileVersion": 3, "packages": {"": {"dependencies": {"express": "^4.18.0"}},
          "node_modules/express": {"version": "4.18.2"}, "node_modules/lodash": {"version": "4.17.21"}}}
        """.write(toFile: dir + "/package-lock.json", atomically: true, encoding: .utf8)
        // The lock is newer than the manifest, so only the content makes it stale.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: dir + "/package.json")
        let s = try #require(LockFileChecker.check(dir).first)
        #expect(s.state == .stale)
        #expect(s.reasons.contains("express ^5.0.0 but the lock has 4.18.2"))
        #expect(s.reasons.contains("left-pad is declared but not in package-lock.json"))
        #expect(!s.reasons.contains { $0.hasPrefix("lodash") })
        #expect(!s.reasons.contains { $0.contains("modified after") })
    }

    @Test func manifestNewerThanLockIsStale() throws {
        let dir = try tempProject()
        try "requests = \"*\"\n".write(toFile: dir + "/Pipfile", atomically: true, encoding: .utf8)
        try #"{"default": {}, "develop": {}}"#.write(toFile: dir + "/Pipfile.lock", atomically: true, encoding: .utf8)
        try "[packages]\n".write(toFile: dir + "/Pipfile", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: dir + "/Pipfile.lock")
        let s = try #require(LockFileChecker.check(dir).first)
        #expect(s.state == .stale)
        #expect(s.reasons == ["Pipfile was modified after Pipfile.lock"])
    }

    @Test(.enabled(if: ToolRunner.which("cargo") != nil, "needs cargo (apt-get install cargo; scripts/test installs it and requires it under CI=true)"))
    func missingLockIsRegeneratedWithTheEcosystemTool() throws {
        let dir = try tempProject()
        try FileManager.default.createDirectory(atPath: dir + "/src", withIntermediateDirectories: true)
        try "[package]\nname = \"locktest\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n".write(toFile: dir + "/Cargo.toml", atomically: true, encoding: .utf8)
        try "fn main() {}\n".write(toFile: dir + "/src/main.rs", atomically: true, encoding: .utf8)
        let before = try #require(LockFileChecker.check(dir).first)
        #expect(before.state == .missing)
        #expect(before.regenerate == ["cargo", "generate-lockfile"])
        let outcome = LockFileRegenerator.regenerate(before)
        #expect(outcome.ok, "\(outcome.output)")
        #expect(FileManager.default.fileExists(atPath: dir + "/Cargo.lock"))
        #expect(LockFileChecker.check(dir).first?.state == .ok)
    }

    @Test func requirementsInWithoutACompiledFileIsMissing() throws {
        let dir = try tempProject()
        try FileManager.default.createDirectory(atPath: dir + "/svc", withIntermediateDirectories: true)
        try "flask>=2\n".write(toFile: dir + "/svc/requirements.in", atomically: true, encoding: .utf8)
        let s = try #require(LockFileChecker.check(dir).first)
        #expect(s.state == .missing)
        #expect(s.lock.hasSuffix("svc/requirements.txt"))
        #expect(s.regenerate == ["pip-compile", "requirements.in"])
    }

    @Test func aMissingToolIsReportedClearly() throws {
        let status = LockFileStatus(folder: "/tmp", manifest: "/tmp/composer.json", lock: "/tmp/composer.lock", ecosystem: .packagist,
                                    state: .missing, reasons: [], regenerate: ["no-such-tool-vantage", "lock"])
        let outcome = LockFileRegenerator.regenerate(status)
        #expect(!outcome.ok)
        #expect(outcome.output.hasPrefix("no-such-tool-vantage is not installed"))
    }
}
