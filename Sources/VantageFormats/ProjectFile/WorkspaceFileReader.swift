import Foundation
import VantageCore

/// A workspace's `vantage.toml`: the Docker engines to watch (`[[docker.engines]]` with `name`
/// and `host`), the other hosts' daemons the console attaches to (`[[hosts]]` with `name`, `url`
/// and `vantage`), what projects may do (`[projects] allow_paths_outside`), whether the
/// pressure governor runs (`[resources] governor`), where the daemon serves its HTTP API
/// (`[api] listen`, `tls_cert`, `tls_key`), the alert rules (`[[alerts]]` with `when` and an
/// optional `project`) and where notifications go (`[[notify]]`, NotifyTarget).
public struct WorkspaceFile: Sendable, Equatable {
    /// A host whose daemon the console attaches to, as `vantage --connect URL` does.
    public struct Host: Sendable, Equatable {
        /// Shown on the grid and qualifying its projects' ids; the URL's host when not given.
        public var name: String
        public var url: HostURL
        /// The remote `vantage` to run over ssh (default: `vantage` on the remote PATH).
        public var vantage: String?
        public var line: Int
    }

    public struct Engine: Sendable, Equatable {
        public var name: String
        public var host: String
        public var line: Int
        /// `docker.engines[0]`.
        public var field: String
    }

    /// An alert rule the daemon evaluates: `when` (AlertCondition), on one project or on each.
    public struct Alert: Sendable, Equatable {
        public var condition: AlertCondition
        /// The project's name as the grid shows it; nil: every project.
        public var project: String?
        public var line: Int
        /// `alerts[0]`.
        public var field: String
    }

    public var file: String
    public var engines: [Engine] = []
    public var alerts: [Alert] = []
    public var notify: [NotifyTarget] = []
    public var hosts: [Host] = []
    /// Whether a project's `cwd` and `templates` may name paths outside the project folder.
    public var allowPathsOutside = false
    /// `[resources] governor = true`: throttle lower-priority projects under pressure (off otherwise).
    public var governor = false
    /// `[api] listen = "127.0.0.1:7700"`: the daemon serves its HTTP API there.
    public var apiListen: ListenAddress?
    /// `[api] tls_cert` and `tls_key`: PEM files; required for an address other than loopback.
    public var apiTLSCertificate: String?
    public var apiTLSKey: String?
    /// Unknown keys.
    public var warnings: [VantageError] = []
}

/// The one schema of `vantage.toml`.
public enum WorkspaceFileReader {
    public static let fileName = "vantage.toml"

    /// The workspace file at `root`, nil when there is none. Errors are thrown with file, line and field.
    public static func read(root: String) throws(VantageError) -> WorkspaceFile? {
        let path = root + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try parse(try TOMLParser.parse(contentsOf: path), file: path)
    }

    /// The nearest `vantage.toml` in a folder above `projectPath`, if one can be read.
    public static func enclosing(_ projectPath: String) -> WorkspaceFile? {
        var folder = (projectPath as NSString).standardizingPath
        while folder != "/" && !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: folder + "/" + fileName) {
                return try? read(root: folder)
            }
        }
        return nil
    }

    public static func parse(_ root: TOMLTable, file: String) throws(VantageError) -> WorkspaceFile {
        var config = WorkspaceFile(file: file)
        var t = SchemaTable(root, file: file, known: ["docker", "hosts", "projects", "resources", "api", "alerts", "notify"])
        if var docker = t.table("docker", known: ["engines"]) {
            if let v = docker.table["engines"] {
                if let items = v.arrayValue {
                    for (i, item) in items.enumerated() {
                        let field = "docker.engines[\(i)]"
                        guard let e = item.tableValue else {
                            docker.fail("engines", "expected a table, found \(item.typeDescription)")
                            continue
                        }
                        var engine = SchemaTable(e, file: file, path: field, known: ["name", "host"])
                        if let host = engine.string("host", nonEmpty: true) {
                            config.engines.append(WorkspaceFile.Engine(name: engine.string("name", nonEmpty: true) ?? host, host: host,
                                                                         line: e.line(of: "host") ?? e.line, field: field + ".host"))
                        } else if e["host"] == nil {
                            engine.errors.append(VantageError(.config, "each engine needs host = \"unix:///…\" or \"tcp://…\"",
                                                              at: SourceLocation(file: file, line: e.line > 0 ? e.line : nil, field: field + ".host")))
                        }
                        docker.absorb(engine)
                    }
                } else {
                    docker.fail("engines", "expected [[docker.engines]] tables, found \(v.typeDescription)")
                }
            }
            t.absorb(docker)
        }
        if let v = t.table["hosts"] {
            if let items = v.arrayValue {
                for (i, item) in items.enumerated() {
                    let field = "hosts[\(i)]"
                    guard let h = item.tableValue else {
                        t.fail("hosts", "expected a table, found \(item.typeDescription)")
                        continue
                    }
                    var host = SchemaTable(h, file: file, path: field, known: ["name", "url", "vantage"])
                    let name = host.string("name", nonEmpty: true)
                    let vantage = host.string("vantage", nonEmpty: true)
                    if let text = host.string("url", nonEmpty: true) {
                        switch HostURL.parse(text) {
                        case .success(let url):
                            let chosen = name ?? url.defaultName
                            if !HostURL.isValidName(chosen) {
                                host.fail(name == nil ? "url" : "name", "the host name \"\(TerminalText.escaped(chosen))\" cannot name a host: use letters, digits, '.', '-' or '_' (no ':', '@', '/' or spaces)")
                            } else if config.hosts.contains(where: { $0.name == chosen }) || chosen == "local" {
                                host.fail(name == nil ? "url" : "name", "the host name \"\(chosen)\" is used twice (\"local\" is this machine's daemon)", hint: "give each [[hosts]] entry its own name")
                            } else {
                                config.hosts.append(WorkspaceFile.Host(name: chosen, url: url, vantage: vantage, line: h.line(of: "url") ?? h.line))
                            }
                        case .failure(let problem):
                            host.fail("url", problem.message)
                        }
                    } else if h["url"] == nil {
                        host.errors.append(VantageError(.config, "each host needs url = \"ssh://user@host[:port]\" or \"unix:///path/to/vantage.sock\"",
                                                        at: SourceLocation(file: file, line: h.line > 0 ? h.line : nil, field: field + ".url")))
                    }
                    t.absorb(host)
                }
            } else {
                t.fail("hosts", "expected [[hosts]] tables, found \(v.typeDescription)")
            }
        }
        if let v = t.table["alerts"] {
            if let items = v.arrayValue {
                for (i, item) in items.enumerated() {
                    let field = "alerts[\(i)]"
                    guard let a = item.tableValue else {
                        t.fail("alerts", "expected a table, found \(item.typeDescription)")
                        continue
                    }
                    var alert = SchemaTable(a, file: file, path: field, known: ["when", "project"])
                    let project = alert.string("project", nonEmpty: true)
                    if let text = alert.string("when", nonEmpty: true) {
                        switch AlertCondition.parse(text) {
                        case .success(let condition):
                            config.alerts.append(WorkspaceFile.Alert(condition: condition, project: project, line: a.line(of: "when") ?? a.line, field: field))
                        case .failure(let problem):
                            alert.fail("when", problem.message)
                        }
                    } else if a["when"] == nil {
                        alert.errors.append(VantageError(.config, "each alert needs when = \"METRIC OP VALUE [for DURATION]\", e.g. when = \"cpu > 80% for 2m\"",
                                                         at: SourceLocation(file: file, line: a.line > 0 ? a.line : nil, field: field + ".when")))
                    }
                    t.absorb(alert)
                }
            } else {
                t.fail("alerts", "expected [[alerts]] tables, found \(v.typeDescription)")
            }
        }
        config.notify = notifyTargets(&t, file: file)
        if var projects = t.table("projects", known: ["allow_paths_outside"]) {
            config.allowPathsOutside = projects.bool("allow_paths_outside") ?? false
            t.absorb(projects)
        }
        if var resources = t.table("resources", known: ["governor"]) {
            config.governor = resources.bool("governor") ?? false
            t.absorb(resources)
        }
        if var api = t.table("api", known: ["listen", "tls_cert", "tls_key"]) {
            if let text = api.string("listen", nonEmpty: true) {
                switch ListenAddress.parse(text) {
                case .success(let address): config.apiListen = address
                case .failure(let problem): api.fail("listen", problem.message)
                }
            }
            config.apiTLSCertificate = api.string("tls_cert", nonEmpty: true)
            config.apiTLSKey = api.string("tls_key", nonEmpty: true)
            t.absorb(api)
        }
        try t.errors.throwFirst()
        config.warnings = t.warnings
        return config
    }
}
