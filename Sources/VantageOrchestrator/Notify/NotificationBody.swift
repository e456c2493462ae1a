import Foundation
import VantageCore
import VantageFormats

/// What is posted to a receiver, by its kind: Slack's `{"text": …}`, Discord's `{"content": …}`,
/// or, for a plain webhook, an object with every field (keys sorted, so bodies are stable).
public enum NotificationBody {
    /// "Vantage on build-01: alert · api: fired: cpu > 80% for 2m (93%)".
    public static func text(_ n: OutboundNotification, host: String, suppressed: Int = 0) -> String {
        let subject = n.project.map { "\(n.kind.rawValue) · \($0)" } ?? n.kind.rawValue
        let more = suppressed > 0 ? " (\(suppressed) earlier notification\(suppressed == 1 ? "" : "s") not sent: rate limit)" : ""
        return "Vantage on \(host): \(subject): \(n.text)\(more)"
    }

    public static func data(_ n: OutboundNotification, for kind: NotifyTarget.Kind, host: String, suppressed: Int = 0) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = text(n, host: host, suppressed: suppressed)
        switch kind {
        case .slack: return (try? encoder.encode(["text": text])) ?? Data()
        case .discord: return (try? encoder.encode(["content": text])) ?? Data()
        case .webhook:
            let object = Webhook(source: "vantage", host: host, kind: n.kind.rawValue, project: n.project, text: n.text,
                                 time: n.time, suppressed: suppressed)
            return (try? encoder.encode(object)) ?? Data()
        }
    }

    private struct Webhook: Encodable {
        var source: String
        var host: String
        var kind: String
        var project: String?
        var text: String
        var time: Date
        /// Notifications the rate limit held back since the last one sent.
        var suppressed: Int
    }
}
