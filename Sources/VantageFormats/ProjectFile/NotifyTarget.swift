import Foundation
import VantageCore

/// A `[[notify]]` entry of `vantage.toml`: where notifications go and which ones.
///
///     [[notify]]
///     kind = "slack"                 # slack, discord or webhook
///     url_secret = "SLACK_URL"       # vantage secret set @notify SLACK_URL
///     events = ["alert", "crash"]    # default: every kind
///     project = "api"                # default: every project
///     rate_limit = "10/min"          # default: 20/min
public struct NotifyTarget: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Slack's incoming webhooks: `{"text": …}`.
        case slack
        /// Discord's webhooks: `{"content": …}`.
        case discord
        /// Any HTTP endpoint: a JSON object with kind, project, text, time and host.
        case webhook
    }

    /// The secret scope that holds the receivers' URLs: `vantage secret set @notify NAME`.
    public static let secretScope = "@notify"
    public static let defaultRate = RateLimit(count: 20, seconds: 60)

    public var kind: Kind
    /// The name of the secret holding the URL (the URL itself carries a token: never in a file).
    public var urlSecret: String
    public var events: Set<OutboundNotification.Kind>
    /// The project's name as the grid shows it; nil: every project.
    public var project: String?
    public var rate: RateLimit
    public var line: Int
    /// `notify[0]`.
    public var field: String

    public init(kind: Kind, urlSecret: String, events: Set<OutboundNotification.Kind> = Set(OutboundNotification.Kind.allCases),
                project: String? = nil, rate: RateLimit = NotifyTarget.defaultRate, line: Int = 0, field: String = "notify[0]") {
        self.kind = kind
        self.urlSecret = urlSecret
        self.events = events
        self.project = project
        self.rate = rate
        self.line = line
        self.field = field
    }

    /// Whether this entry sends `notification`.
    public func wants(_ notification: OutboundNotification) -> Bool {
        events.contains(notification.kind) && (project == nil || project == notification.project)
    }
}

extension WorkspaceFileReader {
    /// `[[notify]]`: each entry read against its schema; problems name the file, line and field.
    static func notifyTargets(_ t: inout SchemaTable, file: String) -> [NotifyTarget] {
        guard let v = t.table["notify"] else { return [] }
        guard let items = v.arrayValue else {
            t.fail("notify", "expected [[notify]] tables, found \(v.typeDescription)")
            return []
        }
        var targets: [NotifyTarget] = []
        for (i, item) in items.enumerated() {
            let field = "notify[\(i)]"
            guard let n = item.tableValue else {
                t.fail("notify", "expected a table, found \(item.typeDescription)")
                continue
            }
            var entry = SchemaTable(n, file: file, path: field, known: ["kind", "url_secret", "events", "project", "rate_limit"])
            defer { t.absorb(entry) }
            let kinds = NotifyTarget.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            let kind: NotifyTarget.Kind?
            if let text = entry.string("kind", nonEmpty: true) {
                kind = NotifyTarget.Kind(rawValue: text.lowercased())
                if kind == nil { entry.fail("kind", "unknown kind \"\(TerminalText.escaped(text))\"", hint: "use one of: \(kinds)") }
            } else {
                kind = nil
                if n["kind"] == nil { entry.fail("kind", "each [[notify]] needs kind = \"slack\", \"discord\" or \"webhook\"") }
            }
            let secret = entry.string("url_secret", nonEmpty: true)
            if let secret, !DotEnvFile.isValidKey(secret) {
                entry.fail("url_secret", "\"\(TerminalText.escaped(secret))\" is not a secret name (letters, digits and _)")
            } else if secret == nil, n["url_secret"] == nil {
                entry.fail("url_secret", "each [[notify]] needs url_secret = \"NAME\", the secret that holds the receiver's URL",
                           hint: "store it with `vantage secret set \(NotifyTarget.secretScope) NAME` (the URL is read from stdin)")
            }
            var events = Set(OutboundNotification.Kind.allCases)
            if let list = n["events"] {
                let known = OutboundNotification.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                if let values = list.arrayValue {
                    events = []
                    for value in values {
                        guard let text = value.stringValue, let event = OutboundNotification.Kind(rawValue: text.lowercased()) else {
                            entry.fail("events", "unknown event \(value.stringValue.map { "\"\(TerminalText.escaped($0))\"" } ?? value.typeDescription)",
                                       hint: "use some of: \(known)")
                            continue
                        }
                        events.insert(event)
                    }
                    if values.isEmpty { entry.fail("events", "'\(field).events' is empty: this entry would send nothing", hint: "leave it out to send every kind (\(known))") }
                } else {
                    entry.fail("events", "expected a list such as [\"alert\", \"crash\"], found \(list.typeDescription)")
                }
            }
            let project = entry.string("project", nonEmpty: true)
            var rate = NotifyTarget.defaultRate
            if let text = entry.string("rate_limit", nonEmpty: true) {
                switch RateLimit.parse(text) {
                case .success(let parsed): rate = parsed
                case .failure(let problem): entry.fail("rate_limit", problem.message)
                }
            }
            if let kind, let secret, entry.errors.isEmpty {
                targets.append(NotifyTarget(kind: kind, urlSecret: secret, events: events, project: project, rate: rate,
                                            line: n.line(of: "kind") ?? n.line, field: field))
            }
        }
        return targets
    }
}
