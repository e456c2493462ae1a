import Foundation

/// Where a console reaches another host's Vantage daemon (`vantage --connect URL`, `url` of
/// `[[hosts]]` in `vantage.toml`): `ssh://[user@]host[:port]`, through the user's own `ssh`, or
/// `unix:///path/to/vantage.sock`, a daemon's control socket on this machine.
public struct HostURL: Sendable, Equatable, CustomStringConvertible {
    public enum Transport: Sendable, Equatable {
        case ssh(user: String?, host: String, port: Int?)
        case unix(socket: String)
    }

    public var transport: Transport
    /// As written.
    public var description: String

    /// Reads `text`, or says what is wrong with it (the caller adds where it was written).
    public static func parse(_ text: String) -> Result<HostURL, HostURLProblem> {
        func bad(_ why: String) -> Result<HostURL, HostURLProblem> { .failure(HostURLProblem(message: why)) }
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { return bad("a unix:// URL needs an absolute socket path, as in unix:///home/me/.vantage/vantage.sock") }
            guard !path.contains("\0") else { return bad("the socket path contains a NUL byte") }
            return .success(HostURL(transport: .unix(socket: path), description: text))
        }
        guard text.hasPrefix("ssh://") else {
            let scheme = text.range(of: "://").map { String(text[..<$0.lowerBound]) + "://" } ?? "no scheme"
            return bad("the URL must start with ssh:// or unix://, not \(scheme) (\"\(TerminalText.escaped(text))\")")
        }
        var rest = Substring(text.dropFirst("ssh://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("/") else { return bad("an ssh:// URL names a host, not a path: ssh://user@host[:port]") }
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            guard let u = user, !u.isEmpty else { return bad("the user before @ is empty") }
        }
        var host: String
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return bad("the IPv6 address has no closing ]") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return bad("expected :port after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        guard !host.isEmpty else { return bad("the host is empty: ssh://user@host[:port]") }
        // ssh reads a leading '-' as an option: never hand it a host or user that could be one.
        for (what, value) in [("host", host), ("user", user ?? "")] where value.hasPrefix("-") || value.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "\0" }) {
            return bad("the \(what) \"\(TerminalText.escaped(value))\" starts with '-' or holds a space or control character")
        }
        var port: Int?
        if let portText {
            guard let p = Int(portText), (1...65_535).contains(p) else {
                return bad("the port must be a number between 1 and 65535, not \"\(TerminalText.escaped(String(portText)))\"")
            }
            port = p
        }
        return .success(HostURL(transport: .ssh(user: user, host: host, port: port), description: text))
    }

    /// The name the grid shows and ids are qualified with when none is given: the host name (or
    /// the socket's folder), with ':' (IPv6) written as '.'.
    public var defaultName: String {
        switch transport {
        case .ssh(_, let host, _): return host.replacingOccurrences(of: ":", with: ".")
        case .unix(let socket):
            let folder = (socket as NSString).deletingLastPathComponent
            return ((folder as NSString).lastPathComponent).replacingOccurrences(of: ":", with: ".")
        }
    }

    /// Whether `name` can qualify ids (`@name:/path`): not empty, no ':', '@', '/' or spaces.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(where: { $0 == ":" || $0 == "@" || $0 == "/" || $0.isWhitespace || $0.isNewline || $0.asciiValue.map { $0 < 32 } ?? false })
    }
}

/// What is wrong with a host URL.
public struct HostURLProblem: Error, Sendable, Equatable {
    public var message: String
}
