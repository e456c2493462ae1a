import Foundation

/// Plain-text rendering of `vantage ps` and `vantage env show`.
public enum StatusTable {
    public static func render(_ rows: [ProjectStatus]) -> String {
        let header = ["NAME", "KIND", "STATE", "PID", "PORTS", "CPU%", "RSS", "HEALTH", "RESTARTS", "ENV"]
        let body = rows.map { r in
            [r.name, r.kind, r.state.rawValue + (r.paused ? " (paused)" : r.throttled ? " (throttled)" : ""),
             r.pid.map(String.init) ?? "-", r.ports.isEmpty ? "-" : r.ports.map(String.init).joined(separator: ","),
             String(format: "%.1f", r.cpu), r.rss > 0 ? ByteCount.format(r.rss) : "-", r.health.map(String.init) ?? "n/a", String(r.restarts), r.env]
        }
        var out = table([header] + body)
        let decisions = rows.flatMap(\.decisions)
        if !decisions.isEmpty { out += "\nDecisions:\n" + decisions.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        for r in rows where r.state == .failed && !r.lastError.isEmpty {
            out += "\n\(r.name) failed; last lines:\n" + r.lastError.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    public static func render(_ vars: [ResolvedVariable]) -> String {
        table([["KEY", "VALUE", "FROM"]] + vars.map { [$0.key, $0.displayValue, $0.source] })
    }

    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

extension ControlClient {
    /// One request on a new connection; an `error` response becomes a thrown error.
    public static func request(_ paths: VantagePaths, _ request: ControlRequest, timeout: Double = defaultTimeout) throws(VantageError) -> ControlResponse {
        let client = try connect(paths, timeout: timeout)
        let response = try client.send(request)
        if case .error(let message) = response { throw VantageError(.unavailable, message) }
        return response
    }
}

import VantageCore
