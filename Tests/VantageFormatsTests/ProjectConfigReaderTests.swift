import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct ProjectConfigReaderTests {
    @Test func aFullFileReadsIntoTypedValues() throws {
        let folder = try TemporaryFolder("project-file")
        defer { folder.remove() }
        try folder.write(".vantage.toml", """
            name = "api"
            command = "python app.py"
            cwd = "src"
            ports = [8080, 8443]
            priority = "critical"
            templates = ["config/app.yaml.tmpl"]
            stop_timeout = 3
            pause_under_pressure = true
            depends_on = ["db:healthy", "cache"]
            [env]
            MODE = "dev"
            WORKERS = 4
            [env.staging]
            MODE = "staging"
            [readiness]
            path = "/health"
            port = 8080
            interval = 0.5
            timeout = 30
            [restart]
            policy = "always"
            max_tries = 3
            backoff = 1
            backoff_max = 10
            jitter = 0.1
            stable_after = 20
            [limits]
            cpu = 0.5
            memory = "256M"
            pids = 100
            nofile = 4096
            """)
        let c = try ProjectConfigReader.read(projectPath: folder.path)
        #expect(c.name == "api")
        #expect(c.command == "python app.py")
        #expect(c.cwd == "src")
        #expect(c.ports == [8080, 8443])
        #expect(c.priority == .critical)
        #expect(c.templates == ["config/app.yaml.tmpl"])
        #expect(c.stopTimeout == 3)
        #expect(c.pauseUnderPressure)
        #expect(c.dependsOn == [DependencyRequirement(name: "db", condition: .healthy), DependencyRequirement(name: "cache", condition: .started)])
        #expect(c.env["MODE"] == .init(value: "dev", line: 11))
        #expect(c.env["WORKERS"]?.value == "4")
        #expect(c.environments["staging"]?["MODE"]?.value == "staging")
        #expect(c.readiness == .http(path: "/health", port: 8080))
        #expect(c.readinessTiming == ReadinessTiming(interval: 0.5, timeout: 30))
        #expect(c.restart == RestartPolicy(mode: .always, maxTries: 3, initialDelay: 1, maxDelay: 10, jitter: 0.1, stableAfter: 20))
        #expect(c.limits == ResourceLimits(cpus: 0.5, memoryBytes: 256 << 20, pids: 100, openFiles: 4096))
        #expect(c.warnings.isEmpty)
        #expect(c.file == folder.path + "/.vantage.toml")
    }

    @Test func noFileGivesTheDefaults() throws {
        let folder = try TemporaryFolder("project-file")
        defer { folder.remove() }
        #expect(try ProjectConfigReader.read(projectPath: folder.path) == ProjectConfig())
        #expect(try ProjectConfigReader.load(projectPath: folder.path) == nil)
    }

    @Test func everyProblemIsCollectedNotJustTheFirst() throws {
        let toml = try TOMLParser.parse("ports = [0, 8080, 70000]\ncommand = \"\"\n[restart]\nbackoff = inf\n", file: "F")
        let reading = ProjectConfigReader.check(toml, file: "F", projectPath: "/p", allowPathsOutside: false)
        #expect(reading.errors.map(\.location?.field) == ["command", "ports", "ports", "restart.backoff"])
        #expect(reading.config.ports == [8080], "the valid port is kept")
        #expect(reading.config.restart.initialDelay == RestartPolicy().initialDelay, "the default stays")
    }

    @Test func aSymbolicLinkOutOfTheProjectIsCaughtAndTheWorkspaceCanAllowIt() throws {
        let workspace = try TemporaryFolder("paths")
        defer { workspace.remove() }
        let project = workspace.path + "/project"
        try FileManager.default.createDirectory(atPath: workspace.path + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project + "/shared", withDestinationPath: workspace.path + "/shared")
        try workspace.write("project/.vantage.toml", "command = \"./run\"\ncwd = \"shared/sub\"\ntemplates = [\"./inside.tmpl\"]\n")
        let refused = try #require(try ProjectConfigReader.load(projectPath: project))
        #expect(refused.errors.map(\.location?.field) == ["cwd"], "shared/ is a link to a folder outside the project")
        #expect(refused.config.templates == ["./inside.tmpl"])

        try workspace.write("vantage.toml", "[projects]\nallow_paths_outside = true\n")
        let allowed = try #require(try ProjectConfigReader.load(projectPath: project))
        #expect(allowed.errors.isEmpty)
        #expect(allowed.config.cwd == "shared/sub")
    }

    @Test func nearestKeys() {
        #expect(NearestKey.suggestion(for: "comand", among: ProjectConfigReader.rootKeys) == "command")
        #expect(NearestKey.suggestion(for: "dependson", among: ProjectConfigReader.rootKeys) == "depends_on")
        #expect(NearestKey.suggestion(for: "prot", among: ProjectConfigReader.rootKeys) == "ports")
        #expect(NearestKey.suggestion(for: "author", among: ProjectConfigReader.rootKeys) == nil)
        #expect(NearestKey.distance("kitten", "sitting") == 3)
        #expect(NearestKey.distance("ab", "ba") == 1)
    }
}

@Suite struct WorkspaceFileReaderTests {
    @Test func enginesProjectsAndUnknownKeys() throws {
        let toml = try TOMLParser.parse("""
            [[docker.engines]]
            name = "lab"
            host = "unix:///run/lab.sock"
            [[docker.engines]]
            host = "tcp://10.0.0.2:2375"
            [projects]
            allow_paths_outside = true
            [theme]
            name = "dark"
            """, file: "vantage.toml")
        let w = try WorkspaceFileReader.parse(toml, file: "vantage.toml")
        #expect(w.engines.map(\.name) == ["lab", "tcp://10.0.0.2:2375"])
        #expect(w.engines.map(\.line) == [3, 5])
        #expect(w.engines.map(\.field) == ["docker.engines[0].host", "docker.engines[1].host"])
        #expect(w.allowPathsOutside)
        #expect(w.warnings.map(\.description) == ["vantage.toml:8: field 'theme': unknown key \"theme\" is ignored (known keys: docker, hosts, projects, resources, api, alerts, notify)"])
        #expect(!w.governor, "the pressure governor is opt-in")
    }

    @Test func theGovernorIsTurnedOnInResources() throws {
        let w = try WorkspaceFileReader.parse(TOMLParser.parse("[resources]\ngovernor = true\n", file: "v"), file: "v")
        #expect(w.governor && w.warnings.isEmpty)
        #expect { try WorkspaceFileReader.parse(TOMLParser.parse("[resources]\ngovernor = 1\n", file: "v"), file: "v") } throws: { e in
            (e as? VantageError)?.location == SourceLocation(file: "v", line: 2, field: "resources.governor")
        }
    }

    @Test func badValuesAreLocatedErrors() throws {
        #expect { try WorkspaceFileReader.parse(TOMLParser.parse("[projects]\nallow_paths_outside = \"yes\"\n", file: "v"), file: "v") } throws: { e in
            (e as? VantageError)?.description == "v:2: field 'projects.allow_paths_outside': expected true or false, found a string"
        }
        #expect { try WorkspaceFileReader.parse(TOMLParser.parse("[[docker.engines]]\nhost = \"\"\n", file: "v"), file: "v") } throws: { e in
            (e as? VantageError)?.location == SourceLocation(file: "v", line: 2, field: "docker.engines[0].host")
        }
    }
}
