import Foundation
import VantageCore
import Yams

/// A Compose file (`compose.yaml`, `docker-compose.yml`, ...), read with Yams. The one reader for
/// the scanner (the host ports a stack publishes) and Docker (the services it starts).
///
/// `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$VAR` in ports are resolved from the
/// variables given (the folder's `.env`). Only host-side ports are listed: a bare container port
/// ("80") publishes a random host port. Every problem names the file, the line and the field; a
/// service with a bad port keeps its other ports.
public struct ComposeFile: Sendable, Equatable {
    public static let fileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]

    public struct Service: Sendable, Equatable {
        public var name: String
        /// Line of the service's key.
        public var line: Int?
        public var image: String?
        /// `command:` as an argv (a string is split by the shell, so it is wrapped in `sh -c`).
        public var command: [String]?
        public var environment: [String: String]
        public var labels: [String: String]
        /// Host ports published ("8080:80" → 8080, "9000-9001:9000-9001" → 9000, 9001).
        public var publishedPorts: [Int]
        public var dependsOn: [String]
        public var networkMode: String?
        public var memLimit: Int64?
        public var cpus: Double?
    }

    public var path: String
    /// The compose project name: `name:` in the file, else the folder name (lower-cased, as compose does).
    public var projectName: String
    public var services: [Service]
    /// Everything that could not be read, each with file, line and field.
    public var problems: [VantageError] = []

    /// Reads a compose file, resolving variables from the `.env` beside it, and accepts it only when
    /// all of it can be read (Docker starts containers from it).
    public static func load(path: String) throws(VantageError) -> ComposeFile {
        let text = try FormatText.read(path)
        let folder = (path as NSString).deletingLastPathComponent
        let env = (try? DotEnvFile.read(folder + "/" + DotEnvFile.fileName))??.values ?? [:]
        let file = parse(text, path: path, environment: env)
        try file.problems.throwFirst()
        return file
    }

    /// Reads what it can; problems are collected, never thrown.
    public static func parse(_ text: String, path: String, environment: [String: String] = [:]) -> ComposeFile {
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        var file = ComposeFile(path: path, projectName: folder.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, services: [])
        let root: Node
        switch YAMLDocument.root(text, file: path) {
        case .failure(let error):
            file.problems.append(error)
            return file
        case .success(nil):
            file.problems.append(FormatText.problem(path, line: 1, "the compose file is empty", hint: "add a services: section"))
            return file
        case .success(let node?):
            root = node
        }
        guard let map = root.mapping else {
            file.problems.append(FormatText.problem(path, line: root.mark?.line, "expected a mapping with 'services:'"))
            return file
        }
        if let name = map["name"]?.scalar?.string { file.projectName = name }
        guard let servicesNode = map["services"] else {
            file.problems.append(FormatText.problem(path, line: 1, field: "services", "no 'services:' section"))
            return file
        }
        guard let services = servicesNode.mapping else {
            file.problems.append(FormatText.problem(path, line: servicesNode.mark?.line, field: "services", "expected a mapping of services"))
            return file
        }
        for (key, value) in services {
            guard let name = key.scalar?.string else {
                file.problems.append(FormatText.problem(path, line: key.mark?.line, field: "services", "a service name must be a string"))
                continue
            }
            var reader = ServiceReader(path: path, name: name, environment: environment)
            if let service = reader.read(value, line: key.mark?.line) { file.services.append(service) }
            file.problems += reader.problems
        }
        return file
    }

    /// Services in an order that starts dependencies first (cycles and unknown names are ignored).
    public var startOrder: [Service] {
        var done = Set<String>(), result: [Service] = []
        let byName = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for service in services {
            // Iterative depth-first walk: a long depends_on chain cannot overflow the stack.
            var stack: [(Service, Int)] = [(service, 0)]
            var onPath = Set<String>()
            while let (s, next) = stack.popLast() {
                if done.contains(s.name) { continue }
                onPath.insert(s.name)
                if next < s.dependsOn.count {
                    stack.append((s, next + 1))
                    if let dep = byName[s.dependsOn[next]], !done.contains(dep.name), !onPath.contains(dep.name) { stack.append((dep, 0)) }
                } else {
                    onPath.remove(s.name)
                    done.insert(s.name)
                    result.append(s)
                }
            }
        }
        return result
    }
}

/// Reads one service's mapping.
private struct ServiceReader {
    let path: String
    let name: String
    let environment: [String: String]
    var problems: [VantageError] = []

    init(path: String, name: String, environment: [String: String]) {
        self.path = path
        self.name = name
        self.environment = environment
    }

    mutating func problem(_ line: Int?, _ field: String, _ message: String, hint: String? = nil) {
        problems.append(FormatText.problem(path, line: line, field: "services.\(name)" + (field.isEmpty ? "" : ".\(field)"), message, hint: hint))
    }

    mutating func read(_ node: Node, line: Int?) -> ComposeFile.Service? {
        guard let s = node.mapping else {
            if node.scalar?.string.isEmpty == false || node.sequence != nil { problem(node.mark?.line, "", "expected a mapping") }
            return ComposeFile.Service(name: name, line: line, image: nil, command: nil, environment: [:], labels: [:],
                                       publishedPorts: [], dependsOn: [], networkMode: nil, memLimit: nil, cpus: nil)
        }
        var command: [String]?
        if let c = s["command"] {
            if let str = c.scalar?.string { command = ["sh", "-c", str] }
            else if let seq = c.sequence { command = seq.compactMap { $0.scalar?.string } }
            else { problem(c.mark?.line, "command", "expected a string or a list") }
        }
        var memLimit: Int64?
        if let m = s["mem_limit"]?.scalar {
            memLimit = ByteSize.parse(m.string)
            if memLimit == nil { problem(s["mem_limit"]?.mark?.line, "mem_limit", "not a size: \"\(m.string)\"", hint: "write 256m or 1g") }
        }
        var cpus: Double?
        if let c = s["cpus"]?.scalar {
            cpus = Double(c.string).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
            if cpus == nil { problem(s["cpus"]?.mark?.line, "cpus", "not a number of CPUs: \"\(c.string)\"", hint: "write 0.5 or 2") }
        }
        var dependsOn: [String] = []
        if let d = s["depends_on"] {
            if let seq = d.sequence { dependsOn = seq.compactMap { $0.scalar?.string } }
            else if let m = d.mapping { dependsOn = m.keys.compactMap { $0.scalar?.string } }
            else { problem(d.mark?.line, "depends_on", "expected a list or a mapping of service names") }
        }
        return ComposeFile.Service(name: name, line: line, image: s["image"]?.scalar?.string, command: command,
                                   environment: keyValues(s["environment"], field: "environment"),
                                   labels: keyValues(s["labels"], field: "labels"),
                                   publishedPorts: ports(s["ports"]), dependsOn: dependsOn,
                                   networkMode: s["network_mode"]?.scalar?.string, memLimit: memLimit, cpus: cpus)
    }

    mutating func ports(_ node: Node?) -> [Int] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            problem(node.mark?.line, "ports", "'ports' must be a list", hint: "for example ports: [\"8080:80\"]")
            return []
        }
        var out: [Int] = []
        for item in items {
            let spec: ComposePorts.Spec
            let written: String
            if let scalar = item.scalar {
                written = scalar.string
                spec = ComposePorts.hostPorts(written, env: environment)
            } else if let m = item.mapping {
                guard let published = m["published"]?.scalar else { continue }
                written = published.string
                spec = ComposePorts.publishedPorts(written, env: environment)
            } else {
                problem(item.mark?.line, "ports", "a port must be a string such as \"8080:80\" or a mapping with published:")
                continue
            }
            switch spec {
            case .ports(let ports): out += ports
            case .none: break
            case .invalid(let why):
                problem(item.mark?.line, "ports", "cannot read the port \"\(written)\": \(why)", hint: "write it as \"HOST:CONTAINER\", e.g. \"8080:80\"")
            }
        }
        return out
    }

    mutating func keyValues(_ node: Node?, field: String) -> [String: String] {
        guard let node else { return [:] }
        var out: [String: String] = [:]
        if let m = node.mapping {
            for (k, v) in m { if let key = k.scalar?.string { out[key] = v.scalar?.string ?? "" } }
        } else if let seq = node.sequence {
            for item in seq {
                guard let s = item.scalar?.string else { continue }
                let kv = s.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                out[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
        } else {
            problem(node.mark?.line, field, "expected a mapping or a list of KEY=value")
        }
        return out
    }
}
