import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageKnowledge

/// A real Python project whose `.venv` lacks a package its requirements.txt declares (PyPI is reachable).
@Suite struct DependencyInstallerTests {
    @Test func findsTheRequirementAsWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "# web\nFlask==3.0.0  # pinned\nsix>=1.16 ; python_version >= '3'\n-r other.txt\n"
            .write(toFile: folder.path + "/requirements.txt", atomically: true, encoding: .utf8)
        #expect(DependencyInstaller.requirement(named: "flask", inFolder: folder.path) == "Flask==3.0.0")
        #expect(DependencyInstaller.requirement(named: "six", inFolder: folder.path) == "six>=1.16")
        #expect(DependencyInstaller.requirement(named: "requests", inFolder: folder.path) == nil)
    }

    @Test func theSuggestedInstallMakesTheAppRun() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let app = folder.path + "/app"
        try FileManager.default.createDirectory(atPath: app, withIntermediateDirectories: true)
        try "six==1.16.0\n".write(toFile: app + "/requirements.txt", atomically: true, encoding: .utf8)
        try "import six\nprint('ok', six.__version__)\n".write(toFile: app + "/app.py", atomically: true, encoding: .utf8)
        #expect(DependencyInstaller.run(["python3", "-m", "venv", ".venv"], in: app).status == 0)

        let failed = DependencyInstaller.run([app + "/.venv/bin/python", "app.py"], in: app)
        #expect(failed.status != 0)
        let context = ProjectContext(name: "app", kinds: [.python], dependencies: [Dependency(ecosystem: "pypi", name: "six", version: "==1.16.0")])
        let suggestion = try #require(TroubleshootingKB.match(failed.output, project: context).first)
        #expect(suggestion.automated == .installDependency(name: "six", manager: .pip))

        guard case .installDependency(let name, let manager) = suggestion.automated else {
            Issue.record("the suggestion is not an automated install: \(String(describing: suggestion.automated))")
            return
        }
        let outcome = DependencyInstaller.install(name, manager: manager, projectPath: app)
        #expect(outcome.succeeded, "pip failed:\n\(outcome.output)")
        #expect(outcome.commands == [".venv/bin/pip install six==1.16.0"])

        let fixed = DependencyInstaller.run([app + "/.venv/bin/python", "app.py"], in: app)
        #expect(fixed.status == 0)
        #expect(fixed.output == "ok 1.16.0\n")

        // The outcome is remembered and raises the fix's confidence.
        let memory = FixMemory(store: try Store.open(path: folder.database))
        try await memory.record(signature: suggestion.signature, fix: try #require(suggestion.automated).name, succeeded: true,
                                  at: Date(timeIntervalSince1970: 1_767_225_600))
        let after = try #require(TroubleshootingKB.match(failed.output, project: context, learned: try await memory.all()).first)
        #expect(after.confidence > suggestion.confidence)
    }
}
