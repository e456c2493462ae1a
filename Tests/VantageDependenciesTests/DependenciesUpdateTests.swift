import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// Real venv, real pip, real PyPI: a minor update that keeps the tests green is kept, a major
/// update that breaks them leaves the original requirements file byte for byte.
@Suite("Safe updates with a real venv", .serialized)
struct DependencyUpdateTests {
    static var pypiReachable: Bool {
        ToolRunner.run(["/usr/bin/env", "python3", "-m", "pip", "index", "versions", "six", "--disable-pip-version-check"], in: "/tmp", timeout: 60).status == 0
    }

    @Test func updateTypes() {
        #expect(UpdateType.between("1.2.3", "1.2.4", ecosystem: .npm) == .patch)
        #expect(UpdateType.between("1.15.0", "1.17.0", ecosystem: .pypi) == .minor)
        #expect(UpdateType.between("21.3", "24.0", ecosystem: .pypi) == .major)
        #expect(UpdateType.between("1.0", "1.0.1", ecosystem: .pypi) == .patch)
    }

    @Test func requirementPinsAreRewrittenInPlace() {
        let text = "six==1.15.0 ; python_version >= \"3\"\nSix-Extra==1.15.0\npackaging==21.3 \\\n    --hash=sha256:abc\n"
        let out = UpdateApplier.rewrite(text, file: "requirements.txt", ecosystem: .pypi, name: "six", from: "1.15.0", to: "1.17.0")
        #expect(out == "six==1.17.0 ; python_version >= \"3\"\nSix-Extra==1.15.0\npackaging==21.3 \\\n    --hash=sha256:abc\n")
    }

    /// Under CI=true the test runs even when the index cannot be reached, and fails: scripts/test
    /// checks the index first and stops with a clear error.
    static let requiredUnderCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: requiredUnderCI || pypiReachable, "needs the Python package index (`pip index versions six` must answer); required under CI=true"),
          .timeLimit(.minutes(10)))
    func passingUpdateKeptBreakingOneRevertedByteForByte() throws {
        let dir = NSTemporaryDirectory() + "vantage-update-proj-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let requirements = "# pinned\nsix==1.15.0\npackaging==21.3\n"
        try requirements.write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        try """
        import unittest
        import six
        from packaging.version import LegacyVersion   # removed in packaging 22

        class AppTest(unittest.TestCase):
            def test_six(self):
                self.assertEqual(six.moves.reduce(lambda a, b: a + b, [1, 2, 3]), 6)

            def test_legacy(self):
                self.assertEqual(str(LegacyVersion("abc")), "abc")
        """.write(toFile: dir + "/test_app.py", atomically: true, encoding: .utf8)
        try "test = \".venv/bin/python -m unittest -q\"\n".write(toFile: dir + "/.vantage.toml", atomically: true, encoding: .utf8)
        let venv = ToolRunner.run(["/usr/bin/env", "python3", "-m", "venv", ".venv"], in: dir, timeout: 120)
        try #require(venv.status == 0, "\(venv.output)")
        let install = ToolRunner.run([dir + "/.venv/bin/python", "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", "requirements.txt"], in: dir, timeout: 300)
        try #require(install.status == 0, "\(install.output)")

        let updates = UpdateChecker().check(dir)
        let six = try #require(updates.first { $0.name == "six" })
        let packaging = try #require(updates.first { $0.name == "packaging" })
        #expect(six.status == "available" && six.type == .minor)
        #expect(packaging.status == "available" && packaging.type == .major)

        let outcomes = try UpdateApplier().apply(updates, in: dir)
        let minor = try #require(outcomes.first { $0.type == .minor })
        let major = try #require(outcomes.first { $0.type == .major })
        #expect(minor.kept, "\(minor.testOutputTail)")
        #expect(!major.kept)
        #expect(major.originalUnchanged)
        let after = try String(contentsOfFile: dir + "/requirements.txt", encoding: .utf8)
        #expect(after == "# pinned\nsix==\(six.latest!)\npackaging==21.3\n")

        // Only the major update left: a red run leaves the file exactly as it was.
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: dir + "/requirements.txt"))
        let again = try UpdateApplier().apply([packaging], in: dir)
        try #require(again.count > 0)
        #expect(again.count == 1 && !again[0].kept)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/requirements.txt")) == bytesBefore)
    }

    @Test func offlineIsUnknownNeverAGuess() throws {
        let dir = NSTemporaryDirectory() + "vantage-update-offline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "six==1.15.0\n".write(toFile: dir + "/requirements.txt", atomically: true, encoding: .utf8)
        // An index that cannot be reached stands in for being offline.
        setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple", 1)
        setenv("PIP_RETRIES", "0", 1)
        setenv("PIP_TIMEOUT", "2", 1)
        defer { unsetenv("PIP_INDEX_URL"); unsetenv("PIP_RETRIES"); unsetenv("PIP_TIMEOUT") }
        let updates = UpdateChecker().check(dir)
        #expect(updates.count == 1)
        #expect(updates.first?.latest == nil)
        #expect(updates.first?.status == "unknown (offline)")
    }
}
