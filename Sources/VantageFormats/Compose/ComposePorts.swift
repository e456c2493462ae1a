/// The host ports a compose `ports:` entry publishes, and compose's variable interpolation.
public enum ComposePorts {
    public enum Spec: Sendable, Equatable {
        case ports([Int])
        /// Nothing is published on a known host port (a bare container port, an unset variable).
        case none
        case invalid(String)
    }

    /// A short-syntax entry: "8080:80", "127.0.0.1:8443:443/tcp", "[::1]:8080:80", "9000-9001:9000-9001", "80".
    public static func hostPorts(_ rawSpec: String, env: [String: String]) -> Spec {
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

    /// A long-syntax `published:` value ("8080" or "8000-8002").
    public static func publishedPorts(_ rawSpec: String, env: [String: String]) -> Spec {
        guard let value = interpolate(unquote(rawSpec), env: env) else { return .none }
        return range(value)
    }

    private static func range(_ text: String) -> Spec {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]),
              (1...65535).contains(low), (1...65535).contains(high), low <= high else {
            return .invalid("'\(text)' is not a port or a port range")
        }
        guard high - low < 1000 else { return .invalid("the range \(text) is too wide") }
        return .ports(Array(low...high))
    }

    /// Resolves `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$VAR`; nil if a variable is unset with no default.
    public static func interpolate(_ text: String, env: [String: String]) -> String? {
        guard text.contains("$") else { return text }
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" { // "$$" is a literal dollar
                out += "$"
                rest = rest.dropFirst()
            } else if rest.first == "{", let close = rest.firstIndex(of: "}") {
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

    static func unquote(_ s: String) -> String {
        if let q = s.first, q == "\"" || q == "'", s.count >= 2, s.last == q { return String(s.dropFirst().dropLast()) }
        return s
    }
}
