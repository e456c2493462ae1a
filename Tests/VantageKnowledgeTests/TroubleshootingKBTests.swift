import Foundation
import Testing
import VantageCore
import VantageStore
@testable import VantageKnowledge

/// Every error text here is produced for real by running the failing command.
@Suite(.serialized) struct TroubleshootingKBTests {
    static let pythonApp = ProjectContext(name: "ledger", kinds: [.python], ports: [8000], dependencies: [
        Dependency(ecosystem: "pypi", name: "vantage-missing-pkg", version: "==1.0"),
        Dependency(ecosystem: "pypi", name: "PyYAML", version: "==6.0.1"),
    ])
    static let nodeApp = ProjectContext(name: "shop", kinds: [.node], ports: [3000], dependencies: [
        Dependency(ecosystem: "npm", name: "vantage-missing-pkg", version: "^1.0.0"),
    ])

    static func top(_ text: String, _ project: ProjectContext, learned: [LearnedFixRecord] = []) throws -> Suggestion {
        try #require(TroubleshootingKB.match(text, project: project, learned: learned).first, "no suggestion for:\n\(text)")
    }

    @Test func pythonModuleDeclaredInRequirementsIsInstalledWithPip() throws {
        let text = try RealFailure.python("import vantage_missing_pkg")
        #expect(text.contains("ModuleNotFoundError: No module named 'vantage_missing_pkg'"))
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .moduleNotFound)
        #expect(s.automated == .installDependency(name: "vantage-missing-pkg", manager: .pip))
        #expect(s.title == "vantage-missing-pkg is declared but not installed")
        #expect(s.confidence == 0.9)
        #expect(s.evidence == "ModuleNotFoundError: No module named 'vantage_missing_pkg'")
    }

    @Test func pythonImportAliasMapsToItsPackage() throws {
        // Only a real error when PyYAML is absent; the alias is what is checked.
        let text = "ModuleNotFoundError: No module named 'yaml'"
        #expect(try Self.top(text, Self.pythonApp).automated == .installDependency(name: "PyYAML", manager: .pip))
    }

    @Test func undeclaredPythonModuleGetsNoAutomatedInstall() throws {
        let s = try Self.top(try RealFailure.python("import nosuchmod"), Self.pythonApp)
        #expect(s.problem == .moduleNotFound)
        #expect(s.title == "nosuchmod is missing and not declared")
        #expect(s.automated == nil)
        #expect(s.confidence == 0.6)
    }

    @Test func nodeModuleDeclaredInPackageJSONIsInstalledWithNpm() throws {
        let text = try RealFailure.node("require('vantage-missing-pkg/lib/x')")
        let s = try Self.top(text, Self.nodeApp)
        #expect(s.problem == .moduleNotFound)
        #expect(s.automated == .installDependency(name: "vantage-missing-pkg", manager: .npm))
        let undeclared = try Self.top(try RealFailure.node("require('nosuch')"), Self.nodeApp)
        #expect(undeclared.title == "nosuch is missing and not declared")
        #expect(undeclared.automated == nil)
    }

    @Test func nodeOnABusyPortGetsAReassignedPort() throws {
        let busy = try BusyPort()
        defer { busy.close() }
        let text = try RealFailure.node("require('http').createServer().listen(\(busy.port))")
        #expect(text.contains("EADDRINUSE"))
        let s = try Self.top(text, Self.nodeApp)
        #expect(s.problem == .addressInUse)
        #expect(s.automated == .reassignPort(busy: busy.port))
        #expect(s.title == "Port \(busy.port) is already in use")
    }

    @Test func pythonOnABusyPortFallsBackToTheDeclaredPort() throws {
        let busy = try BusyPort()
        defer { busy.close() }
        let text = try RealFailure.python("import socket; socket.socket(socket.AF_INET6).bind(('::', \(busy.port)))")
        #expect(text.contains("Address already in use"))
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .addressInUse)
        #expect(s.automated == .reassignPort(busy: 8000))   // Python does not print the port
    }

    @Test func permissionDenied() throws {
        let text = try RealFailure.python("""
            import os
            try:
                os.setgid(65534); os.setuid(65534)
            except PermissionError:
                pass
            open('/etc/shadow')
            """)
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .permissionDenied)
        #expect(s.title == "Permission denied on /etc/shadow")
        #expect(s.automated == nil)
    }

    @Test func connectionRefusedNamesTheService() throws {
        // A port that was just free: nothing listens there.
        let freePort = try { () throws -> Int in let p = try BusyPort(); p.close(); return p.port }()
        let text = try RealFailure.node("require('net').connect(\(freePort), '127.0.0.1')")
        let s = try Self.top(text, Self.nodeApp)
        #expect(s.problem == .connectionRefused)
        #expect(s.title == "Cannot reach the service on port \(freePort)")
        #expect(s.automated == .restartWithBackoff)
        let postgres = "psycopg.OperationalError: connection failed: connection to server at \"127.0.0.1\", port 5432 failed: Connection refused"
        #expect(try Self.top(postgres, Self.pythonApp).title == "Cannot reach PostgreSQL on port 5432")
    }

    @Test func outOfMemoryUnderARealLimit() throws {
        let text = try RealFailure.shell("ulimit -v 400000; python3 -c 'x = bytearray(2 * 1024 ** 3)'")
        #expect(text.contains("MemoryError"))
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .outOfMemory)
        #expect(s.automated == .raiseMemoryLimit)
    }

    @Test func diskFull() throws {
        let text = try RealFailure.python("import os; os.write(os.open('/dev/full', os.O_WRONLY), b'x')")
        #expect(text.contains("No space left on device"))
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .diskFull)
        #expect(s.automated == nil)
    }

    @Test func syntaxErrorAtStartNamesTheLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "import os\ndef broken(:\n    pass\n".write(toFile: folder.path + "/app.py", atomically: true, encoding: .utf8)
        let text = try RealFailure.output("python3", [folder.path + "/app.py"])
        let s = try Self.top(text, Self.pythonApp)
        #expect(s.problem == .syntaxError)
        #expect(s.title == "Syntax error in \(folder.path)/app.py:2")
    }

    @Test func versionMismatchFromNpmEngines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try #"{"name": "old", "version": "1.0.0", "engines": {"node": ">=99"}}"#.write(toFile: folder.path + "/package.json", atomically: true, encoding: .utf8)
        let text = try RealFailure.output("npm", ["install", "--engine-strict", "--offline", "--no-audit", "--no-fund"], in: folder.path)
        let s = try Self.top(text, Self.nodeApp)
        #expect(s.problem == .versionMismatch)
    }

    @Test func missingEnvironmentVariables() throws {
        let python = try Self.top(try RealFailure.python("import os; os.environ['DATABASE_URL']"), Self.pythonApp)
        #expect(python.problem == .missingEnvVariable)
        #expect(python.automated == .fillEnvFromOtherEnvironment(key: "DATABASE_URL"))
        #expect(python.confidence == 0.85)
        let shell = try Self.top(try RealFailure.shell(#": "${API_KEY:?API_KEY is not set}""#), Self.pythonApp)
        #expect(shell.automated == .fillEnvFromOtherEnvironment(key: "API_KEY"))
        // A KeyError on a dict, not the environment, is not a missing variable.
        let dict = TroubleshootingKB.match(try RealFailure.python("{}['name']"), project: Self.pythonApp)
        #expect(!dict.contains { $0.problem == .missingEnvVariable })
    }

    @Test func cleanOutputHasNoProblems() throws {
        #expect(TroubleshootingKB.match(try RealFailure.python("print('listening on 8000')"), project: Self.pythonApp) == [])
    }

    @Test func learnedOutcomesRaiseAndLowerConfidence() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let memory = FixMemory(store: try Store.open(path: folder.database))
        let text = try RealFailure.python("import os; os.environ['DATABASE_URL']")
        let base = try Self.top(text, Self.pythonApp).confidence

        try await memory.record(signature: "missing_env_variable", fix: "fill_env_from_other_environment", succeeded: true, at: Date(timeIntervalSince1970: 1767225660))
        let afterSuccess = try Self.top(text, Self.pythonApp, learned: try await memory.all()).confidence
        #expect(abs(afterSuccess - (0.85 * 4 + 1) / 5) < 1e-12)
        #expect(afterSuccess > base)

        try await memory.record(signature: "missing_env_variable", fix: "fill_env_from_other_environment", succeeded: false, at: Date(timeIntervalSince1970: 1767225720))
        try await memory.record(signature: "missing_env_variable", fix: "fill_env_from_other_environment", succeeded: false, at: Date(timeIntervalSince1970: 1767225780))
        let afterFailures = try Self.top(text, Self.pythonApp, learned: try await memory.all()).confidence
        #expect(abs(afterFailures - (0.85 * 4 + 1) / 7) < 1e-12)
        #expect(afterFailures < base)
    }
}
