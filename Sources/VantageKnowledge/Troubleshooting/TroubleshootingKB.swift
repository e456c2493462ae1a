import Foundation
import VantageCore
import VantageStore

/// The built-in troubleshooting knowledge base: recognises common failures in a project's error
/// output and suggests what to do, with a confidence and, where safe, an automated fix.
///
/// Learned fixes move a suggestion's confidence: the built-in confidence is the prior of a Beta
/// distribution worth `priorWeight` trials, and each recorded success or failure of the same fix
/// for the same problem kind is one more trial (posterior mean). A success raises it, a failure
/// lowers it.
public enum TroubleshootingKB {
    public static let priorWeight = 4.0

    /// Every problem recognised in `errorText`, most confident first (then by problem kind).
    public static func match(_ errorText: String, project: ProjectContext, learned: [LearnedFixRecord] = []) -> [Suggestion] {
        let lines = errorText.split(whereSeparator: \.isNewline).map(String.init)
        var found: [Suggestion] = []
        for rule in rules {
            if let s = rule(lines, errorText, project) { found.append(adjusted(s, by: learned)) }
        }
        return found.sorted { a, b in
            a.confidence != b.confidence ? a.confidence > b.confidence : a.problem.rawValue < b.problem.rawValue
        }
    }

    /// `suggestion` with its confidence moved by the learned outcomes of its fix.
    public static func adjusted(_ suggestion: Suggestion, by learned: [LearnedFixRecord]) -> Suggestion {
        let fixName = suggestion.automated?.name ?? "manual"
        guard let record = learned.first(where: { $0.signature == suggestion.signature && $0.fix == fixName }) else {
            return suggestion
        }
        var s = suggestion
        let trials = Double(record.successes + record.failures)
        s.confidence = (suggestion.confidence * priorWeight + Double(record.successes)) / (priorWeight + trials)
        return s
    }

    typealias Rule = @Sendable (_ lines: [String], _ text: String, _ project: ProjectContext) -> Suggestion?

    static let rules: [Rule] = [
        addressInUse, moduleNotFound, permissionDenied, connectionRefused, outOfMemory, diskFull,
        syntaxError, versionMismatch, missingEnvVariable, missingToolchain,
    ]

    // MARK: rules

    static let addressInUse: Rule = { lines, _, project in
        guard let m = TextMatch.first(#"EADDRINUSE|address already in use|Only one usage of each socket address"#, in: lines,
                                      caseInsensitive: true) else { return nil }
        // Node: "EADDRINUSE: address already in use :::3000"; Go: "listen tcp :8080: bind: ...".
        let port = TextMatch.first(#":(\d{2,5})\b"#, in: [m.line]).flatMap { Int($0.groups[1]) } ?? project.ports.first
        let which = port.map { "Port \($0)" } ?? "The port"
        return Suggestion(problem: .addressInUse, title: "\(which) is already in use",
                          explanation: "\(project.name) could not listen because another process holds \(port.map { "port \($0)" } ?? "its port"). "
                              + "Stop that process, or let Vantage give \(project.name) a free port and restart it.",
                          confidence: 0.9, automated: .reassignPort(busy: port), evidence: m.line)
    }

    static let moduleNotFound: Rule = { lines, _, project in
        if let m = TextMatch.first(#"(?:ModuleNotFoundError|ImportError): No module named '?([A-Za-z0-9_.\-]+)'?"#, in: lines) {
            let module = m.groups[1]
            let top = String(module.split(separator: ".").first ?? Substring(module))
            let declared = project.declaredDependency(forModule: module, ecosystem: "pypi")
                ?? project.declaredDependency(forModule: top, ecosystem: "pypi")
            return missingPackage(module: top, declared: declared, manager: .pip, manifest: "requirements.txt", project: project, evidence: m.line)
        }
        if let m = TextMatch.first(#"Cannot find module '([^']+)'"#, in: lines) {
            let module = m.groups[1]
            if module.hasPrefix(".") || module.hasPrefix("/") {
                return Suggestion(problem: .moduleNotFound, title: "A local file \(module) is missing",
                                  explanation: "\(project.name) requires \(module), a file of its own that does not exist. "
                                      + "Check the path, or build the project first if the file is generated.",
                                  confidence: 0.7, evidence: m.line)
            }
            // "@scope/pkg/sub" → "@scope/pkg"; "pkg/sub" → "pkg".
            let parts = module.split(separator: "/")
            let package = module.hasPrefix("@") && parts.count > 1 ? parts[0] + "/" + parts[1] : String(parts.first ?? "")
            let declared = project.declaredDependency(forModule: String(package), ecosystem: "npm")
            return missingPackage(module: String(package), declared: declared, manager: .npm, manifest: "package.json", project: project, evidence: m.line)
        }
        return nil
    }

    static func missingPackage(module: String, declared: Dependency?, manager: PackageManager, manifest: String,
                               project: ProjectContext, evidence: String) -> Suggestion {
        if let declared {
            return Suggestion(problem: .moduleNotFound, title: "\(declared.name) is declared but not installed",
                              explanation: "\(project.name) imports \(module), which \(manifest) declares as \(declared.name), "
                                  + "but it is not installed in the project's \(manager.environment). Install it with \(manager.rawValue).",
                              confidence: 0.9, automated: .installDependency(name: declared.name, manager: manager), evidence: evidence)
        }
        return Suggestion(problem: .moduleNotFound, title: "\(module) is missing and not declared",
                          explanation: "\(project.name) imports \(module), but \(manifest) does not declare it. Add the package that "
                              + "provides \(module) to \(manifest), then install it into \(manager.environment).",
                          confidence: 0.6, evidence: evidence)
    }

    static let permissionDenied: Rule = { lines, _, project in
        guard let m = TextMatch.first(#"EACCES|Permission denied|PermissionError|Operation not permitted|EPERM"#, in: lines,
                                      caseInsensitive: true) else { return nil }
        if let port = TextMatch.first(#":(\d{1,4})\b"#, in: [m.line]).flatMap({ Int($0.groups[1]) }), port < 1024,
           m.line.lowercased().contains("listen") || m.line.lowercased().contains("bind") {
            return Suggestion(problem: .permissionDenied, title: "Port \(port) needs root",
                              explanation: "Ports below 1024 are privileged on Linux. Let \(project.name) listen on a free port above 1024.",
                              confidence: 0.85, automated: .reassignPort(busy: port), evidence: m.line)
        }
        let path = TextMatch.first(#"['"](/[^'"]+)['"]"#, in: [m.line])?.groups[1]
        return Suggestion(problem: .permissionDenied, title: "Permission denied\(path.map { " on \($0)" } ?? "")",
                          explanation: "\(project.name) was refused access\(path.map { " to \($0)" } ?? ""). Check the file's owner and "
                              + "mode (ls -l), or point the project at a folder it may write to.",
                          confidence: 0.7, evidence: m.line)
    }

    static let wellKnownServices: [Int: String] = [
        5432: "PostgreSQL", 3306: "MySQL", 6379: "Redis", 27017: "MongoDB", 5672: "RabbitMQ",
        9200: "Elasticsearch", 11211: "Memcached", 9092: "Kafka", 2181: "ZooKeeper", 8500: "Consul",
    ]

    static let connectionRefused: Rule = { lines, _, project in
        guard let m = TextMatch.first(#"ECONNREFUSED|Connection refused|connection refused"#, in: lines) else { return nil }
        // "connect ECONNREFUSED 127.0.0.1:5432", "dial tcp [::1]:6379: ...", psycopg's "port 5432 failed".
        let port = (TextMatch.first(#"(?:\d|\]|localhost):(\d{2,5})\b"#, in: [m.line]) ?? TextMatch.first(#"port (\d{2,5})"#, in: [m.line]))
            .flatMap { Int($0.groups[1]) }
        let service = port.flatMap { wellKnownServices[$0] }
        let target = service.map { "\($0) on port \(port!)" } ?? port.map { "the service on port \($0)" } ?? "a service it needs"
        return Suggestion(problem: .connectionRefused, title: "Cannot reach \(target)",
                          explanation: "\(project.name) was refused a connection to \(target): it is not running or not ready yet. "
                              + "Start it first (a compose service, a container), then restart \(project.name); "
                              + "restarting with backoff waits for a dependency that is still starting.",
                          confidence: 0.75, automated: .restartWithBackoff, evidence: m.line)
    }

    static let outOfMemory: Rule = { lines, _, project in
        guard let m = TextMatch.first(
            #"MemoryError|heap out of memory|out of memory|OOMKilled|oom-kill|OOM kill|Cannot allocate memory|ENOMEM|exit status 137|signal 9 \(SIGKILL\)|killed by signal 9"#,
            in: lines, caseInsensitive: true) else { return nil }
        return Suggestion(problem: .outOfMemory, title: "\(project.name) ran out of memory",
                          explanation: "The process needed more memory than it may use and was stopped. Raise its memory limit by "
                              + "the recommended amount, or find what grows (a cache, a leak, a large input).",
                          confidence: 0.85, automated: .raiseMemoryLimit, evidence: m.line)
    }

    static let diskFull: Rule = { lines, _, project in
        guard let m = TextMatch.first(#"ENOSPC|No space left on device|disk full|Disk quota exceeded"#, in: lines,
                                      caseInsensitive: true) else { return nil }
        return Suggestion(problem: .diskFull, title: "The disk is full",
                          explanation: "\(project.name) could not write because its file system has no space left. Free space "
                              + "(old logs, build caches, docker system prune) and restart it. Vantage will not delete files for you.",
                          confidence: 0.9, evidence: m.line)
    }

    static let syntaxError: Rule = { lines, _, project in
        guard let m = TextMatch.first(#"SyntaxError|IndentationError|TabError|Unexpected token|syntax error|ParseError"#, in: lines)
        else { return nil }
        let location = TextMatch.first(#"File "([^"]+)", line (\d+)"#, in: lines).map { "\($0.groups[1]):\($0.groups[2])" }
            ?? TextMatch.first(#"(\S+\.(?:js|mjs|cjs|ts)):(\d+)"#, in: lines).map { "\($0.groups[1]):\($0.groups[2])" }
        return Suggestion(problem: .syntaxError, title: "Syntax error\(location.map { " in \($0)" } ?? "")",
                          explanation: "\(project.name) stopped at start because its code does not parse\(location.map { " (\($0))" } ?? ""). "
                              + "Fix the line shown, or check that the interpreter is the version the code is written for.",
                          confidence: 0.8, evidence: m.line)
    }

    static let versionMismatch: Rule = { lines, _, project in
        guard let m = TextMatch.first(
            #"requires (?:a different )?Python|Unsupported engine|version mismatch|NODE_MODULE_VERSION|was compiled against a different|incompatible version|requires Node|engine "node" is incompatible|unsupported version|is not supported by this version"#,
            in: lines, caseInsensitive: true) else { return nil }
        return Suggestion(problem: .versionMismatch, title: "A version does not match",
                          explanation: "\(project.name) or one of its packages expects another version of the runtime or of a "
                              + "dependency. Use the version the project declares (.python-version, engines, go.mod), or reinstall "
                              + "its dependencies for the runtime in use.",
                          confidence: 0.6, evidence: m.line)
    }

    static let missingEnvVariable: Rule = { lines, text, project in
        let patterns = [
            #"KeyError: '([A-Za-z_][A-Za-z0-9_]*)'"#,
            #"(?:environment variable|env var|env variable)s? ['"`]?([A-Z_][A-Z0-9_]*)['"`]? (?:is )?(?:not set|missing|required|undefined)"#,
            #"(?:Missing|missing|Required|required) (?:required )?(?:environment|env) (?:variable|var)s?:? ['"`]?([A-Z_][A-Z0-9_]*)"#,
            #"\b([A-Z][A-Z0-9_]{2,})['"`]? (?:is not set|must be set|is not defined|is required|is undefined)"#,
        ]
        for (i, pattern) in patterns.enumerated() {
            guard let m = TextMatch.first(pattern, in: lines) else { continue }
            let key = m.groups[1]
            // A KeyError is about the environment only when the traceback reads os.environ (or the key looks like one).
            // (`<frozen os>`/`os.py` is the frame of os.environ.__getitem__ when the source line is not shown.)
            let fromEnviron = ["environ", "getenv", "<frozen os>", "/os.py\""].contains { text.contains($0) }
            if i == 0 && !fromEnviron && key != key.uppercased() { continue }
            return Suggestion(problem: .missingEnvVariable, title: "The environment variable \(key) is not set",
                              explanation: "\(project.name) reads \(key) from its environment and it is missing. Set it in the "
                                  + "project's environment, or let Vantage copy it from another environment of the project.",
                              confidence: i == 0 && !fromEnviron ? 0.6 : 0.85,
                              automated: .fillEnvFromOtherEnvironment(key: key), evidence: m.line)
        }
        return nil
    }

    static let missingToolchain: Rule = { lines, _, project in
        // Vantage's own launch note ("go is not installed, so go-service cannot start"), a shell's
        // "sh: 1: cargo: not found" / "bash: go: command not found".
        guard let m = TextMatch.first(#"\b([A-Za-z][A-Za-z0-9_.+\-]*) is not installed\b"#, in: lines)
            ?? TextMatch.first(#"(?:^|: )([A-Za-z][A-Za-z0-9_.+\-]*): (?:command )?not found"#, in: lines) else { return nil }
        let tool = m.groups[1]
        return Suggestion(problem: .missingToolchain, title: "\(tool) is not installed",
                          explanation: "\(project.name) is started with \(tool), which is not on this machine's PATH. Install "
                              + "\(tool) (or put it on PATH) and start \(project.name) again; restarting alone cannot help.",
                          confidence: 0.9, evidence: m.line)
    }
}
