import Foundation
import VantageCore

/// What a project's `.vantage.toml` says about running it. Every field is optional: without the file
/// the scanner's detection is used.
public struct ProjectConfig: Sendable, Equatable {
    public var command: String?
    /// Folder to run in, relative to the project folder.
    public var cwd: String?
    /// Variables for every environment (`env = { ... }` or `[env]` string keys).
    public var env: [String: EnvValue] = [:]
    /// `[env.<name>]` sections, by environment name.
    public var environments: [String: [String: EnvValue]] = [:]
    public var ports: [Int] = []
    public var dependsOn: [DependencyRequirement] = []
    public var readiness: ReadinessSpec?
    public var readinessTiming = ReadinessTiming()
    public var restart = RestartPolicy()
    public var limits = ResourceLimits()
    public var priority: PriorityLevel = .normal
    /// Template files (`config/app.yaml.tmpl`), rendered next to themselves without the `.tmpl` suffix.
    public var templates: [String] = []
    /// Seconds between SIGTERM and SIGKILL.
    public var stopTimeout: Double = 10
    /// Pause (freeze) this project when the machine is under pressure, instead of only throttling it.
    public var pauseUnderPressure = false
    /// The file it was read from, if any.
    public var file: String?

    public init() {}

    /// A value with the line it was written on, for provenance in `vantage env show`.
    public struct EnvValue: Sendable, Equatable {
        public var value: String
        public var line: Int
        public init(value: String, line: Int) {
            self.value = value
            self.line = line
        }
    }
}

/// Reads `.vantage.toml` into a `ProjectConfig`, with file, line and field in every error.
public enum ProjectConfigReader {
    public static let fileName = ".vantage.toml"

    /// Reads the project's `.vantage.toml`; a missing file gives the defaults.
    public static func read(projectPath: String) throws(VantageError) -> ProjectConfig {
        let path = projectPath + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return ProjectConfig() }
        let table = try TOMLParser.parse(contentsOf: path)
        return try parse(table, file: path)
    }

    public static func parse(_ root: TOMLTable, file: String) throws(VantageError) -> ProjectConfig {
        var c = ProjectConfig()
        c.file = file
        func fail(_ field: String, _ line: Int?, _ message: String) -> VantageError {
            VantageError(.config, message, at: SourceLocation(file: file, line: line, field: field))
        }
        func string(_ t: TOMLTable, _ key: String, _ path: String) throws(VantageError) -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.stringValue else { throw fail(path, t.line(of: key), "expected a string, found \(v.typeDescription)") }
            return s
        }
        func number(_ t: TOMLTable, _ key: String, _ path: String) throws(VantageError) -> Double? {
            guard let v = t[key] else { return nil }
            guard let d = v.doubleValue else { throw fail(path, t.line(of: key), "expected a number, found \(v.typeDescription)") }
            return d
        }
        func int(_ t: TOMLTable, _ key: String, _ path: String) throws(VantageError) -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.intValue else { throw fail(path, t.line(of: key), "expected an integer, found \(v.typeDescription)") }
            return Int(i)
        }

        c.command = try string(root, "command", "command")
        c.cwd = try string(root, "cwd", "cwd")
        if let v = root["ports"] {
            let line = root.line(of: "ports")
            if let i = v.intValue { c.ports = [Int(i)] }
            else if let a = v.arrayValue {
                for item in a {
                    guard let i = item.intValue, (1...65535).contains(i) else {
                        throw fail("ports", line, "expected port numbers between 1 and 65535, found \(item.typeDescription)")
                    }
                    c.ports.append(Int(i))
                }
            } else { throw fail("ports", line, "expected an array of port numbers, found \(v.typeDescription)") }
        }
        if let p = try string(root, "priority", "priority") {
            guard let level = PriorityLevel(rawValue: p) else {
                throw fail("priority", root.line(of: "priority"), "unknown priority \"\(p)\"; use critical, normal or background")
            }
            c.priority = level
        }
        if let t = root["templates"] {
            guard let a = t.arrayValue else { throw fail("templates", root.line(of: "templates"), "expected an array of paths, found \(t.typeDescription)") }
            for item in a {
                guard let s = item.stringValue else { throw fail("templates", root.line(of: "templates"), "expected a path string, found \(item.typeDescription)") }
                c.templates.append(s)
            }
        }
        if let s = try number(root, "stop_timeout", "stop_timeout") { c.stopTimeout = s }
        if let v = root["pause_under_pressure"] {
            guard let b = v.boolValue else { throw fail("pause_under_pressure", root.line(of: "pause_under_pressure"), "expected true or false") }
            c.pauseUnderPressure = b
        }

        // depends_on = ["db", "cache:healthy"] or [depends_on] db = "healthy"
        if let v = root["depends_on"] {
            let line = root.line(of: "depends_on")
            func condition(_ text: String) throws(VantageError) -> DependencyRequirement.Condition {
                guard let c = DependencyRequirement.Condition(rawValue: text) else {
                    throw fail("depends_on", line, "unknown condition \"\(text)\"; use started, healthy or completed")
                }
                return c
            }
            if let a = v.arrayValue {
                for item in a {
                    guard let s = item.stringValue else { throw fail("depends_on", line, "expected a project name, found \(item.typeDescription)") }
                    let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
                    c.dependsOn.append(DependencyRequirement(name: parts[0], condition: try condition(parts.count > 1 ? parts[1] : "started")))
                }
            } else if let t = v.tableValue {
                for e in t.entries {
                    guard let s = e.value.stringValue else { throw fail("depends_on.\(e.key)", e.line, "expected started, healthy or completed") }
                    c.dependsOn.append(DependencyRequirement(name: e.key, condition: try condition(s)))
                }
            } else { throw fail("depends_on", line, "expected an array of project names, found \(v.typeDescription)") }
        }

        if let v = root["env"] {
            guard let t = v.tableValue else { throw fail("env", root.line(of: "env"), "expected a table, found \(v.typeDescription)") }
            for e in t.entries {
                if let section = e.value.tableValue {
                    var vars: [String: ProjectConfig.EnvValue] = [:]
                    for item in section.entries {
                        guard let s = scalarString(item.value) else {
                            throw fail("env.\(e.key).\(item.key)", item.line, "expected a string or number, found \(item.value.typeDescription)")
                        }
                        vars[item.key] = .init(value: s, line: item.line)
                    }
                    c.environments[e.key] = vars
                } else if let s = scalarString(e.value) {
                    c.env[e.key] = .init(value: s, line: e.line)
                } else {
                    throw fail("env.\(e.key)", e.line, "expected a string or number, found \(e.value.typeDescription)")
                }
            }
        }

        if let v = root["readiness"] {
            guard let t = v.tableValue else { throw fail("readiness", root.line(of: "readiness"), "expected a table") }
            let kind = try string(t, "type", "readiness.type") ?? (t["path"] != nil ? "http" : t["pattern"] != nil ? "log" : t["command"] != nil ? "exec" : "tcp")
            let port = try int(t, "port", "readiness.port")
            switch kind {
            case "http": c.readiness = .http(path: try string(t, "path", "readiness.path") ?? "/", port: port)
            case "tcp": c.readiness = .tcp(port: port)
            case "exec":
                guard let cmd = try string(t, "command", "readiness.command") else {
                    throw fail("readiness.command", t.line, "an exec probe needs a command")
                }
                c.readiness = .exec(command: cmd)
            case "log":
                guard let p = try string(t, "pattern", "readiness.pattern") else {
                    throw fail("readiness.pattern", t.line, "a log probe needs a pattern")
                }
                guard (try? Regex(p)) != nil else { throw fail("readiness.pattern", t.line(of: "pattern"), "not a valid regular expression: \(p)") }
                c.readiness = .logLine(pattern: p)
            default:
                throw fail("readiness.type", t.line(of: "type"), "unknown probe \"\(kind)\"; use http, tcp, exec or log")
            }
            if let i = try number(t, "interval", "readiness.interval") { c.readinessTiming.interval = i }
            if let i = try number(t, "timeout", "readiness.timeout") { c.readinessTiming.timeout = i }
        }

        if let v = root["restart"] {
            guard let t = v.tableValue else { throw fail("restart", root.line(of: "restart"), "expected a table") }
            if let p = try string(t, "policy", "restart.policy") {
                guard let m = RestartPolicy.Mode(rawValue: p) else {
                    throw fail("restart.policy", t.line(of: "policy"), "unknown policy \"\(p)\"; use always, on-failure or never")
                }
                c.restart.mode = m
            }
            if let i = try int(t, "max_tries", "restart.max_tries") { c.restart.maxTries = i }
            if let d = try number(t, "backoff", "restart.backoff") { c.restart.initialDelay = d }
            if let d = try number(t, "backoff_max", "restart.backoff_max") { c.restart.maxDelay = d }
            if let d = try number(t, "jitter", "restart.jitter") {
                guard (0...1).contains(d) else { throw fail("restart.jitter", t.line(of: "jitter"), "jitter is a fraction between 0 and 1") }
                c.restart.jitter = d
            }
            if let d = try number(t, "stable_after", "restart.stable_after") { c.restart.stableAfter = d }
        }

        if let v = root["limits"] {
            guard let t = v.tableValue else { throw fail("limits", root.line(of: "limits"), "expected a table") }
            c.limits.cpus = try number(t, "cpu", "limits.cpu")
            if let m = t["memory"] {
                if let s = m.stringValue {
                    guard let b = ResourceLimits.parseBytes(s) else { throw fail("limits.memory", t.line(of: "memory"), "not a size: \"\(s)\" (write 256M or 1G)") }
                    c.limits.memoryBytes = b
                } else if let i = m.intValue, i > 0 { c.limits.memoryBytes = UInt64(i) }
                else { throw fail("limits.memory", t.line(of: "memory"), "expected a size such as \"256M\"") }
            }
            c.limits.pids = try int(t, "pids", "limits.pids")
            c.limits.openFiles = try int(t, "nofile", "limits.nofile")
        }
        return c
    }

    private static func scalarString(_ v: TOMLValue) -> String? {
        switch v {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}
