import Foundation
import Hummingbird
import HummingbirdCore
import VantageCore

/// An answer that is not a success, sent as `application/problem+json` (RFC 9457): `type`,
/// `title`, `status`, `detail`, and `field` when a 400 names the bad part of the request.
public struct APIProblem: Error, Codable, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var field: String?

    public init(_ status: HTTPResponse.Status, _ slug: String, _ title: String, detail: String, field: String? = nil) {
        self.type = "urn:vantage:problem:" + slug
        self.title = title
        self.status = status.code
        self.detail = detail
        self.field = field
    }

    public static let contentType = "application/problem+json"

    static func badRequest(_ detail: String, field: String) -> APIProblem {
        APIProblem(.badRequest, "bad-request", "The request is not valid", detail: detail, field: field)
    }

    static let unauthorized = APIProblem(.unauthorized, "unauthorized", "A valid bearer token is needed",
                                         detail: "send Authorization: Bearer TOKEN; `vantage api token` on the daemon's machine prints the token")

    static func unknownProject(_ id: String) -> APIProblem {
        APIProblem(.notFound, "unknown-project", "No such project",
                   detail: "no project is named or identified \"\(TerminalText.escaped(id))\"; GET /api/v1/projects lists them")
    }

    static func conflict(_ detail: String) -> APIProblem { APIProblem(.conflict, "conflict", "The project is already in that state", detail: detail) }

    static func unprocessable(_ detail: String) -> APIProblem {
        APIProblem(.unprocessableContent, "cannot-carry-out", "The request is valid but could not be carried out", detail: detail)
    }

    static func notImplemented(_ capability: String, detail: String) -> APIProblem {
        APIProblem(.notImplemented, "not-implemented", "Not available yet: \(capability)", detail: detail)
    }

    static func tooLarge(_ limit: Int) -> APIProblem {
        APIProblem(.contentTooLarge, "body-too-large", "The request body is too large", detail: "bodies are limited to \(limit) bytes")
    }

    static func timedOut(_ seconds: Int) -> APIProblem {
        APIProblem(.requestTimeout, "request-timeout", "The request body was not received in time",
                   detail: "the whole body must arrive within \(seconds) s; the connection is closed")
    }

    /// The response that carries this problem.
    func response() -> Response {
        var data = (try? JSONEncoder.api.encode(self)) ?? Data(#"{"title":"error"}"#.utf8)
        data.append(10)
        var headers: HTTPFields = [.contentType: Self.contentType]
        if status == HTTPResponse.Status.requestTimeout.code { headers[.connection] = "close" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error into a problem response: the handlers' own problems, the router's 404 and 405,
/// an oversized body (413), and anything unexpected (500, saying what happened).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as APIProblem {
            return problem.response()
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound:
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty {
                    var response = APIProblem(.methodNotAllowed, "method-not-allowed", "Method not allowed",
                                              detail: "\(request.uri.path) answers \(allowed.joined(separator: ", ")), not \(request.method)").response()
                    response.headers[.allow] = allowed.joined(separator: ", ")
                    return response
                }
                return APIProblem(.notFound, "no-such-endpoint", "No such endpoint",
                                  detail: "\(request.method) \(request.uri.path) is not part of the API; GET /api/v1/openapi.json describes it").response()
            case .methodNotAllowed:
                return APIProblem(.methodNotAllowed, "method-not-allowed", "Method not allowed",
                                  detail: "\(request.uri.path) does not answer \(request.method); GET /api/v1/openapi.json describes it").response()
            case .contentTooLarge:
                return APIProblem.tooLarge(bodyLimit).response()
            default:
                return APIProblem(error.status, "http-\(error.status.code)", error.status.reasonPhrase, detail: "\(error)").response()
            }
        } catch {
            return APIProblem(.internalServerError, "internal", "The daemon failed to answer", detail: "\(error)").response()
        }
    }
}

extension JSONEncoder {
    /// The API's JSON: keys sorted, slashes as they are, dates in ISO 8601, and a non-finite number
    /// (the infinite debt ratio of a project with no code) as the string "Infinity" or "NaN" (JSON
    /// has no such numbers; docs/openapi.yaml says where one can appear).
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}
