import Foundation
import VantageCore

/// What reading a project's `.vantage.toml` gave: the configuration (the fields that could be
/// read), the errors that make the project broken until they are fixed, and warnings (unknown keys).
public struct ProjectConfigReading: Sendable, Equatable {
    public var config: ProjectConfig
    public var errors: [VantageError]
    public var warnings: [VantageError]
    /// Set when the file has an error and the last good copy was read instead (`config` is the
    /// copy's, `errors` is empty, the first warning says so).
    public var lastGood: LastGoodUse?

    public init(config: ProjectConfig, errors: [VantageError], warnings: [VantageError], lastGood: LastGoodUse? = nil) {
        self.config = config
        self.errors = errors
        self.warnings = warnings
        self.lastGood = lastGood
    }
}

/// A project runs on the last good copy of its `.vantage.toml`: since when, and why.
public struct LastGoodUse: Sendable, Equatable {
    /// When the copy was kept.
    public var savedAt: Date
    /// The file's first error now.
    public var problem: VantageError

    public init(savedAt: Date, problem: VantageError) {
        self.savedAt = savedAt
        self.problem = problem
    }

    /// "using the last good .vantage.toml from 2026-12-07 13:02; fix /p/.vantage.toml:3: …", at the
    /// problem's place (local time, as on screen).
    public var note: String {
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let place = problem.location.map { $0.file + ($0.line.map { ":\($0)" } ?? "") } ?? ProjectConfigReader.fileName
        return "using the last good \(ProjectConfigReader.fileName) from \(stamp.string(from: savedAt)); fix \(place)"
    }

    /// The warning shown for it (Troubleshooting, the scan's warnings): the note, then the problem.
    public var warning: VantageError {
        VantageError(.config, note + ": " + problem.message, at: problem.location, hint: problem.hint)
    }
}

/// The one schema of a project's `.vantage.toml`, for the scanner (name, command, ports), the
/// supervisor (everything) and the daemon. Every value is checked when the file is read: types,
/// ranges, finiteness, empty names and commands, and paths that would leave the project folder.
/// Each problem names the file, the line and the field; unknown keys are warnings that suggest
/// the nearest known key.
public enum ProjectConfigReader {
    public static let fileName = ".vantage.toml"

    static let rootKeys = ["name", "command", "cwd", "ports", "env", "depends_on", "readiness", "restart", "limits",
                           "priority", "templates", "stop_timeout", "pause_under_pressure", "deploy", "backup"]
    static let readinessKeys = ["type", "path", "port", "command", "pattern", "interval", "timeout"]
    static let restartKeys = ["policy", "max_tries", "backoff", "backoff_max", "jitter", "stable_after"]
    static let limitsKeys = ["cpu", "memory", "pids", "nofile"]

    /// Reads the project's `.vantage.toml`; a missing file gives the defaults. The first error is
    /// thrown; warnings are in `ProjectConfig.warnings`.
    public static func read(projectPath: String, lastGood: LastGoodConfigStore? = nil) throws(VantageError) -> ProjectConfig {
        guard let reading = try load(projectPath: projectPath, lastGood: lastGood) else { return ProjectConfig() }
        try reading.errors.throwFirst()
        return reading.config
    }

    /// Everything the file says, errors included; nil when there is no file. A file that is not
    /// valid TOML throws. Paths may leave the project only when the nearest workspace
    /// `vantage.toml` above it sets `[projects] allow_paths_outside = true`.
    ///
    /// With `lastGood`, a file that reads without an error is kept there, and a file with an error
    /// (TOML or schema) is read from its last kept copy instead, when there is one: the reading
    /// then has no errors, `lastGood` set and its warning first.
    public static func load(projectPath: String, lastGood: LastGoodConfigStore? = nil) throws(VantageError) -> ProjectConfigReading? {
        let path = projectPath + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let allowOutside = WorkspaceFileReader.enclosing(projectPath)?.allowPathsOutside ?? false
        do throws(VantageError) {
            let text = try TOMLParser.readText(path)
            var reading = check(try TOMLParser.parse(text, file: path), file: path, projectPath: projectPath, allowPathsOutside: allowOutside)
            guard let lastGood else { return reading }
            guard let problem = reading.errors.first else {
                do throws(VantageError) { try lastGood.remember(text, for: projectPath) } catch { reading.warnings.append(error) }
                return reading
            }
            return fromLastGood(lastGood, instead: problem, file: path, projectPath: projectPath, allowPathsOutside: allowOutside) ?? reading
        } catch {
            guard let lastGood, let kept = fromLastGood(lastGood, instead: error, file: path, projectPath: projectPath,
                                                        allowPathsOutside: allowOutside) else { throw error }
            return kept
        }
    }

    /// The reading of the project's kept copy (nil without one, or if it does not read cleanly now,
    /// say after the workspace's rules changed).
    static func fromLastGood(_ store: LastGoodConfigStore, instead problem: VantageError, file: String, projectPath: String,
                             allowPathsOutside: Bool) -> ProjectConfigReading? {
        guard let copy = store.copy(for: projectPath), let table = try? TOMLParser.parse(copy.text, file: file) else { return nil }
        var reading = check(table, file: file, projectPath: projectPath, allowPathsOutside: allowPathsOutside)
        guard reading.errors.isEmpty else { return nil }
        let use = LastGoodUse(savedAt: copy.savedAt, problem: problem)
        reading.lastGood = use
        reading.warnings = [use.warning]     // the copy's own warnings would point at lines of the file as it is now
        return reading
    }

    /// Parses a table; the first error is thrown.
    public static func parse(_ root: TOMLTable, file: String, projectPath: String? = nil) throws(VantageError) -> ProjectConfig {
        let reading = check(root, file: file, projectPath: projectPath ?? (file as NSString).deletingLastPathComponent, allowPathsOutside: false)
        try reading.errors.throwFirst()
        return reading.config
    }

    public static func check(_ root: TOMLTable, file: String, projectPath: String, allowPathsOutside: Bool) -> ProjectConfigReading {
        var c = ProjectConfig()
        c.file = file
        var t = SchemaTable(root, file: file, known: rootKeys)
        let paths = ProjectPaths(project: projectPath, allowOutside: allowPathsOutside)

        c.name = t.string("name", nonEmpty: true, emptyHint: "give the project a name, or remove the key to use the folder name")
        c.command = t.string("command", nonEmpty: true, emptyHint: "write the command that starts the project, or remove the key")
        if let cwd = t.string("cwd", nonEmpty: true, emptyHint: "write a folder inside the project, or remove the key") {
            if let why = paths.outside(cwd) { t.fail("cwd", why, hint: ProjectPaths.allowHint) } else { c.cwd = cwd }
        }
        c.ports = ports(&t)
        if let p = t.string("priority") {
            if let level = PriorityLevel(rawValue: p) { c.priority = level } else {
                t.fail("priority", "unknown priority \"\(p)\"", hint: "use critical, normal or background")
            }
        }
        if let v = root["templates"] {
            if let items = v.arrayValue {
                for item in items {
                    guard let s = item.stringValue, !s.isEmpty else {
                        t.fail("templates", "expected a path to a template file, found \(item.stringValue == nil ? item.typeDescription : "an empty string")")
                        continue
                    }
                    if let why = paths.outside(s) { t.fail("templates", why, hint: ProjectPaths.allowHint) } else { c.templates.append(s) }
                }
            } else {
                t.fail("templates", "expected an array of paths, found \(v.typeDescription)")
            }
        }
        if let s = t.number("stop_timeout", in: 0...3600, unit: " seconds") { c.stopTimeout = s }
        if let b = t.bool("pause_under_pressure") { c.pauseUnderPressure = b }
        c.dependsOn = dependencies(&t)
        environment(&t, into: &c)
        readiness(&t, into: &c)
        restart(&t, into: &c)
        limits(&t, into: &c)
        c.deploy = DeploySettings.read(&t)
        c.backup = BackupSettings.read(&t, paths: paths)
        c.warnings = t.warnings
        return ProjectConfigReading(config: c, errors: t.errors, warnings: t.warnings)
    }

    /// `ports = 8080` or `ports = [8080, 8443]`, each from 1 to 65535.
    private static func ports(_ t: inout SchemaTable) -> [Int] {
        guard let v = t.table["ports"] else { return [] }
        let items = v.arrayValue ?? [v]
        guard v.arrayValue != nil || v.intValue != nil else {
            t.fail("ports", "expected a port number or an array of port numbers, found \(v.typeDescription)", hint: "for example ports = [8080, 8443]")
            return []
        }
        var out: [Int] = []
        for item in items {
            guard let i = item.intValue else {
                t.fail("ports", "expected a port number from 1 to 65535, found \(item.typeDescription)", hint: "for example ports = [8080, 8443]")
                continue
            }
            guard let port = Int(exactly: i), (1...65535).contains(port) else {
                t.fail("ports", "expected a port number from 1 to 65535, found \(i)", hint: "for example ports = [8080, 8443]")
                continue
            }
            out.append(port)
        }
        return out
    }

    /// `depends_on = ["db", "cache:healthy"]` or `[depends_on] db = "healthy"`.
    private static func dependencies(_ t: inout SchemaTable) -> [DependencyRequirement] {
        guard let v = t.table["depends_on"] else { return [] }
        let conditions = "use started, healthy or completed"
        var out: [DependencyRequirement] = []
        if let items = v.arrayValue {
            for item in items {
                guard let s = item.stringValue else { t.fail("depends_on", "expected a project name, found \(item.typeDescription)"); continue }
                let parts = s.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    t.fail("depends_on", s.isEmpty ? "expected a project name, found an empty string" : "\"\(s)\" has no project name before ':'",
                           hint: "write \"name\" or \"name:condition\", e.g. \"db:healthy\"")
                    continue
                }
                let conditionText = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "started"
                guard let condition = DependencyRequirement.Condition(rawValue: conditionText) else {
                    t.fail("depends_on", "unknown condition \"\(conditionText)\" in \"\(s)\"", hint: conditions)
                    continue
                }
                out.append(DependencyRequirement(name: name, condition: condition))
            }
        } else if let table = v.tableValue {
            for e in table.entries {
                guard !e.key.trimmingCharacters(in: .whitespaces).isEmpty else {
                    t.fail("depends_on", "expected a project name, found an empty string", line: e.line)
                    continue
                }
                guard let s = e.value.stringValue, let condition = DependencyRequirement.Condition(rawValue: s) else {
                    let found = e.value.stringValue.map { "\"\($0)\"" } ?? e.value.typeDescription
                    t.errors.append(VantageError(.config, "unknown condition \(found)", at: SourceLocation(file: t.file, line: e.line, field: "depends_on.\(e.key)"), hint: conditions))
                    continue
                }
                out.append(DependencyRequirement(name: e.key, condition: condition))
            }
        } else {
            t.fail("depends_on", "expected an array of project names, found \(v.typeDescription)")
        }
        return out
    }

    /// `[env]` variables for every environment and `[env.NAME]` sections.
    private static func environment(_ t: inout SchemaTable, into c: inout ProjectConfig) {
        guard let v = t.table["env"] else { return }
        guard let table = v.tableValue else { t.fail("env", "expected a table, found \(v.typeDescription)"); return }
        func value(_ entry: TOMLTable.Entry, _ field: String) -> ProjectConfig.EnvValue? {
            guard DotEnvFile.isValidKey(entry.key) else {
                t.errors.append(VantageError(.config, "\"\(entry.key)\" is not a valid variable name (letters, digits and _, not starting with a digit)",
                                             at: SourceLocation(file: t.file, line: entry.line, field: field)))
                return nil
            }
            guard let s = scalarString(entry.value) else {
                t.errors.append(VantageError(.config, "expected a string or number, found \(entry.value.typeDescription)",
                                             at: SourceLocation(file: t.file, line: entry.line, field: field)))
                return nil
            }
            return .init(value: s, line: entry.line)
        }
        for e in table.entries {
            if let section = e.value.tableValue {
                var vars: [String: ProjectConfig.EnvValue] = [:]
                for item in section.entries { vars[item.key] = value(item, "env.\(e.key).\(item.key)") }
                c.environments[e.key] = vars
            } else if let v = value(e, "env.\(e.key)") {
                c.env[e.key] = v
            }
        }
    }

    private static func readiness(_ t: inout SchemaTable, into c: inout ProjectConfig) {
        guard var r = t.table("readiness", known: readinessKeys) else { return }
        defer { t.absorb(r) }
        let table = r.table
        let kind = r.string("type") ?? (table["path"] != nil ? "http" : table["pattern"] != nil ? "log" : table["command"] != nil ? "exec" : "tcp")
        let port = r.integer("port", in: 1...65535)
        switch kind {
        case "http": c.readiness = .http(path: r.string("path") ?? "/", port: port)
        case "tcp": c.readiness = .tcp(port: port)
        case "exec":
            if let command = r.string("command", nonEmpty: true, emptyHint: "write a command that exits 0 when the project is ready") {
                c.readiness = .exec(command: command)
            } else if table["command"] == nil {
                r.fail("command", "an exec probe needs a command", line: table.line > 0 ? table.line : nil)
            }
        case "log":
            if let pattern = r.string("pattern", nonEmpty: true) {
                if (try? Regex(pattern)) != nil { c.readiness = .logLine(pattern: pattern) } else {
                    r.fail("pattern", "not a valid regular expression: \(pattern)")
                }
            } else if table["pattern"] == nil {
                r.fail("pattern", "a log probe needs a pattern", line: table.line > 0 ? table.line : nil)
            }
        default:
            r.fail("type", "unknown probe \"\(kind)\"", hint: "use http, tcp, exec or log")
        }
        if let i = r.number("interval", in: 0.01...3600, unit: " seconds") { c.readinessTiming.interval = i }
        if let i = r.number("timeout", in: 0.1...86400, unit: " seconds") { c.readinessTiming.timeout = i }
    }

    private static func restart(_ t: inout SchemaTable, into c: inout ProjectConfig) {
        guard var r = t.table("restart", known: restartKeys) else { return }
        defer { t.absorb(r) }
        if let p = r.string("policy") {
            if let mode = RestartPolicy.Mode(rawValue: p) { c.restart.mode = mode } else {
                r.fail("policy", "unknown policy \"\(p)\"", hint: "use always, on-failure or never")
            }
        }
        if let i = r.integer("max_tries", in: 0...1000) { c.restart.maxTries = i }
        if let d = r.number("backoff", in: 0...3600, unit: " seconds") { c.restart.initialDelay = d }
        if let d = r.number("backoff_max", in: 0...86400, unit: " seconds") { c.restart.maxDelay = d }
        if let d = r.number("jitter", in: 0...1) { c.restart.jitter = d }
        if let d = r.number("stable_after", in: 0...86400, unit: " seconds") { c.restart.stableAfter = d }
    }

    private static func limits(_ t: inout SchemaTable, into c: inout ProjectConfig) {
        guard var l = t.table("limits", known: limitsKeys) else { return }
        defer { t.absorb(l) }
        c.limits.cpus = l.number("cpu", in: ResourceLimits.cpuRange, unit: " cores")
        if let m = l.table["memory"] {
            if let s = m.stringValue {
                if let bytes = ResourceLimits.parseBytes(s) { c.limits.memoryBytes = bytes } else {
                    l.fail("memory", "not a size: \"\(s)\"", hint: "write 256M or 1G")
                }
            } else if let i = m.intValue, i > 0 { c.limits.memoryBytes = UInt64(i) }
            else { l.fail("memory", "expected a size such as \"256M\", found \(m.typeDescription == "an integer" ? String(m.intValue ?? 0) : m.typeDescription)") }
        }
        c.limits.pids = l.integer("pids", in: ResourceLimits.pidsRange)
        c.limits.openFiles = l.integer("nofile", in: ResourceLimits.openFilesRange)
    }

    private static func scalarString(_ v: TOMLValue) -> String? {
        switch v {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .float(let d): return d.isFinite ? String(d) : nil
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}
