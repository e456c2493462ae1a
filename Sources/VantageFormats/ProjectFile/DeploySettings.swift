import Foundation
import VantageCore

/// A project's `[deploy]` table in `.vantage.toml`: how `vantage deploy` makes and switches a release.
///
///     [deploy]
///     strategy = "release"              # release (blue-green, compose, swarm: not yet available)
///     target = "/srv/shop"              # the deploy folder; $VANTAGE_HOME/deploys/<project> when absent
///     keep = 5                          # releases kept (never the current or the previous one)
///     shared = [".env", "uploads"]      # linked into every release from <target>/shared
///     reload = "restart"                # or "sighup": what the supervised project gets after the switch
///     healthcheck = "/health"           # an HTTP path on the project's port, or { command = "..." }
///     healthcheck_timeout = "30s"
///     steps = ["npm ci", "npm test"]    # or [[deploy.steps]] name, command, timeout = "10m"
public struct DeploySettings: Sendable, Equatable {
    public enum Strategy: String, Sendable, Equatable, CaseIterable {
        case release
        case blueGreen = "blue-green"
        case compose
        case swarm
    }

    public enum Reload: String, Sendable, Equatable {
        case restart
        case sighup
    }

    /// One command of the pipeline, run in the new release's folder before the switch.
    public struct Step: Sendable, Equatable {
        public var name: String
        public var command: String
        /// Seconds; the step's process group is killed after it.
        public var timeout: Double

        public static let defaultTimeout: Double = 600

        public init(name: String, command: String, timeout: Double = Step.defaultTimeout) {
            self.name = name
            self.command = command
            self.timeout = timeout
        }
    }

    public var strategy: Strategy = .release
    /// Where `strategy` was written, for the "not yet available" error.
    public var strategyLocation: SourceLocation?
    /// nil when the file sets none: the detected CI workflow's steps, else the kind's.
    public var steps: [Step]?
    /// An HTTP path (`.http`) or a command (`.exec`), run through the readiness probe code.
    public var healthcheck: ReadinessSpec?
    public var healthcheckTimeout: Double = 30
    public var keep: Int = 5
    /// The deploy folder as written (absolute, or relative to the project folder).
    public var target: String?
    public var shared: [String] = []
    public var reload: Reload = .restart

    public init() {}

    static let keys = ["strategy", "target", "keep", "shared", "reload", "healthcheck", "healthcheck_timeout", "steps"]
    static let stepKeys = ["name", "command", "timeout"]
    static let healthcheckKeys = ["path", "port", "command"]
    public static let keepRange = 1 ... 1000

    /// Reads `[deploy]` from the project's table; problems go to `t` with file, line and field.
    static func read(_ t: inout SchemaTable) -> DeploySettings? {
        guard var d = t.table("deploy", known: keys) else { return nil }
        defer { t.absorb(d) }
        var s = DeploySettings()
        if let text = d.string("strategy") {
            if let strategy = Strategy(rawValue: text) {
                s.strategy = strategy
                s.strategyLocation = SourceLocation(file: d.file, line: d.line("strategy"), field: d.field("strategy"))
            } else {
                d.fail("strategy", "unknown strategy \"\(TerminalText.escaped(text))\"",
                       hint: "use \(Strategy.allCases.map(\.rawValue).joined(separator: ", ")) (only release is available yet)")
            }
        }
        s.target = d.string("target", nonEmpty: true, emptyHint: "write the deploy folder, or remove the key to use $VANTAGE_HOME/deploys")
        if let keep = d.integer("keep", in: keepRange) { s.keep = keep }
        s.shared = sharedEntries(&d)
        if let text = d.string("reload") {
            if let reload = Reload(rawValue: text) { s.reload = reload } else {
                d.fail("reload", "unknown reload \"\(TerminalText.escaped(text))\"", hint: "use restart or sighup")
            }
        }
        s.healthcheck = healthcheck(&d)
        if let seconds = d.duration("healthcheck_timeout") { s.healthcheckTimeout = seconds }
        s.steps = steps(&d)
        return s
    }

    /// `shared = [".env", "storage/uploads"]`: relative paths that stay inside the release.
    private static func sharedEntries(_ d: inout SchemaTable) -> [String] {
        guard let v = d.table["shared"] else { return [] }
        guard let items = v.arrayValue else {
            d.fail("shared", "expected an array of paths, found \(v.typeDescription)", hint: "for example shared = [\".env\", \"uploads\"]")
            return []
        }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue, !s.isEmpty else {
                d.fail("shared", "expected a path, found \(item.stringValue == nil ? item.typeDescription : "an empty string")")
                continue
            }
            let parts = s.split(separator: "/")
            guard !s.hasPrefix("/"), !parts.contains("..") else {
                d.fail("shared", "\"\(TerminalText.escaped(s))\" leaves the release folder", hint: "write a path inside it, like .env or storage/uploads")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// `healthcheck = "/health"`, `{ path = "/health", port = 8080 }` or `{ command = "..." }`.
    private static func healthcheck(_ d: inout SchemaTable) -> ReadinessSpec? {
        guard let v = d.table["healthcheck"] else { return nil }
        if let path = v.stringValue {
            guard path.hasPrefix("/") else {
                d.fail("healthcheck", "\"\(TerminalText.escaped(path))\" is not an HTTP path", hint: "write a path such as \"/health\", or { command = \"...\" }")
                return nil
            }
            return .http(path: path, port: nil)
        }
        guard var h = d.table("healthcheck", known: healthcheckKeys) else {
            return nil
        }
        defer { d.absorb(h) }
        if h.table["command"] != nil {
            return h.string("command", nonEmpty: true, emptyHint: "write a command that exits 0 when the new release works").map { .exec(command: $0) }
        }
        let port = h.integer("port", in: 1 ... 65535)
        guard let path = h.string("path") else {
            h.fail("path", "a healthcheck needs a path or a command", line: h.table.line > 0 ? h.table.line : nil,
                   hint: "healthcheck = \"/health\" or healthcheck = { command = \"...\" }")
            return nil
        }
        guard path.hasPrefix("/") else { h.fail("path", "\"\(TerminalText.escaped(path))\" is not an HTTP path", hint: "start it with /"); return nil }
        return .http(path: path, port: port)
    }

    /// `steps = ["make", "make test"]` or `[[deploy.steps]]` tables with name, command and timeout.
    private static func steps(_ d: inout SchemaTable) -> [Step]? {
        guard let v = d.table["steps"] else { return nil }
        guard let items = v.arrayValue else {
            d.fail("steps", "expected an array of commands or [[deploy.steps]] tables, found \(v.typeDescription)")
            return nil
        }
        var out: [Step] = []
        for (n, item) in items.enumerated() {
            if let command = item.stringValue {
                guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { d.fail("steps", "step \(n + 1) is an empty command"); continue }
                out.append(Step(name: "step \(n + 1)", command: command))
                continue
            }
            guard let table = item.tableValue else {
                d.fail("steps", "expected a command or a table, found \(item.typeDescription)")
                continue
            }
            var s = SchemaTable(table, file: d.file, path: d.field("steps"), known: stepKeys)
            defer { d.absorb(s) }
            guard let command = s.string("command", nonEmpty: true, emptyHint: "write the step's command") else {
                if table["command"] == nil { s.fail("command", "step \(n + 1) has no command", line: table.line > 0 ? table.line : nil) }
                continue
            }
            let name = s.string("name", nonEmpty: true) ?? "step \(n + 1)"
            out.append(Step(name: name, command: command, timeout: s.duration("timeout") ?? Step.defaultTimeout))
        }
        return out
    }
}
