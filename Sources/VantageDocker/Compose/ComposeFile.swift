import Foundation
import VantageCore
import Yams

/// The parts of a compose file Vantage starts containers from. Parsed with a YAML library;
/// errors name the file, the line and the field.
public struct ComposeFile: Sendable, Equatable {
    public struct Service: Sendable, Equatable {
        public var name: String
        public var image: String?
        /// `command:` as an argv (a string is split by the shell, so it is wrapped in `sh -c`).
        public var command: [String]?
        public var environment: [String: String]
        public var labels: [String: String]
        /// Host ports published ("8080:80" → 8080).
        public var publishedPorts: [Int]
        public var dependsOn: [String]
        public var networkMode: String?
        public var memLimit: Int64?
        public var cpus: Double?
    }

    public var path: String
    /// The compose project name: `name:` in the file, else the folder name (lowercased, as compose does).
    public var projectName: String
    public var services: [Service]

    public static func load(path: String) throws(VantageError) -> ComposeFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw VantageError(.io, "cannot read the compose file", at: SourceLocation(file: path))
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(VantageError) -> ComposeFile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw VantageError(.config, "the compose file is empty", at: SourceLocation(file: path, line: 1))
            }
            root = node
        } catch let e as VantageError {
            throw e
        } catch let e as YamlError {
            throw VantageError(.config, "not valid YAML: \(Self.describe(e))", at: SourceLocation(file: path, line: Self.line(of: e)))
        } catch {
            throw VantageError(.config, "not valid YAML: \(error)", at: SourceLocation(file: path))
        }
        guard let map = root.mapping else {
            throw VantageError(.config, "expected a mapping with 'services:'", at: SourceLocation(file: path, line: root.mark.map { $0.line }))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        let name = map["name"]?.string ?? folder.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard let servicesNode = map["services"] else {
            throw VantageError(.config, "no 'services:' section", at: SourceLocation(file: path, line: 1, field: "services"))
        }
        guard let services = servicesNode.mapping else {
            throw VantageError(.config, "expected a mapping of services", at: SourceLocation(file: path, line: servicesNode.mark?.line, field: "services"))
        }
        var out: [Service] = []
        for (key, value) in services {
            guard let serviceName = key.string else { continue }
            let field = "services.\(serviceName)"
            guard let s = value.mapping else {
                throw VantageError(.config, "expected a mapping", at: SourceLocation(file: path, line: value.mark?.line, field: field))
            }
            var command: [String]?
            if let c = s["command"] {
                if let str = c.string { command = ["sh", "-c", str] }
                else if let seq = c.sequence { command = seq.compactMap(\.string) }
                else { throw VantageError(.config, "expected a string or a list", at: SourceLocation(file: path, line: c.mark?.line, field: field + ".command")) }
            }
            var ports: [Int] = []
            for p in s["ports"]?.sequence ?? [] {
                if let str = p.string ?? p.int.map(String.init) {
                    // "8080:80", "127.0.0.1:8080:80", "8080:80/tcp", "80" (no host port: nothing published)
                    let parts = str.split(separator: "/")[0].split(separator: ":")
                    if parts.count >= 2, let host = Int(parts[parts.count - 2]) { ports.append(host) }
                } else if let m = p.mapping, let published = m["published"].flatMap({ $0.int ?? $0.string.flatMap(Int.init) }) {
                    ports.append(published)
                }
            }
            var dependsOn: [String] = []
            if let d = s["depends_on"] {
                if let seq = d.sequence { dependsOn = seq.compactMap(\.string) }
                else if let m = d.mapping { dependsOn = m.keys.compactMap(\.string) }
            }
            out.append(Service(name: serviceName, image: s["image"]?.string, command: command,
                               environment: Self.keyValues(s["environment"]), labels: Self.keyValues(s["labels"]),
                               publishedPorts: ports, dependsOn: dependsOn, networkMode: s["network_mode"]?.string,
                               memLimit: s["mem_limit"]?.string.flatMap(ByteSize.parse) ?? s["mem_limit"]?.int.map(Int64.init),
                               cpus: s["cpus"]?.float ?? s["cpus"]?.string.flatMap(Double.init)))
        }
        return ComposeFile(path: path, projectName: name, services: out)
    }

    /// Services in an order that starts dependencies first.
    public var startOrder: [Service] {
        var done: [String] = [], result: [Service] = []
        func visit(_ s: Service, _ depth: Int) {
            guard !done.contains(s.name), depth < 64 else { return }
            for d in s.dependsOn { if let dep = services.first(where: { $0.name == d }) { visit(dep, depth + 1) } }
            if !done.contains(s.name) { done.append(s.name); result.append(s) }
        }
        services.forEach { visit($0, 0) }
        return result
    }

    private static func keyValues(_ node: Node?) -> [String: String] {
        guard let node else { return [:] }
        if let m = node.mapping {
            var out: [String: String] = [:]
            for (k, v) in m { if let key = k.string { out[key] = v.string ?? "" } }
            return out
        }
        var out: [String: String] = [:]
        for item in node.sequence ?? [] {
            guard let s = item.string else { continue }
            let kv = s.split(separator: "=", maxSplits: 1)
            out[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        return out
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// "256m", "1g", "512k", "1024" → bytes.
public enum ByteSize {
    public static func parse(_ text: String) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int64)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            return Double(t.dropLast(suffix.count)).map { Int64($0 * Double(factor)) }
        }
        return Int64(t)
    }
}
