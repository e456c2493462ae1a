import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// How one POST to a receiver ended.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// Worth trying again: no connection, a timeout, a 5xx, or 429 (with its Retry-After in seconds).
    case retryable(String, retryAfter: Int?)
    /// Trying again cannot help: a 4xx other than 408 and 429 (a wrong URL, a revoked token).
    case rejected(String)
}

/// Posts notification bodies over HTTP(S).
public protocol WebhookSender: Sendable {
    func post(_ body: Data, to url: String, timeout: Duration) async -> DeliveryOutcome
}

/// The real sender: AsyncHTTPClient on its shared event loops.
public struct HTTPWebhookSender: WebhookSender {
    public init() {}

    public func post(_ body: Data, to url: String, timeout: Duration) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "vantage-notify")
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
            // The body is read (and bounded) so the connection can be reused; its content is not used.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            switch status {
            case 200..<300: return .delivered
            case 429: return .retryable("HTTP 429 (too many requests)", retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) })
            case 408, 500..<600: return .retryable("HTTP \(status) \(response.status.reasonPhrase)", retryAfter: nil)
            default: return .rejected("HTTP \(status) \(response.status.reasonPhrase)")
            }
        } catch let error as HTTPClientError {
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) || String(describing: error).contains("unsupportedScheme") {
                return .rejected("the URL is not an http(s) URL")
            }
            return .retryable(Self.describe(error), retryAfter: nil)
        } catch {
            let text = String(describing: error)
            return .retryable(text.contains("refused") ? "connection refused" : text, retryAfter: nil)
        }
    }

    private static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .connectTimeout: return "no connection within the time limit"
        case .deadlineExceeded, .readTimeout: return "no answer within the time limit"
        case .remoteConnectionClosed: return "the receiver closed the connection"
        default: return "\(error)"
        }
    }
}
