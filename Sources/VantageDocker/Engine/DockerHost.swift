import Foundation
import VantageCore

/// A Docker host address (`DOCKER_HOST`, a context, `[[docker.engines]] host`), checked before it
/// is used: `unix:///absolute/path.sock` (a path that fits in a socket address), or
/// `tcp://host:port` / `http://host:port` with a host and a port in 1–65535 (2375 when omitted;
/// `[::1]:2375` for IPv6). Anything else is a configuration error that names the value.
public struct DockerHost: Sendable, Equatable {
    public enum Address: Sendable, Equatable {
        case unix(path: String)
        case tcp(host: String, port: Int)
    }
    public var address: Address

    /// The longest unix socket path (sun_path holds 108 bytes with the terminating NUL).
    static let maxSocketPathBytes = 107
    static let defaultTCPPort = 2375

    public static func parse(_ text: String) throws(VantageError) -> DockerHost {
        let hint = "use unix:///path/to/docker.sock or tcp://host:port"
        func bad(_ why: String) -> VantageError {
            VantageError(.config, "the Docker host '\(TerminalText.escaped(text))' \(why)", hint: hint)
        }
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw bad("needs an absolute socket path") }
            guard path.utf8.count <= maxSocketPathBytes else { throw bad("has a socket path longer than \(maxSocketPathBytes) bytes") }
            guard !path.contains("\0") else { throw bad("has a NUL byte in its path") }
            return DockerHost(address: .unix(path: path))
        }
        let rest: Substring
        if text.hasPrefix("tcp://") { rest = text.dropFirst("tcp://".count) }
        else if text.hasPrefix("http://") { rest = text.dropFirst("http://".count) }
        else { throw bad("is not supported") }
        var authority = rest
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.isEmpty else { throw bad("names no host") }
        guard !authority.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "@" || $0.isWhitespace }) else {
            throw bad("must be only host:port")
        }
        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw bad("has an unclosed '[' in its IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw bad("must be [address]:port") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
            guard !host.contains(":") else { throw bad("has an IPv6 address that needs brackets: [address]:port") }
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw bad("names no host") }
        var port = defaultTCPPort
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(portText) else {
                throw bad("has a port that is not a number")
            }
            guard (1...65535).contains(p) else { throw bad("has port \(p), outside 1-65535") }
            port = p
        }
        return DockerHost(address: .tcp(host: String(host), port: port))
    }

    /// The base URL async-http-client understands.
    public var baseURL: String {
        switch address {
        case .unix(let path):
            return "http+unix://" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path)
        case .tcp(let host, let port):
            return "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        }
    }
}
