import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct EnvironmentTests {
    @Test func layersApplyLowestFirstAndKeepProvenance() throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let p = f.project("layers", files: [
            ".env": "A=from-env\nB=from-env\n# comment\nexport Q=\"quoted \\\"x\\\"\"\n",
            ".env.local": "B=from-local\n",
            ".env.staging": "A=from-staging\nC=from-staging\n",
            ".env.staging.local": "D=from-staging-local\n",
            ".vantage.toml": "command = \"true\"\n[env]\nBASE = \"toml-base\"\n[env.staging]\nA = \"from-toml\"\nE = 5\n",
        ])
        let config = try ProjectConfigReader.read(projectPath: p.path)
        let vars = try EnvironmentLayers.resolve(projectPath: p.path, config: config, environment: "staging",
                                                 secrets: ["S": "s3cr3t-value", "A": "from-secret"], overrides: ["A": "from-cli"])
        let byKey = Dictionary(uniqueKeysWithValues: vars.map { ($0.key, $0) })
        #expect(byKey["A"]?.value == "from-cli")
        #expect(byKey["A"]?.source == "-e on the command line")
        #expect(byKey["B"]?.value == "from-local")
        #expect(byKey["B"]?.source == p.path + "/.env.local:1")
        #expect(byKey["C"]?.source == p.path + "/.env.staging:2")
        #expect(byKey["D"]?.value == "from-staging-local")
        #expect(byKey["E"]?.value == "5")
        #expect(byKey["E"]?.source == p.path + "/.vantage.toml:6")
        #expect(byKey["BASE"]?.value == "toml-base")
        #expect(byKey["Q"]?.value == "quoted \"x\"")
        #expect(byKey["S"]?.isSecret == true)
        #expect(byKey["S"]?.displayValue == "********")
        // Without the override the secret wins over the toml section.
        let noCLI = try EnvironmentLayers.resolve(projectPath: p.path, config: config, environment: "staging", secrets: ["A": "from-secret"])
        #expect(noCLI.first { $0.key == "A" }?.value == "from-secret")
        // Another environment does not see staging's files.
        let dev = try EnvironmentLayers.resolve(projectPath: p.path, config: config, environment: "development")
        #expect(dev.first { $0.key == "A" }?.value == "from-env")
        #expect(dev.first { $0.key == "C" } == nil)
    }

    @Test func malformedVantageTomlNamesFieldAndOtherProjectsStillRun() async throws {
        let f = Fixture()
        let bad = f.project("bad", files: [".vantage.toml": "command = \"sleep 30\"\n\n[restart]\npolicy = \"sometimes\"\n"])
        let badEnv = f.project("bad-env", command: "sleep 30", files: [".env": "OK=1\nnot a line\n"])
        let good = f.project("good", command: "sleep 30")
        await f.supervisor.register([bad, badEnv, good])
        await #expect {
            try await f.supervisor.launch(bad.id)
        } throws: { e in
            let v = e as? VantageError
            return v?.location?.line == 4 && v?.location?.field == "restart.policy" && v?.message.contains("sometimes") == true
        }
        await #expect {
            try await f.supervisor.launch(badEnv.id)
        } throws: { e in (e as? VantageError)?.location == SourceLocation(file: badEnv.path + "/.env", line: 2, field: "not a line") }
        try await f.supervisor.launch(good.id)
        #expect(await f.supervisor.waitFor(good.id, [.ready]) == .ready)
        #expect(await f.supervisor.status(of: bad.id)?.state == .failed)
        #expect(await f.supervisor.status(of: bad.id)?.lastError.first?.contains(".vantage.toml:4") == true)
        await f.cleanup()
    }

    @Test func templatesRenderAtLaunchAndAMissingVariableRefusesTheLaunch() async throws {
        let f = Fixture()
        let ok = f.project("tmpl", command: "sleep 30", files: [
            ".env": "DB_HOST=db.local\n",
            ".vantage.toml": "templates = [\"config/app.yaml.tmpl\"]\nports = [\(randomPortBase() + 5)]\n[readiness]\ntype = \"exec\"\ncommand = \"true\"\n",
            "config/app.yaml.tmpl": "db: ${DB_HOST}\nport: {{ PORT }}\nname: {{DB_HOST}}\n",
        ])
        let missing = f.project("tmpl-missing", command: "sleep 30", files: [
            ".vantage.toml": "templates = [\"app.conf.tmpl\"]\n",
            "app.conf.tmpl": "first line\nsecond ${NOT_SET} line\n",
        ])
        await f.supervisor.register([ok, missing])
        try await f.supervisor.launch(ok.id)
        let rendered = try String(contentsOfFile: ok.path + "/config/app.yaml", encoding: .utf8)
        let port = try #require(await f.supervisor.status(of: ok.id)?.ports.first)
        #expect(rendered == "db: db.local\nport: \(port)\nname: db.local\n")
        await #expect {
            try await f.supervisor.launch(missing.id)
        } throws: { e in
            let v = e as? VantageError
            return v?.location == SourceLocation(file: missing.path + "/app.conf.tmpl", line: 2, field: "NOT_SET")
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path + "/app.conf"))
        #expect(f.processes(named: "tmpl-missing").isEmpty)
        #expect(await f.supervisor.status(of: missing.id)?.state == .failed)
        await f.cleanup()
    }

    @Test func pythonUsesTheVenvAndUnbufferedOutput() async throws {
        let f = Fixture()
        defer { f.removeFiles() }
        let p = f.project("venv", kinds: [.python], command: "python -c \"import os,sys; print(sys.executable, os.environ.get('PYTHONUNBUFFERED'))\"; sleep 30")
        try FileManager.default.createDirectory(atPath: p.path + "/.venv/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: p.path + "/.venv/bin/python", withDestinationPath: LinuxCalls.which("python3")!)
        let plan = try LaunchPlan.make(project: p, config: ProjectConfig(), directory: p.path)
        try #require(plan.processes.count > 0)
        #expect(plan.processes[0].command.hasPrefix(p.path + "/.venv/bin/python -c"))
        #expect(plan.kindEnvironment["PYTHONUNBUFFERED"] == "1")
        let go = f.project("gosvc", kinds: [.go])
        #expect {
            try LaunchPlan.make(project: go, config: ProjectConfig(), directory: go.path, path: "/nonexistent")
        } throws: { e in (e as? VantageError)?.message.contains("go is not installed") == true }
    }
}

@Suite struct ProjectEnvironmentsTests {
    @Test func theEnvironmentsAreTheDefaultTheFilesAndTheSections() async throws {
        let f = Fixture()
        let p = f.project("envs", command: "sleep 30", files: [
            ".env": "A=1\n", ".env.local": "B=2\n", ".env.production": "C=3\n", ".env.staging.local": "D=4\n",
            ".env.example": "E=\n", ".vantage.toml": "[env.ci]\nX = \"1\"\n",
        ])
        await f.supervisor.register([p])
        #expect(try await f.supervisor.environments(of: p.id) == ["ci", "development", "production", "staging"])
        let events = f.bus.events()
        try await f.supervisor.useEnvironment(p.id, "production")
        await f.supervisor.register([p]) // publishes the list again
        f.bus.close()
        var seen: [(available: [String], current: String)] = []
        for await case let .environments(project, available, current) in events where project == p.id { seen.append((available, current)) }
        #expect(seen.last?.current == "production")
        #expect(seen.last?.available == ["ci", "development", "production", "staging"])
        do {
            try await f.supervisor.useEnvironment(p.id, "nosuchenv")
            Issue.record("an unknown environment was accepted")
        } catch {
            #expect(error.message == "envs has no environment \"nosuchenv\"")
            #expect(error.hint?.contains("ci, development, production, staging") == true, "\(error)")
        }
        #expect(await f.supervisor.status(of: p.id)?.env == "production", "the refusal changed nothing")
        f.removeFiles()
    }
}

/// `vantage env set` and the API's variables: written into `.env.<env>.local` in place, refused
/// (nothing written) for a key a higher layer sets, and a running project restarts to take them.
@Suite struct SetVariablesTests {
    @Test func variablesGoIntoTheLocalFileOfTheEnvironmentAndARunningProjectRestarts() async throws {
        let f = Fixture()
        let p = f.project("vars", command: "sleep 300", files: [
            ".env": "A=1\n", ".env.production": "P=1\n", ".vantage.toml": "command = \"sleep 300\"\n[env]\nFROM_TOML = \"t\"\n",
            ".env.development.local": "# kept\nB=old\n",
        ])
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id)
        #expect(await f.supervisor.waitFor(p.id, [.running, .ready], timeout: .seconds(20)) != nil)
        let pidBefore = await f.supervisor.status(of: p.id)?.pid
        let done = try await f.supervisor.setVariables(p.id, environment: nil, ["B": "new", "C": "two words"])
        #expect(done.keys == ["B", "C"])
        #expect(done.environment == "development")
        #expect(done.restarted)
        #expect(done.file == p.path + "/.env.development.local")
        #expect(try String(contentsOfFile: done.file, encoding: .utf8) == "# kept\nB=new\nC=\"two words\"\n")
        let vars = try await f.supervisor.resolvedEnvironment(p.id)
        #expect(vars.first { $0.key == "C" }?.value == "two words")
        #expect(vars.first { $0.key == "A" }?.value == "1", "the other layers stay")
        #expect(await f.supervisor.waitFor(p.id, [.running, .ready], timeout: .seconds(20)) != nil)
        #expect(await f.supervisor.status(of: p.id)?.pid != pidBefore, "restarted to take the values")

        let other = try await f.supervisor.setVariables(p.id, environment: "production", ["Q": "2"])
        #expect(!other.restarted, "it runs in development, not production")
        #expect(FileManager.default.fileExists(atPath: p.path + "/.env.production.local"))

        do {
            _ = try await f.supervisor.setVariables(p.id, environment: nil, ["FROM_TOML": "x", "D": "4"])
            Issue.record("a key .vantage.toml sets was accepted")
        } catch {
            #expect(error.message.contains("FROM_TOML of vars comes from \(p.path)/.vantage.toml"), "\(error.message)")
            #expect(error.message.contains("nothing was written"))
        }
        #expect(try String(contentsOfFile: done.file, encoding: .utf8) == "# kept\nB=new\nC=\"two words\"\n", "nothing was written, D included")
        do {
            _ = try await f.supervisor.setVariables(p.id, environment: "nosuchenv", ["Z": "1"])
            Issue.record("an unknown environment was accepted")
        } catch {
            #expect(error.message.contains("no environment \"nosuchenv\""), "\(error.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: p.path + "/.env.nosuchenv.local"))
        await f.cleanup()
    }
}

