import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// One bad `.vantage.toml` per file in InvalidProjectFiles/ (as InvalidConfigs/ does for themes and
/// keymaps): each must give exactly this first error, naming file, line and field. Issue 20's
/// crashers are among them: `ports = -1`, `[readiness] port = 70000`, `timeout = inf`/`1e300`,
/// `[restart] backoff = inf`, `stop_timeout = inf`, `depends_on = [""]`/`[":"]`, `command = ""`.
@Suite struct ProjectConfigInvalidFileTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("InvalidProjectFiles").path

    static let escapeHint = "keep it inside the project, or allow paths outside with [projects] allow_paths_outside = true in the workspace's vantage.toml"
    static let portHint = "for example ports = [8080, 8443]"

    /// file → the first error, with the project file written as `F` and the workspace folder as `WS`.
    static let errors: [String: String] = [
        "bad-toml.toml": "F:1: field 'command': unterminated string: expected '\"' before the end of the line",
        "command-empty.toml": "F:1: field 'command': 'command' is empty (write the command that starts the project, or remove the key)",
        "command-not-a-string.toml": "F:1: field 'command': expected a string, found an array",
        "cwd-outside.toml": "F:2: field 'cwd': the path \"../elsewhere\" leads outside the project folder (to WS/elsewhere) (\(escapeHint))",
        "depends-on-colon.toml": "F:2: field 'depends_on': \":\" has no project name before ':' (write \"name\" or \"name:condition\", e.g. \"db:healthy\")",
        "depends-on-empty-name.toml": "F:2: field 'depends_on': expected a project name, found an empty string (write \"name\" or \"name:condition\", e.g. \"db:healthy\")",
        "depends-on-unknown-condition.toml": "F:2: field 'depends_on': unknown condition \"ready\" in \"db:ready\" (use started, healthy or completed)",
        "env-bad-variable-name.toml": "F:3: field 'env.1BAD': \"1BAD\" is not a valid variable name (letters, digits and _, not starting with a digit)",
        "env-wrong-type.toml": "F:3: field 'env.LIST': expected a string or number, found an array",
        "limits-cpu-negative.toml": "F:3: field 'limits.cpu': expected a number from 0.01 to 4096 cores, found -1",
        "limits-memory-not-a-size.toml": "F:3: field 'limits.memory': not a size: \"lots\" (write 256M or 1G)",
        "limits-pids-zero.toml": "F:3: field 'limits.pids': expected an integer from 1 to 4194304, found 0",
        "name-empty.toml": "F:1: field 'name': 'name' is empty (give the project a name, or remove the key to use the folder name)",
        "ports-negative.toml": "F:2: field 'ports': expected a port number from 1 to 65535, found -1 (\(portHint))",
        "ports-not-numbers.toml": "F:2: field 'ports': expected a port number from 1 to 65535, found a string (\(portHint))",
        "ports-too-high.toml": "F:2: field 'ports': expected a port number from 1 to 65535, found 70000 (\(portHint))",
        "ports-zero.toml": "F:2: field 'ports': expected a port number from 1 to 65535, found 0 (\(portHint))",
        "priority-unknown.toml": "F:2: field 'priority': unknown priority \"urgent\" (use critical, normal or background)",
        "readiness-bad-pattern.toml": "F:3: field 'readiness.pattern': not a valid regular expression: (unclosed",
        "readiness-interval-zero.toml": "F:3: field 'readiness.interval': expected a number from 0.01 to 3600 seconds, found 0",
        "readiness-not-a-table.toml": "F:2: field 'readiness': expected a table, found a string",
        "readiness-port-too-high.toml": "F:4: field 'readiness.port': expected an integer from 1 to 65535, found 70000",
        "readiness-timeout-huge.toml": "F:3: field 'readiness.timeout': expected a number from 0.1 to 86400 seconds, found 1e+300",
        "readiness-timeout-inf.toml": "F:4: field 'readiness.timeout': expected a number from 0.1 to 86400 seconds, found inf",
        "readiness-unknown-type.toml": "F:3: field 'readiness.type': unknown probe \"ping\" (use http, tcp, exec or log)",
        "restart-backoff-inf.toml": "F:3: field 'restart.backoff': expected a number from 0 to 3600 seconds, found inf",
        "restart-jitter-above-one.toml": "F:3: field 'restart.jitter': expected a number from 0 to 1, found 1.5",
        "restart-max-tries-negative.toml": "F:3: field 'restart.max_tries': expected an integer from 0 to 1000, found -3",
        "restart-unknown-policy.toml": "F:3: field 'restart.policy': unknown policy \"sometimes\" (use always, on-failure or never)",
        "stop-timeout-inf.toml": "F:2: field 'stop_timeout': expected a number from 0 to 3600 seconds, found inf",
        "stop-timeout-nan.toml": "F:2: field 'stop_timeout': expected a number from 0 to 3600 seconds, found nan",
        "templates-outside.toml": "F:2: field 'templates': the path \"../../../../etc/passwd.tmpl\" leads outside the project folder (to /etc/passwd.tmpl) (\(escapeHint))",
        "backup-no-repository.toml": "F:1: field 'backup.repository': [backup] needs repository = \"…\" (a folder or an sftp: URL) (for example repository = \"/srv/backups/myapp\")",
        "backup-keep-negative.toml": "F:5: field 'backup.keep.daily': expected an integer from 0 to 10000, found -1",
        "backup-schedule-bad.toml": "F:3: field 'backup.schedule': not a cron expression: field 2 (hour), column 3: 25 is out of range: an hour is 0-23 (5 fields: minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\", or @daily)",
        "backup-paths-outside.toml": "F:3: field 'backup.paths': the path \"../other\" leads outside the project folder (to WS/other) (\(escapeHint))",
        "backup-excludes-not-strings.toml": "F:3: field 'backup.excludes': expected a non-empty string, found an integer",
    ]

    /// file → every warning; the file still reads.
    static let warnings: [String: [String]] = [
        "warning-unknown-key-comand.toml": ["F:1: field 'comand': unknown key \"comand\" is ignored (did you mean \"command\"?)"],
        "warning-unknown-keys-in-tables.toml": [
            "F:4: field 'readiness.timout': unknown key \"timout\" is ignored (did you mean \"timeout\"?)",
            "F:6: field 'limits.memroy': unknown key \"memroy\" is ignored (did you mean \"memory\"?)",
        ],
        "warning-unknown-key-in-backup-keep.toml": [
            "F:3: field 'backup.keep.yearly': unknown key \"yearly\" is ignored (known keys: daily, weekly, monthly)",
        ],
        "warning-unknown-key-far-from-any.toml": [
            "F:2: field 'author': unknown key \"author\" is ignored (known keys: \(ProjectConfigReader.rootKeys.joined(separator: ", ")))",
        ],
    ]

    /// Reads `name` as the `.vantage.toml` of a project `WS/project`; returns (errors, warnings) as
    /// text with the file and the workspace folder replaced by `F` and `WS`.
    static func read(_ name: String) throws -> (errors: [String], warnings: [String]) {
        let workspace = try TemporaryFolder("invalid-config")
        defer { workspace.remove() }
        let project = workspace.path + "/project"
        try FileManager.default.createDirectory(atPath: project + "/config", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: project + "/" + ProjectConfigReader.fileName)
        let file = project + "/" + ProjectConfigReader.fileName
        func text(_ e: VantageError) -> String {
            e.description.replacingOccurrences(of: file, with: "F").replacingOccurrences(of: workspace.path, with: "WS")
        }
        do {
            guard let reading = try ProjectConfigReader.load(projectPath: project) else { return (["no file read"], []) }
            return (reading.errors.map(text), reading.warnings.map(text))
        } catch {
            return ([text(error)], [])
        }
    }

    @Test func everyFixtureIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter { $0.hasSuffix(".toml") }
        #expect(Set(files) == Set(Self.errors.keys).union(Self.warnings.keys))
    }

    @Test(arguments: errors.keys.sorted())
    func eachInvalidFileGivesItsExactError(name: String) throws {
        let (errors, _) = try Self.read(name)
        #expect(errors.first == Self.errors[name], "\(name): \(errors)")
        #expect(errors.count == 1, "one problem per fixture: \(errors)")
    }

    @Test(arguments: warnings.keys.sorted())
    func unknownKeysAreWarningsWithTheNearestKnownKey(name: String) throws {
        let (errors, warnings) = try Self.read(name)
        #expect(errors.isEmpty, "\(errors)")
        #expect(warnings == Self.warnings[name])
    }
}
