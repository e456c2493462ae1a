import Foundation
import VantageCore

/// A Compose file read by a small line-based reader that understands just what the scanner
/// needs: the `services:` names and each service's `ports:` (short syntax "8080:80",
/// "127.0.0.1:8080:80", "8000-8002:8000-8002", flow lists, and the long syntax's `published:`).
/// `${VAR}`, `${VAR:-default}` and `$VAR` are resolved from the folder's `.env`.
/// Only host-side ports are reported: a bare container port ("80") publishes a random host port.
struct ComposeFile: Equatable {
    static let fileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]

    struct Service: Equatable {
        var name: String
        var ports: [Int]
        var line: Int
    }
    var services: [Service] = []

    static func read(folder: String, files: Set<String>, env: [String: String],
                     warnings: inout ScanWarnings) -> KindEvidence? {
        guard let file = fileNames.first(where: files.contains) else { return nil }
        let path = folder + "/" + file
        var evidence = KindEvidence(kind: .compose, command: "docker compose up")
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        let compose = parse(text, path: path, env: env, warnings: &warnings)
        evidence.ports = compose.services.flatMap(\.ports)
        return evidence
    }

    static func parse(_ text: String, path: String, env: [String: String], warnings: inout ScanWarnings) -> ComposeFile {
        var result = ComposeFile()
        var inServices = false
        var serviceIndent: Int?
        var childIndent: Int?
        var portsIndent: Int? // indent of the `ports:` key while reading its items
        var lineNumber = 0

        func addPorts(_ spec: String, line: Int, published: Bool = false) {
            guard !result.services.isEmpty else { return }
            let field = "services.\(result.services[result.services.count - 1].name).ports"
            switch published ? publishedPorts(spec, env: env) : hostPorts(spec, env: env) {
            case .ports(let ports): result.services[result.services.count - 1].ports += ports
            case .none: break
            case .invalid(let why):
                warnings.add("cannot read the port \"\(unquote(spec))\": \(why)", file: path, line: line, field: field,
                             hint: "write it as \"HOST:CONTAINER\", e.g. \"8080:80\"")
            }
        }

        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            line = stripComment(line)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indentChars = line.prefix { $0 == " " || $0 == "\t" }
            if indentChars.contains("\t") {
                warnings.add("YAML does not allow tabs for indentation", file: path, line: lineNumber,
                             hint: "indent with spaces")
                continue
            }
            let indent = indentChars.count
            let content = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)

            if indent == 0 {
                inServices = content == "services:" || content.hasPrefix("services: ")
                serviceIndent = nil; childIndent = nil; portsIndent = nil
                continue
            }
            guard inServices else { continue }

            if let pIndent = portsIndent {
                if content.hasPrefix("-") && indent >= pIndent {
                    let item = content.dropFirst().trimmingCharacters(in: .whitespaces)
                    if let (key, value) = mappingPair(item) {
                        if key == "published" { addPorts(value, line: lineNumber, published: true) }
                    } else {
                        addPorts(item, line: lineNumber)
                    }
                    continue
                }
                if indent > pIndent {
                    if let (key, value) = mappingPair(content), key == "published" { addPorts(value, line: lineNumber, published: true) }
                    continue
                }
                portsIndent = nil
            }

            if serviceIndent == nil { serviceIndent = indent }
            if indent == serviceIndent {
                guard let (key, _) = mappingPair(content) ?? (content.hasSuffix(":") ? (String(content.dropLast()), "") : nil) else {
                    warnings.add("expected a service name followed by ':'", file: path, line: lineNumber, field: "services")
                    continue
                }
                result.services.append(Service(name: unquote(key), ports: [], line: lineNumber))
                childIndent = nil
                continue
            }
            if indent < serviceIndent! {
                warnings.add("unexpected indentation under 'services:'", file: path, line: lineNumber, field: "services")
                continue
            }
            if childIndent == nil { childIndent = indent }
            guard indent == childIndent else { continue }
            let pair = mappingPair(content) ?? (content.hasSuffix(":") ? (String(content.dropLast()), "") : nil)
            guard let (key, value) = pair, key == "ports" else { continue }
            if value.isEmpty {
                portsIndent = indent
            } else if value.hasPrefix("[") && value.hasSuffix("]") {
                for item in value.dropFirst().dropLast().split(separator: ",") {
                    let spec = item.trimmingCharacters(in: .whitespaces)
                    if !spec.isEmpty { addPorts(spec, line: lineNumber) }
                }
            } else {
                warnings.add("'ports' must be a list", file: path, line: lineNumber,
                             field: "services.\(result.services.last?.name ?? "?").ports")
            }
        }
        return result
    }

    enum PortSpec: Equatable {
        case ports([Int])
        case none
        case invalid(String)
    }

    /// The host ports a `ports:` entry publishes.
    static func hostPorts(_ rawSpec: String, env: [String: String]) -> PortSpec {
        guard let interpolated = interpolate(unquote(rawSpec), env: env) else { return .none }
        var spec = Substring(interpolated)
        if let slash = spec.firstIndex(of: "/") { spec = spec[..<slash] }
        // An IPv6 host address in brackets comes first: "[::1]:8080:80".
        if spec.hasPrefix("["), let close = spec.firstIndex(of: "]") {
            spec = spec[spec.index(after: close)...].drop { $0 == ":" }
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count == 2 ? range(String(parts[0])) : .invalid("expected HOST:CONTAINER after the address")
        }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return Int(parts[0]) != nil || parts[0].contains("-") ? .none : .invalid("not a port number")
        case 2: return range(parts[0])
        case 3: return parts[1].isEmpty ? .none : range(parts[1])
        default: return .invalid("too many ':'")
        }
    }

    /// The host ports of a long-syntax `published:` value ("8080" or "8000-8002").
    static func publishedPorts(_ rawSpec: String, env: [String: String]) -> PortSpec {
        guard let value = interpolate(unquote(rawSpec), env: env) else { return .none }
        return range(value)
    }

    private static func range(_ text: String) -> PortSpec {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds.last!),
              (1...65535).contains(low), (1...65535).contains(high), low <= high else {
            return .invalid("'\(text)' is not a port or a port range")
        }
        guard high - low < 1000 else { return .invalid("the range \(text) is too wide") }
        return .ports(Array(low...high))
    }

    /// Resolves `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$VAR`; nil if a variable is unset with no default.
    static func interpolate(_ text: String, env: [String: String]) -> String? {
        guard text.contains("$") else { return text }
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let body = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                if let sep = body.range(of: ":-") ?? body.range(of: "-") {
                    let name = String(body[..<sep.lowerBound])
                    let value = env[name].flatMap { $0.isEmpty && body[sep].hasPrefix(":") ? nil : $0 }
                    out += value ?? String(body[sep.upperBound...])
                } else {
                    guard let value = env[String(body)] else { return nil }
                    out += value
                }
            } else {
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                rest = rest.dropFirst(name.count)
                guard let value = env[String(name)] else { return nil }
                out += value
            }
        }
        return out + rest
    }

    /// "key: value" or "key:" as a YAML mapping pair; nil for a plain scalar such as "8080:80".
    static func mappingPair(_ content: String) -> (String, String)? {
        let keyEnd = content.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "\"" || $0 == "'" }
        guard !keyEnd.isEmpty, content.dropFirst(keyEnd.count).first == ":" else { return nil }
        let after = content.dropFirst(keyEnd.count + 1)
        guard after.isEmpty || after.first == " " else { return nil }
        return (unquote(String(keyEnd)), after.trimmingCharacters(in: .whitespaces))
    }

    static func unquote(_ s: String) -> String {
        if let q = s.first, q == "\"" || q == "'", s.count >= 2, s.last == q { return String(s.dropFirst().dropLast()) }
        return s
    }

    /// Drops a `#` comment that starts a line or follows whitespace, outside quotes.
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (i, c) in zip(line.indices, line) {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t") {
                return String(line[..<i])
            }
            previous = c
        }
        return line
    }
}
