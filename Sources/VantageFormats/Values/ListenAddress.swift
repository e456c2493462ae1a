import Foundation

/// Where a server listens, as people write it: `127.0.0.1:7700`, `localhost:7700`, `[::1]:7700`,
/// `0.0.0.0:7700`. The one reader of `vantage daemon --listen` and `[api] listen` in `vantage.toml`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// The address, or why the text is not one (without a location: the caller knows the flag or
    /// the file and line).
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressProblem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        let host: Substring, portText: Substring
        if t.hasPrefix("[") {
            guard let close = t.firstIndex(of: "]"), t[t.index(after: close)...].hasPrefix(":") else {
                return .failure(ListenAddressProblem("\"\(t)\" is not host:port (an IPv6 address is written [::1]:7700)"))
            }
            host = t[t.index(after: t.startIndex)..<close]
            portText = t[t.index(close, offsetBy: 2)...]
        } else {
            guard let colon = t.lastIndex(of: ":"), !t[..<colon].contains(":") else {
                return .failure(ListenAddressProblem("\"\(t)\" is not host:port, e.g. 127.0.0.1:7700"))
            }
            host = t[..<colon]
            portText = t[t.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "@" }) else {
            return .failure(ListenAddressProblem("\"\(t)\" names no host before the port, e.g. 127.0.0.1:7700"))
        }
        guard let port = Int(portText), (1...65535).contains(port) else {
            return .failure(ListenAddressProblem("the port of \"\(t)\" must be a number from 1 to 65535, not \"\(portText)\""))
        }
        return .success(ListenAddress(host: String(host), port: port))
    }

    /// Reachable from this machine only: `localhost`, 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A message that is an `Error` (for `Result`), to be placed by whoever knows where the text came from.
public struct ListenAddressProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
