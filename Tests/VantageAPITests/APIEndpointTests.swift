import AsyncHTTPClient
import NIOHTTP1
import Foundation
import Testing
import VantageAPI
import VantageCore

/// Every endpoint over real HTTP, with and without the token, against the real server in this
/// process and the control socket's own handler.
@Suite(.serialized, .timeLimit(.minutes(3))) struct APIEndpointTests {
    /// Every operation of the contract, with a project that exists.
    static let operations: [(HTTPMethod, String)] = [
        (.GET, "/metrics"), (.GET, "/api/v1/openapi.json"), (.GET, "/api/v1/projects"), (.GET, "/api/v1/projects/web"),
        (.POST, "/api/v1/orchestration/launch/web"), (.POST, "/api/v1/orchestration/stop/web"),
        (.PUT, "/api/v1/orchestration/environment/web"), (.POST, "/api/v1/orchestration/deploy/web"),
        (.POST, "/api/v1/orchestration/backup/web"), (.GET, "/api/v1/orchestration/resources/web"),
        (.GET, "/api/v1/analysis/quality/web"), (.GET, "/api/v1/analysis/debt/web"), (.GET, "/api/v1/analysis/patterns/web"),
        (.POST, "/api/v1/analysis/generate/code"), (.POST, "/api/v1/analysis/generate/tests"), (.POST, "/api/v1/analysis/generate/docs"),
        (.GET, "/api/v1/dependencies/web/list"), (.POST, "/api/v1/dependencies/web/update"),
        (.GET, "/api/v1/dependencies/web/vulnerabilities"), (.GET, "/api/v1/dependencies/web/licenses"),
        (.POST, "/api/v1/dependencies/web/resolve-conflicts"), (.GET, "/api/v1/operations/0f0e"),
    ]

    @Test func everyEndpointButHealthzNeedsTheToken() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let health = try await f.request(.GET, "/healthz", token: nil)
        #expect(health.status == 200)
        #expect(health.json["status"] as? String == "ok")
        for (method, path) in Self.operations {
            // No token, the token with its first digit changed, and another word.
            let changed = (f.token.first == "0" ? "1" : "0") + String(f.token.dropFirst())
            for token in [nil, changed, "wrong"] as [String?] {
                let answer = try await f.request(method, path, token: token, body: method == .PUT ? Data(#"{"environment":"staging"}"#.utf8) : nil)
                #expect(answer.status == 401, "\(method) \(path) with \(token == nil ? "no token" : "a wrong token")")
                #expect(answer.contentType == "application/problem+json")
                #expect(answer.json["status"] as? Int == 401)
                #expect((answer.json["detail"] as? String)?.contains("vantage api token") == true)
                #expect(!answer.text.contains(f.token), "the token is never in an answer")
            }
        }
        await f.close()
    }

    @Test func projectsLaunchStopAndConflicts() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300", "worker": "sleep 300"])
        let token = f.token
        let list = try await f.request(.GET, "/api/v1/projects", token: token)
        #expect(list.status == 200)
        let names = (list.json["projects"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["web", "worker"])

        let one = try await f.request(.GET, "/api/v1/projects/web", token: token)
        #expect(one.status == 200)
        let project = try #require(one.json["project"] as? [String: Any])
        #expect(project["state"] as? String == "stopped")
        // The stable id (the folder) names the same project.
        let id = try #require(project["id"] as? String)
        let byID = try await f.request(.GET, "/api/v1/projects/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id), token: token)
        #expect(byID.status == 200, "\(byID.text)")

        let unknown = try await f.request(.GET, "/api/v1/projects/nope", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.contentType == "application/problem+json")
        #expect((unknown.json["detail"] as? String)?.contains("\"nope\"") == true)
        for path in ["/api/v1/orchestration/launch/nope", "/api/v1/orchestration/stop/nope", "/api/v1/orchestration/deploy/nope"] {
            #expect(try await f.request(.POST, path, token: token).status == 404, "\(path)")
        }

        let launched = try await f.request(.POST, "/api/v1/orchestration/launch/web", token: token)
        #expect(launched.status == 200, "\(launched.text)")
        let state = (launched.json["project"] as? [String: Any])?["state"] as? String
        #expect(["running", "ready", "starting"].contains(state ?? ""), "\(launched.text)")
        // The same path as `vantage ps`: the supervisor runs it.
        #expect(await supervisor(f, "web")?.state.isUp == true)

        let again = try await f.request(.POST, "/api/v1/orchestration/launch/web", token: token)
        #expect(again.status == 409)
        #expect((again.json["detail"] as? String)?.contains("already running") == true, "\(again.text)")

        let stopped = try await f.request(.POST, "/api/v1/orchestration/stop/web", token: token)
        #expect(stopped.status == 200, "\(stopped.text)")
        #expect((stopped.json["project"] as? [String: Any])?["state"] as? String == "stopped")
        let stopAgain = try await f.request(.POST, "/api/v1/orchestration/stop/web", token: token)
        #expect(stopAgain.status == 409)
        #expect((stopAgain.json["detail"] as? String)?.contains("already stopped") == true)
        await f.close()
    }

    func supervisor(_ f: APIFixture, _ name: String) async -> ProjectStatusRow? {
        guard let id = try? await f.supervisor.resolve(name), let s = await f.supervisor.status(of: id) else { return nil }
        return ProjectStatusRow(state: s.state)
    }
    struct ProjectStatusRow { var state: RunState }

    @Test func environmentBodiesAreCheckedFieldByField() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let token = f.token
        let path = "/api/v1/orchestration/environment/web"
        for (body, field) in [("[1]", "body"), (#"{"environment": 3}"#, "environment"), (#"{"colour": "red"}"#, "colour"),
                              ("{}", "environment"), (#"{"variables": {"A": 1}}"#, "variables"), (#"{"variables": {}}"#, "variables"), ("not json", "body")] {
            let answer = try await f.request(.PUT, path, token: token, body: Data(body.utf8))
            #expect(answer.status == 400, "\(body)")
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["field"] as? String == field, "\(body): \(answer.text)")
        }
        let chosen = try await f.request(.PUT, path, token: token, body: Data(#"{"environment": "staging"}"#.utf8))
        #expect(chosen.status == 200, "\(chosen.text)")
        #expect(chosen.json["environment"] as? String == "staging")
        // As `vantage env use`: the supervisor's status says so.
        let id = try await f.supervisor.resolve("web")
        #expect(await f.supervisor.status(of: id)?.env == "staging")

        let missing = try await f.request(.PUT, path, token: token, body: Data(#"{"environment": "nowhere"}"#.utf8))
        #expect(missing.status == 422, "\(missing.text)")
        #expect((missing.json["detail"] as? String)?.contains("nowhere") == true)

        // As `vantage env set`: into .env.<environment>.local, the project restarted (it runs in staging).
        #expect(try await f.request(.POST, "/api/v1/orchestration/launch/web", token: token).status == 200)
        let variables = try await f.request(.PUT, path, token: token, body: Data(#"{"variables": {"GREETING": "hello world", "A": "1"}}"#.utf8))
        #expect(variables.status == 200, "\(variables.text)")
        #expect(variables.json["set"] as? [String] == ["A", "GREETING"])
        #expect((variables.json["message"] as? String)?.contains("restarted to take them") == true, "\(variables.text)")
        let written = try String(contentsOfFile: f.root + "/projects/web/.env.staging.local", encoding: .utf8)
        #expect(written == "A=1\nGREETING=\"hello world\"\n" || written == "A=1\nGREETING='hello world'\n", "\(written)")
        let resolved = try await f.supervisor.resolvedEnvironment(id)
        #expect(resolved.first { $0.key == "GREETING" }?.value == "hello world")
        for (body, field) in [(#"{"variables": {"1BAD": "x"}}"#, "variables.1BAD"), (#"{"variables": {"A B": "x"}}"#, "variables.A B")] {
            let bad = try await f.request(.PUT, path, token: token, body: Data(body.utf8))
            #expect(bad.status == 400, "\(body): \(bad.text)")
            #expect(bad.json["field"] as? String == field, "\(body): \(bad.text)")
        }
        let unknown = try await f.request(.PUT, "/api/v1/orchestration/environment/nope", token: token, body: Data(#"{"environment": "staging"}"#.utf8))
        #expect(unknown.status == 404)
        await f.close()
    }

    @Test func readsAnswerWhatTheCLIComputes() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let token = f.token
        let resources = try await f.request(.GET, "/api/v1/orchestration/resources/web", token: token)
        #expect(resources.status == 200, "\(resources.text)")
        #expect(resources.json["usage"] is [String: Any])
        #expect(resources.json["limits"] is [String: Any])
        #expect(resources.json["forecast"] != nil || resources.json["forecastUnavailable"] is String)

        let quality = try await f.request(.GET, "/api/v1/analysis/quality/web", token: token)
        #expect(quality.status == 200, "\(quality.text)")
        #expect(quality.text.contains("main.py"))
        let debt = try await f.request(.GET, "/api/v1/analysis/debt/web", token: token)
        #expect(debt.status == 200, "\(debt.text)")
        #expect(debt.json["summary"] is [String: Any])
        let patterns = try await f.request(.GET, "/api/v1/analysis/patterns/web", token: token)
        #expect(patterns.status == 200)
        #expect(patterns.json["todoMarkers"] as? Int == 1, "\(patterns.text)")

        let deps = try await f.request(.GET, "/api/v1/dependencies/web/list", token: token)
        #expect(deps.status == 200)
        let names = (deps.json["dependencies"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["requests"], "\(deps.text)")
        let licenses = try await f.request(.GET, "/api/v1/dependencies/web/licenses", token: token)
        #expect(licenses.status == 200)
        #expect(licenses.json["packages"] is [Any])
        // No advisory database imported in this home: a valid request that cannot be carried out.
        let vulns = try await f.request(.GET, "/api/v1/dependencies/web/vulnerabilities", token: token)
        #expect(vulns.status == 422)
        #expect((vulns.json["detail"] as? String)?.contains("vantage deps db import") == true, "\(vulns.text)")
        await f.close()
    }

    @Test func missingCapabilitiesAre501NeverAFakeSuccess() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let token = f.token
        for (path, capability) in [("/api/v1/orchestration/deploy/web", "deploy"), ("/api/v1/orchestration/backup/web", "backup"),
                                   ("/api/v1/analysis/generate/code", "generating code"), ("/api/v1/analysis/generate/tests", "generating tests"),
                                   ("/api/v1/analysis/generate/docs", "generating docs"),
                                   ("/api/v1/dependencies/web/resolve-conflicts", "conflict resolution")] {
            let answer = try await f.request(.POST, path, token: token)
            #expect(answer.status == 501, "\(path)")
            #expect(answer.contentType == "application/problem+json")
            #expect((answer.json["title"] as? String)?.contains(capability) == true, "\(path): \(answer.text)")
        }
        #expect(await supervisor(f, "web")?.state == .stopped, "nothing ran")
        await f.close()
    }

    @Test func unknownPathsMethodsAndTheContract() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let token = f.token
        let missing = try await f.request(.GET, "/api/v1/nothing", token: token)
        #expect(missing.status == 404)
        #expect(missing.contentType == "application/problem+json")
        let wrongMethod = try await f.request(.DELETE, "/api/v1/projects", token: token)
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "GET")

        let contract = try await f.request(.GET, "/api/v1/openapi.json", token: token)
        #expect(contract.status == 200)
        #expect(contract.json["openapi"] as? String == "3.1.0")
        let documented = try #require(contract.json["paths"] as? [String: [String: Any]])
        // Every operation served is in the contract, and the other way round.
        for (method, path) in Self.operations {
            let template = path.replacingOccurrences(of: "/web", with: "/{project_id}").replacingOccurrences(of: "/0f0e", with: "/{operation_id}")
            #expect(documented[template]?[method.rawValue.lowercased()] != nil, "\(method) \(template) is not in docs/openapi.yaml")
        }
        let operations = documented.flatMap { path, item in item.keys.filter { ["get", "post", "put"].contains($0) }.map { "\($0) \(path)" } }
        #expect(operations.count == Self.operations.count + 1, "\(operations.sorted())")   // + GET /healthz
        await f.close()
    }

    @Test func bodiesAreLimitedInSizeAndTime() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"]) { $0.bodyTimeout = .seconds(1) }
        let token = f.token
        let large = try await f.request(.PUT, "/api/v1/orchestration/environment/web", token: token, body: Data(count: (1 << 20) + 1))
        #expect(large.status == 413)
        #expect(large.contentType == "application/problem+json")
        #expect((large.json["detail"] as? String)?.contains("1048576") == true)

        // A body that stops arriving: 408 after the body timeout, while other requests are answered.
        let slow = try SlowClient(port: f.server.port)
        try slow.send("PUT /api/v1/orchestration/environment/web HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"env")
        let meanwhile = try await f.request(.GET, "/api/v1/projects", token: token)
        #expect(meanwhile.status == 200)
        let head = try await slow.readHead(seconds: 15)
        #expect(head.hasPrefix("HTTP/1.1 408"), "\(head)")
        #expect(head.lowercased().contains("application/problem+json"))
        await f.close()
    }

    @Test func dependencyUpdateIsAnOperationReadBackByID() async throws {
        let f = try await APIFixture(projects: ["web": "sleep 300"])
        let token = f.token
        // No manifest: the ecosystems' tools have nothing to check, so the run ends at once.
        try FileManager.default.removeItem(atPath: f.root + "/projects/web/requirements.txt")
        let bad = try await f.request(.POST, "/api/v1/dependencies/web/update?limit=major", token: token)
        #expect(bad.status == 400)
        #expect(bad.json["field"] as? String == "limit")
        #expect(try await f.request(.POST, "/api/v1/dependencies/nope/update", token: token).status == 404)

        let started = try await f.request(.POST, "/api/v1/dependencies/web/update?dry_run=true", token: token)
        #expect(started.status == 202, "\(started.text)")
        let operation = try #require(started.json["operation"] as? [String: Any])
        let id = try #require(operation["id"] as? String)
        #expect(started.headers["location"] == "/api/v1/operations/\(id)")
        #expect(operation["project"] as? String == "web")
        var status = operation["status"] as? String
        var read: [String: Any] = [:]
        for _ in 0..<300 where status == "running" {
            try await Task.sleep(for: .milliseconds(100))
            let answer = try await f.request(.GET, "/api/v1/operations/\(id)", token: token)
            #expect(answer.status == 200)
            read = answer.json["operation"] as? [String: Any] ?? [:]
            status = read["status"] as? String
        }
        #expect(status == "succeeded", "\(read)")
        let result = try #require(read["result"] as? [String: Any], "\(read)")
        #expect((result["updates"] as? [Any])?.isEmpty == true)
        #expect((result["groups"] as? [Any])?.isEmpty == true)
        #expect(read["finished"] is String)

        let unknown = try await f.request(.GET, "/api/v1/operations/nothing-here", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.contentType == "application/problem+json")
        await f.close()
    }
}
