import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A readiness `GET` on localhost, made the way a browser would make it: an HTTP/1.1 request with
/// `Host` and `Connection: close`, the whole reply read, and the connection ended with a FIN on
/// both sides, so that no server sees a reset or a write to a closed socket because of a probe.
enum HTTPProbe {
    enum Reply: Sendable, Equatable {
        case status(Int)
        /// Nothing usable came back: why, for a person.
        case noAnswer(String)
    }

    static func get(port: Int, path: String, timeoutMillis: Int32 = 1000) -> Reply {
        var why = "nothing accepts connections"
        for ipv6 in [false, true] {
            guard let fd = PortProbe.connect(port: port, ipv6: ipv6, timeoutMillis: timeoutMillis) else { continue }
            let target = path.hasPrefix("/") ? path : "/" + path
            let request = Array("GET \(target) HTTP/1.1\r\nHost: localhost:\(port)\r\nUser-Agent: vantage-readiness\r\nAccept: */*\r\nConnection: close\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
                PeerSocket.closeGracefully(fd)
                why = "the connection closed before the request was sent"
                continue
            }
            // The reply is read to its end (the server closes after it: Connection: close) before
            // the probe closes, so the server's last writes always land.
            let reply = PeerSocket.drain(fd, idleMillis: timeoutMillis, totalMillis: Int(timeoutMillis) * 3, keep: 512)
            PeerSocket.closeGracefully(fd, idleMillis: 50, totalMillis: 200)
            if let code = statusCode(reply) { return .status(code) }
            why = reply.isEmpty ? "no reply within \(timeoutMillis) ms" : "the reply is not HTTP"
        }
        return .noAnswer(why)
    }

    /// The status code of an HTTP status line ("HTTP/1.1 200 OK").
    static func statusCode(_ head: [UInt8]) -> Int? {
        let line = String(decoding: head.prefix(64), as: UTF8.self).split(separator: "\r\n", maxSplits: 1).first ?? ""
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]), (100...599).contains(code) else { return nil }
        return code
    }
}
