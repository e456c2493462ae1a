import Foundation
import VantageCore
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// Runs one readiness probe once.
enum ReadinessChecker {
    struct Context: Sendable {
        var ports: [Int]
        var directory: String
        var environment: [String: String]
        var log: ProjectLog
        /// Log lines from this sequence number on belong to the current run.
        var logStart: Int
    }

    /// Blocking socket probes run here, off Swift's cooperative pool (which has one thread per core).
    static let probeQueue = DispatchQueue(label: "vantage.readiness", attributes: .concurrent)

    static func offPool(_ body: @escaping @Sendable () -> Bool) async -> Bool {
        await withCheckedContinuation { c in probeQueue.async { c.resume(returning: body()) } }
    }

    /// Seconds to wait after failed probe number `attempt` (0 for the first, which runs at once):
    /// quick servers are caught within milliseconds (10, 20, 50 ms, ...), slow ones are then polled
    /// less and less often, never less often than the configured `interval`.
    static let ramp: [Double] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
    static func delay(afterAttempt attempt: Int, interval: Double) -> Double {
        min(max(interval, 0.005), attempt < ramp.count ? ramp[attempt] : .infinity)
    }

    static func check(_ spec: ReadinessSpec, _ ctx: Context) async -> Bool {
        switch spec {
        case .tcp(let port):
            let ports = port.map { [$0] } ?? ctx.ports
            guard !ports.isEmpty else { return true }
            return await offPool { ports.allSatisfy { PortProbe.accepts($0) } }
        case .http(let path, let port):
            guard let p = port ?? ctx.ports.first else { return false }
            return await offPool { httpStatus(port: p, path: path).map { (200..<400).contains($0) } ?? false }
        case .exec(let command):
            return await ProcessLauncher.run(command, directory: ctx.directory, environment: ctx.environment, timeout: .seconds(5)) == 0
        case .logLine(let pattern):
            guard let regex = try? Regex(pattern) else { return false }
            return ctx.log.entries(since: ctx.logStart).contains { (try? regex.firstMatch(in: $0.line.text)) != nil }
        }
    }

    /// A minimal HTTP/1.0 GET on localhost: the status code, or nil when nothing answered.
    static func httpStatus(port: Int, path: String, timeoutMillis: Int32 = 1000) -> Int? {
        for ipv6 in [false, true] {
            guard let fd = PortProbe.connect(port: port, ipv6: ipv6, timeoutMillis: timeoutMillis) else { continue }
            defer { close(fd) }
            var tv = timeval(tv_sec: Int(timeoutMillis / 1000), tv_usec: Int(timeoutMillis % 1000) * 1000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            let request = Array("GET \(path.hasPrefix("/") ? path : "/" + path) HTTP/1.0\r\nHost: localhost\r\nUser-Agent: vantage-probe\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 12 else { continue }
            let head = String(decoding: buffer[0..<n], as: UTF8.self)
            let parts = head.split(separator: " ", maxSplits: 2)
            if parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]) { return code }
        }
        return nil
    }
}
