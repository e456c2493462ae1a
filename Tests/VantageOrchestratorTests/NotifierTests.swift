import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// A real HTTP receiver (python3's http.server on a free loopback port): it answers each POST with
/// the next status of its plan (the last one repeats) and appends what it got, as a JSON line, to
/// a file the test reads.
final class NotificationReceiver: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let log: String
    private let folder: String

    init(statuses: [Int] = [200]) throws {
        folder = NSTemporaryDirectory() + "vantage-notify-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        log = folder + "/received.jsonl"
        let portFile = folder + "/port"
        let script = """
        import http.server, json, sys
        plan = [int(s) for s in sys.argv[3].split(",")]
        class H(http.server.BaseHTTPRequestHandler):
            count = 0
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", "0"))).decode()
                with open(sys.argv[1], "a") as f:
                    f.write(json.dumps({"path": self.path, "type": self.headers.get("content-type"), "body": body}) + "\\n")
                status = plan[min(H.count, len(plan) - 1)]
                H.count += 1
                self.send_response(status); self.send_header("content-length", "2"); self.end_headers(); self.wfile.write(b"ok")
            def log_message(self, *a): pass
        s = http.server.HTTPServer(("127.0.0.1", 0), H)
        open(sys.argv[2] + ".tmp", "w").write(str(s.server_address[1]))
        import os; os.rename(sys.argv[2] + ".tmp", sys.argv[2])
        s.serve_forever()
        """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, log, portFile, statuses.map(String.init).joined(separator: ",")]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile), Date() < deadline { usleep(20_000) }
        guard let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) else {
            kill(process.processIdentifier, SIGKILL)
            throw VantageError(.io, "the python3 receiver did not start")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    struct Request: Decodable, Equatable {
        var path: String
        var type: String?
        var body: String
    }

    var received: [Request] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    /// Waits (up to 20 s) until `count` requests have arrived.
    func waitFor(_ count: Int) async -> [Request] {
        for _ in 0..<400 {
            let got = received
            if got.count >= count { return got }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return received
    }

    func stop() {
        // SIGKILL: http.server's serve_forever may sit out a SIGTERM the test process ignores (it is inherited).
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

@Suite(.serialized) struct NotifierTests {
    static let fast = Notifier.RetryPolicy(delays: [.milliseconds(20), .milliseconds(20)], timeout: .seconds(2))

    func urls(_ map: [String: String]) -> @Sendable (String) throws(VantageError) -> String {
        { name throws(VantageError) in
            guard let url = map[name] else { throw VantageError(.notFound, "no secret \(name) in @notify") }
            return url
        }
    }

    func warnings(_ bus: Bus) -> AsyncStream<Event> { bus.events([.diagnostic]) }

    func firstWarning(_ stream: AsyncStream<Event>) async -> Diagnostic? {
        await withTaskGroup(of: Diagnostic?.self) { group in
            group.addTask {
                for await event in stream { if case .diagnostic(let d) = event, d.source == Notifier.diagnosticSource { return d } }
                return nil
            }
            group.addTask { try? await Task.sleep(for: .seconds(20)); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func eachKindOfReceiverGetsItsExactBodyAndOnlyTheEventsItAsksFor() async throws {
        let receiver = try NotificationReceiver()
        defer { receiver.stop() }
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let notifier = Notifier(bus: bus, clock: clock, targets: [
            NotifyTarget(kind: .slack, urlSecret: "SLACK", events: [.alert]),
            NotifyTarget(kind: .discord, urlSecret: "DISCORD", events: [.alert]),
            NotifyTarget(kind: .webhook, urlSecret: "HOOK"),
            NotifyTarget(kind: .webhook, urlSecret: "CRASHES", events: [.crash], project: "api"),
        ], retry: Self.fast, host: "build-01", url: urls([
            "SLACK": receiver.url("/slack"), "DISCORD": receiver.url("/discord"), "HOOK": receiver.url("/hook"), "CRASHES": receiver.url("/crashes"),
        ]))
        let events = bus.eventBatches(NotificationSource.eventKinds)
        let running = Task { await notifier.run(events: events) }
        defer { running.cancel() }
        let api = Project(name: "api", path: "/srv/api", kinds: [.command])
        let web = Project(name: "web", path: "/srv/web", kinds: [.command])
        bus.publish(.scanned(roots: ["/srv"], projects: [api, web]))
        bus.publish(.timeline(TimelineEntry(time: clock.now, kind: .alert, project: api.id, text: "fired: cpu > 80% for 2m (93%)")))
        let alerts = await receiver.waitFor(3)
        try #require(alerts.count == 3, "\(alerts)")
        let text = "Vantage on build-01: alert · api: fired: cpu > 80% for 2m (93%)"
        #expect(Set(alerts.map(\.path)) == ["/slack", "/discord", "/hook"])
        #expect(alerts.first { $0.path == "/slack" }?.body == #"{"text":"\#(text)"}"#)
        #expect(alerts.first { $0.path == "/discord" }?.body == #"{"content":"\#(text)"}"#)
        #expect(alerts.first { $0.path == "/hook" }?.body
                == #"{"host":"build-01","kind":"alert","project":"api","source":"vantage","suppressed":0,"text":"fired: cpu > 80% for 2m (93%)","time":"2026-01-01T00:00:00Z"}"#)
        #expect(alerts.allSatisfy { $0.type == "application/json" })

        // A stop asked for is no crash; web's crash goes to the entry for every project only.
        bus.publish(.stateChanged(project: api.id, from: .ready, to: .stopping))
        bus.publish(.stateChanged(project: web.id, from: .ready, to: .backoff))
        bus.publish(.stateChanged(project: api.id, from: .running, to: .failed))
        let all = await receiver.waitFor(6)
        try #require(all.count == 6, "\(all)")
        let crashes = all.dropFirst(3)
        #expect(crashes.filter { $0.path == "/hook" }.map(\.body).allSatisfy { $0.contains(#""kind":"crash""#) })
        #expect(crashes.filter { $0.path == "/hook" }.count == 2)
        #expect(crashes.filter { $0.path == "/crashes" }.map(\.body)
                == [#"{"host":"build-01","kind":"crash","project":"api","source":"vantage","suppressed":0,"text":"failed (was running); not restarted","time":"2026-01-01T00:00:00Z"}"#])
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.received.count == 6, "nothing more is sent: \(receiver.received)")
    }

    @Test func aReceiverThatFailsTwiceGetsTheNotificationOnTheThirdTry() async throws {
        let receiver = try NotificationReceiver(statuses: [500, 503, 200])
        defer { receiver.stop() }
        let bus = Bus(clock: SystemClock())
        let warnings = warnings(bus)
        let notifier = Notifier(bus: bus, clock: SystemClock(), targets: [NotifyTarget(kind: .slack, urlSecret: "SLACK")],
                                retry: Self.fast, host: "h", url: urls(["SLACK": receiver.url("/s")]))
        await notifier.offer([OutboundNotification(kind: .backup, time: Date(), project: "api", text: "backup failed: repository locked")])
        let events = bus.eventBatches(NotificationSource.eventKinds)
        let running = Task { await notifier.run(events: events) }
        defer { running.cancel() }
        let got = await receiver.waitFor(3)
        #expect(got.count == 3)
        #expect(Set(got.map(\.body)).count == 1, "each try sends the same body")
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.received.count == 3, "a delivered notification is not sent again")
        bus.close()
        var reported: [Diagnostic] = []
        for await event in warnings { if case .diagnostic(let d) = event { reported.append(d) } }
        #expect(reported.isEmpty, "\(reported)")
    }

    @Test func aDeadReceiverBecomesAWarningAfterTheLastTryWhileTheOthersStillGetTheirs() async throws {
        let alive = try NotificationReceiver()
        defer { alive.stop() }
        // A port nothing listens on: a receiver that was stopped.
        let dead = try NotificationReceiver()
        let deadURL = dead.url("/services/T000/B000/secret-token")
        dead.stop()
        let bus = Bus(clock: SystemClock())
        let warnings = warnings(bus)
        let notifier = Notifier(bus: bus, clock: SystemClock(), targets: [
            NotifyTarget(kind: .slack, urlSecret: "DEAD", field: "notify[0]"),
            NotifyTarget(kind: .discord, urlSecret: "ALIVE", field: "notify[1]"),
        ], retry: Self.fast, host: "h", url: urls(["DEAD": deadURL, "ALIVE": alive.url("/d")]))
        let events = bus.eventBatches(NotificationSource.eventKinds)
        let running = Task { await notifier.run(events: events) }
        defer { running.cancel() }
        bus.publish(.timeline(TimelineEntry(time: Date(), kind: .alert, project: ProjectID("/srv/api"), text: "fired: health < 50 (health 20)")))
        #expect(await alive.waitFor(1).count == 1)
        let warning = try #require(await firstWarning(warnings))
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("the slack alert notification for api was not sent (notify[0])"), "\(warning.message)")
        #expect(warning.message.contains("127.0.0.1 did not take it after 3 tries"), "\(warning.message)")
        #expect(!warning.message.contains("secret-token"), "the URL's path carries the token: \(warning.message)")
    }

    @Test func aRefusingReceiverIsNotTriedAgainAndAMissingSecretIsSaid() async throws {
        let receiver = try NotificationReceiver(statuses: [404])
        defer { receiver.stop() }
        let bus = Bus(clock: SystemClock())
        let warnings = warnings(bus)
        let notifier = Notifier(bus: bus, clock: SystemClock(), targets: [NotifyTarget(kind: .webhook, urlSecret: "HOOK")],
                                retry: Self.fast, host: "h", url: urls(["HOOK": receiver.url("/gone")]))
        let events = bus.eventBatches(NotificationSource.eventKinds)
        let running = Task { await notifier.run(events: events) }
        defer { running.cancel() }
        await notifier.offer([OutboundNotification(kind: .deploy, time: Date(), project: "api", text: "deployed 20261207T101500Z")])
        let refused = try #require(await firstWarning(warnings))
        #expect(refused.message.contains("refused it: HTTP 404"), "\(refused.message)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.received.count == 1, "a 404 is not tried again")

        let bus2 = Bus(clock: SystemClock())
        let warnings2 = self.warnings(bus2)
        let unset = Notifier(bus: bus2, clock: SystemClock(), targets: [NotifyTarget(kind: .slack, urlSecret: "NOT_SET")],
                             retry: Self.fast, host: "h", url: urls([:]))
        let events2 = bus2.eventBatches(NotificationSource.eventKinds)
        let running2 = Task { await unset.run(events: events2) }
        defer { running2.cancel() }
        await unset.offer([OutboundNotification(kind: .crash, time: Date(), project: "api", text: "crashed")])
        let missing = try #require(await firstWarning(warnings2))
        #expect(missing.message.contains("its URL is unavailable: no secret NOT_SET in @notify"), "\(missing.message)")
        #expect(missing.message.contains("vantage secret set @notify NOT_SET"), "\(missing.message)")
    }

    @Test func theRateLimitHoldsBackTheRestAndTheNextOneSaysHowManyWereNotSent() async throws {
        let receiver = try NotificationReceiver()
        defer { receiver.stop() }
        let clock = ManualClock()
        let bus = Bus(clock: clock)
        let notifier = Notifier(bus: bus, clock: clock, targets: [NotifyTarget(kind: .slack, urlSecret: "S", rate: RateLimit(count: 2, seconds: 60))],
                                retry: Self.fast, host: "h", url: urls(["S": receiver.url("/s")]))
        let events = bus.eventBatches(NotificationSource.eventKinds)
        let running = Task { await notifier.run(events: events) }
        defer { running.cancel() }
        let burst = (1...5).map { OutboundNotification(kind: .crash, time: clock.now, project: "api", text: "crash \($0)") }
        await notifier.offer(burst)
        #expect(await receiver.waitFor(2).count == 2)
        clock.advance(by: .seconds(59))
        await notifier.offer([OutboundNotification(kind: .crash, time: clock.now, project: "api", text: "crash 6")])
        try await Task.sleep(for: .milliseconds(300))
        #expect(receiver.received.count == 2, "still inside the minute")
        clock.advance(by: .seconds(2))
        await notifier.offer([OutboundNotification(kind: .crash, time: clock.now, project: "api", text: "crash 7")])
        let got = await receiver.waitFor(3)
        try #require(got.count == 3)
        #expect(got.map(\.body).prefix(2).map { $0.contains("crash 1") || $0.contains("crash 2") } == [true, true])
        #expect(got[2].body == #"{"text":"Vantage on h: crash · api: crash 7 (4 earlier notifications not sent: rate limit)"}"#)
    }
}

@Suite struct NotificationSourceTests {
    func insight(_ project: ProjectID, _ packages: [ProjectInsight.VulnerablePackage], checked: Bool = true) -> ProjectInsight {
        ProjectInsight(project: project, time: Date(timeIntervalSince1970: 0),
                       quality: .init(files: 0, functions: 0, averageCCN: 0, maxCCN: 0, worstFunctions: [], smells: 0),
                       debt: .init(minutes: 0, ratio: 0, rating: "A", linesOfCode: 0), documentation: 1, coveragePercent: nil,
                       dependencies: .init(checked: checked, vulnerablePackages: packages), status: "ok")
    }

    @Test func onlyVulnerabilitiesThatAppearAfterTheFirstAnalysisAreNew() {
        var source = NotificationSource()
        let id = ProjectID("/srv/web")
        let lodash = ProjectInsight.VulnerablePackage(ecosystem: "npm", name: "lodash", version: "4.17.20", severity: "HIGH",
                                                      advisories: ["GHSA-35jh-r3h4-6jhm"], fixedIn: "4.17.21")
        let minimist = ProjectInsight.VulnerablePackage(ecosystem: "npm", name: "minimist", version: "1.2.5", severity: "CRITICAL",
                                                        advisories: ["GHSA-xvch-5gv4-984h"], fixedIn: nil)
        let now = Date(timeIntervalSince1970: 0)
        #expect(source.notifications(from: .insight(insight(id, [lodash])), now: now).isEmpty, "the first analysis is the baseline")
        #expect(source.notifications(from: .insight(insight(id, [lodash])), now: now).isEmpty)
        #expect(source.notifications(from: .insight(insight(id, [], checked: false)), now: now).isEmpty, "an unchecked analysis says nothing")
        let new = source.notifications(from: .insight(insight(id, [lodash, minimist])), now: now)
        #expect(new.map(\.text) == ["new vulnerability: minimist 1.2.5 (npm, CRITICAL: GHSA-xvch-5gv4-984h)"])
        #expect(new.map(\.kind) == [.vulnerability])
        #expect(new.map(\.project) == ["web"])
        #expect(source.notifications(from: .insight(insight(id, [lodash])), now: now).isEmpty, "a fixed one is not news")
        let again = source.notifications(from: .insight(insight(id, [lodash, minimist])), now: now)
        #expect(again.count == 1, "one that comes back is new again")
    }

    @Test func crashesAreTransitionsFromRunningStatesOnly() {
        var source = NotificationSource()
        let id = ProjectID("/srv/api")
        let now = Date(timeIntervalSince1970: 0)
        #expect(source.notifications(from: .stateChanged(project: id, from: .stopping, to: .failed), now: now).isEmpty)
        #expect(source.notifications(from: .stateChanged(project: id, from: .backoff, to: .starting), now: now).isEmpty)
        #expect(source.notifications(from: .stateChanged(project: id, from: .ready, to: .stopped), now: now).isEmpty)
        #expect(source.notifications(from: .stateChanged(project: id, from: .starting, to: .failed), now: now).map(\.text)
                == ["failed (was starting); not restarted"])
        #expect(source.notifications(from: .stateChanged(project: id, from: .ready, to: .backoff), now: now).map(\.text)
                == ["crashed (was ready); restarting with backoff"])
        #expect(source.notifications(from: .timeline(TimelineEntry(time: now, kind: .decision, text: "port moved")), now: now).isEmpty)
    }
}
