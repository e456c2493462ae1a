import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import VantageCore

/// `dashboards/vantage.json`, the Grafana dashboard of the exposition: every query names metrics
/// `/metrics` really has and every metric is on a panel; a real Prometheus (Debian's package)
/// scrapes the API with its bearer token, answers a project's CPU, and runs every panel's query.
@Suite(.serialized, .timeLimit(.minutes(3))) struct DashboardTests {
    static let prometheus = "/usr/bin/prometheus"

    /// The repository's dashboard, found from this file's place in the tree (Tests/VantageAPITests/).
    static func dashboard() throws -> [String: Any] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("dashboards/vantage.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every panel's queries, with the `$project` variable as Grafana sends it for "All".
    static func queries(_ dashboard: [String: Any]) -> [(panel: String, expr: String)] {
        let panels = dashboard["panels"] as? [[String: Any]] ?? []
        return panels.flatMap { panel -> [(String, String)] in
            let title = panel["title"] as? String ?? "?"
            return (panel["targets"] as? [[String: Any]] ?? []).compactMap { target in
                (target["expr"] as? String).map { (title, $0.replacingOccurrences(of: "$project", with: ".*")) }
            }
        }
    }

    /// `vantage_…` names in a PromQL expression.
    static func metricNames(_ expr: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "vantage_[a-z0-9_]+")
        let range = NSRange(expr.startIndex..., in: expr)
        return Set(regex.matches(in: expr, range: range).compactMap { Range($0.range, in: expr).map { String(expr[$0]) } })
    }

    /// Families the exposition declares (`# TYPE name kind`).
    static func families(_ exposition: String) -> Set<String> {
        Set(exposition.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("# TYPE ") else { return nil }
            return line.split(separator: " ").dropFirst(2).first.map(String.init)
        })
    }

    /// A fixture with one running project and an analysis of it, so every family is exposed.
    static func fixture() async throws -> APIFixture {
        let f = try await APIFixture(projects: ["web": "echo started; echo 'ERROR: one'; sleep 300"])
        #expect(try await f.request(.POST, "/api/v1/orchestration/launch/web", token: f.token).status == 200)
        let insight = ProjectInsight(
            project: ProjectID(f.root + "/projects/web"), time: Date(),
            quality: .init(files: 1, functions: 1, averageCCN: 1, maxCCN: 1, worstFunctions: [], smells: 0),
            debt: .init(minutes: 90, ratio: 0.01, rating: "A", linesOfCode: 2), documentation: 1, coveragePercent: nil,
            dependencies: .init(count: 1, checked: true, vulnerableBySeverity: ["HIGH": 2]), status: "analysed 1 file")
        f.bus.publish(.insight(insight))
        return f
    }

    @Test func everyQueryNamesAnExposedMetricAndEveryMetricIsOnAPanel() async throws {
        let f = try await Self.fixture()
        var exposition = ""
        for _ in 0..<100 {
            exposition = try await f.request(.GET, "/metrics", token: f.token).text
            if exposition.contains("vantage_project_health_score"), exposition.contains("vantage_project_technical_debt_seconds") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(MetricsTests.value(exposition, #"vantage_project_technical_debt_seconds{project="web"}"#) == 5400, "\(exposition)")
        #expect(MetricsTests.value(exposition, #"vantage_project_vulnerable_dependencies{project="web",severity="HIGH"}"#) == 2)
        #expect(MetricsTests.value(exposition, #"vantage_project_vulnerable_dependencies{project="web",severity="CRITICAL"}"#) == 0)
        let exposed = Self.families(exposition)
        let queries = Self.queries(try Self.dashboard())
        try #require(queries.count >= 10)
        var used: Set<String> = []
        for (panel, expr) in queries {
            let names = Self.metricNames(expr)
            #expect(!names.isEmpty, "panel \"\(panel)\" reads no Vantage metric: \(expr)")
            for name in names {
                #expect(exposed.contains(name), "panel \"\(panel)\" reads \(name), which /metrics does not have")
                used.insert(name)
            }
        }
        #expect(exposed.subtracting(used).isEmpty, "metrics on no panel: \(exposed.subtracting(used).sorted())")
        await f.close()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: prometheus), "needs prometheus (Debian's prometheus package; scripts/test installs it)"))
    func aRealPrometheusScrapesTheAPIAndRunsEveryPanelQuery() async throws {
        let f = try await Self.fixture()
        let port = try APIDaemonTests.freePort()
        let data = f.root + "/prometheus"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: vantage
                authorization:
                  credentials: \(f.token)
                static_configs:
                  - targets: ["127.0.0.1:\(f.server.port)"]
            """.write(toFile: data + "/prometheus.yml", atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.prometheus)
        server.arguments = ["--config.file=\(data)/prometheus.yml", "--storage.tsdb.path=\(data)/tsdb",
                            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn"]
        server.standardOutput = FileHandle.nullDevice
        let log = data + "/prometheus.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        server.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        func query(_ promql: String) async throws -> [String: Any] {
            var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
            components.queryItems = [URLQueryItem(name: "query", value: promql)]
            var request = HTTPClientRequest(url: components.url!.absoluteString)
            request.method = .GET
            let response = try await f.client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
        }
        func results(_ answer: [String: Any]) -> [[String: Any]] { (answer["data"] as? [String: Any])?["result"] as? [[String: Any]] ?? [] }

        var cpu: [[String: Any]] = []
        for _ in 0..<120 {
            cpu = results((try? await query(#"vantage_project_cpu_usage_ratio{project="web"}"#)) ?? [:])
            if !cpu.isEmpty { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try #require(cpu.count == 1, "Prometheus never had the project's CPU; its log:\n\(said)")
        let value = try #require((cpu[0]["value"] as? [Any])?.last as? String)
        #expect(Double(value).map { $0 >= 0 } == true, "\(value)")
        let up = results(try await query(#"up{job="vantage"}"#))
        #expect((up.first?["value"] as? [Any])?.last as? String == "1", "the scrape with the bearer token succeeds: \(up)")
        for (panel, expr) in Self.queries(try Self.dashboard()) {
            let answer = try await query(expr)
            #expect(answer["status"] as? String == "success", "panel \"\(panel)\": \(expr) → \(answer)")
        }
        await f.close()
    }
}
