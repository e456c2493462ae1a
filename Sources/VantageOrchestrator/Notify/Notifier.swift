import Foundation
import VantageCore
import VantageFormats

/// Sends the notifications of `vantage.toml`'s `[[notify]]` entries, off the bus. Each entry has
/// its own bounded queue and delivery task: a slow or dead receiver holds up only its own queue,
/// never the bus or another receiver. A failed POST is tried again with backoff; after the last
/// try (or at once for a receiver that refuses the request) it becomes a warning in the
/// Troubleshooting pane naming the entry, what was not sent, and why. The URLs come from the
/// secret store (`vantage secret set @notify NAME`) when a notification is sent, and are never
/// shown: messages name the receiver's host only.
public actor Notifier {
    /// How long to wait between the tries of one notification.
    public struct RetryPolicy: Sendable {
        /// One delay per retry: `[1, 5, 30]` seconds tries four times in all.
        public var delays: [Duration]
        public var timeout: Duration
        /// A receiver's Retry-After (429) is honoured up to this.
        public var longestRetryAfter: Duration

        public init(delays: [Duration] = [.seconds(1), .seconds(5), .seconds(30)], timeout: Duration = .seconds(10),
                    longestRetryAfter: Duration = .seconds(60)) {
            self.delays = delays
            self.timeout = timeout
            self.longestRetryAfter = longestRetryAfter
        }
    }

    /// The diagnostic source of delivery failures.
    public static let diagnosticSource = "notify"
    /// Notifications waiting per entry; when a receiver is far behind, the oldest are dropped and counted.
    public static let queueCapacity = 256

    private struct Delivery: Sendable {
        var notification: OutboundNotification
        var suppressed: Int
    }

    private struct Route {
        var target: NotifyTarget
        var continuation: AsyncStream<Delivery>.Continuation
        /// When the notifications sent in the current window went out.
        var sent: [Date] = []
        /// Held back by the rate limit since the last one sent.
        var suppressed = 0
    }

    private let bus: Bus
    private let clock: any VantageClock
    private let sender: any WebhookSender
    private let url: @Sendable (String) throws(VantageError) -> String
    private let retry: RetryPolicy
    private let host: String
    private var routes: [Route] = []
    private var streams: [(NotifyTarget, AsyncStream<Delivery>)] = []
    private var source = NotificationSource()

    /// `url`: the URL held by the named secret (in `NotifyTarget.secretScope`).
    public init(bus: Bus, clock: any VantageClock, targets: [NotifyTarget], sender: any WebhookSender = HTTPWebhookSender(),
                retry: RetryPolicy = RetryPolicy(), host: String = ProcessInfo.processInfo.hostName,
                url: @escaping @Sendable (String) throws(VantageError) -> String) {
        self.bus = bus
        self.clock = clock
        self.sender = sender
        self.retry = retry
        self.host = host
        self.url = url
        for target in targets {
            let (stream, continuation) = AsyncStream.makeStream(of: Delivery.self, bufferingPolicy: .bufferingNewest(Self.queueCapacity))
            routes.append(Route(target: target, continuation: continuation))
            streams.append((target, stream))
        }
    }

    /// Reads the bus until it closes; each entry's deliveries run in their own task meanwhile.
    public func run(events: AsyncStream<[Event]>) async {
        await withTaskGroup(of: Void.self) { group in
            for (target, stream) in streams {
                group.addTask { [self] in
                    for await delivery in stream { await self.deliver(delivery, to: target) }
                }
            }
            streams = []
            for await batch in events {
                for event in batch { offer(source.notifications(from: event, now: clock.now)) }
            }
            for route in routes { route.continuation.finish() }
        }
    }

    /// Queues `notifications` for every entry that wants them, within each entry's rate limit.
    public func offer(_ notifications: [OutboundNotification]) {
        let now = clock.now
        for n in notifications {
            for i in routes.indices where routes[i].target.wants(n) {
                let window = TimeInterval(routes[i].target.rate.seconds)
                routes[i].sent.removeAll { now.timeIntervalSince($0) >= window }
                guard routes[i].sent.count < routes[i].target.rate.count else {
                    routes[i].suppressed += 1
                    continue
                }
                routes[i].sent.append(now)
                let result = routes[i].continuation.yield(Delivery(notification: n, suppressed: routes[i].suppressed))
                routes[i].suppressed = 0
                if case .dropped(let old) = result { routes[i].suppressed += 1 + old.suppressed }
            }
        }
    }

    /// Posts one notification, trying again on a retryable failure; the last failure is reported.
    private func deliver(_ delivery: Delivery, to target: NotifyTarget) async {
        let n = delivery.notification
        let address: String
        do { address = try url(target.urlSecret) } catch {
            report(target, n, "its URL is unavailable: \(error.message)",
                   hint: "store it with `vantage secret set \(NotifyTarget.secretScope) \(target.urlSecret)` (the URL is read from stdin)")
            return
        }
        let body = NotificationBody.data(n, for: target.kind, host: host, suppressed: delivery.suppressed)
        var tries = 0
        while true {
            tries += 1
            switch await sender.post(body, to: address, timeout: retry.timeout) {
            case .delivered:
                return
            case .rejected(let why):
                report(target, n, "\(Self.hostName(address)) refused it: \(why)", hint: "check the URL stored in the secret \(target.urlSecret)")
                return
            case .retryable(let why, let retryAfter):
                guard tries <= retry.delays.count else {
                    report(target, n, "\(Self.hostName(address)) did not take it after \(tries) tries: \(why)",
                           hint: "check that the receiver is up and the secret \(target.urlSecret) holds its URL")
                    return
                }
                var wait = retry.delays[tries - 1]
                if let retryAfter { wait = max(wait, min(.seconds(retryAfter), retry.longestRetryAfter)) }
                do { try await clock.sleep(for: wait) } catch { return }
            }
        }
    }

    private func report(_ target: NotifyTarget, _ n: OutboundNotification, _ why: String, hint: String) {
        let subject = n.project.map { "\(n.kind.rawValue) notification for \($0)" } ?? "\(n.kind.rawValue) notification"
        bus.publish(.diagnostic(Diagnostic(time: clock.now, severity: .warning, source: Self.diagnosticSource,
                                           message: "the \(target.kind.rawValue) \(subject) was not sent (\(target.field)): \(why); \(hint)")))
    }

    /// "hooks.slack.com": the URL's host, never its path (the path carries the token).
    static func hostName(_ url: String) -> String {
        URLComponents(string: url)?.host.map { $0.isEmpty ? "the receiver" : $0 } ?? "the receiver"
    }
}
