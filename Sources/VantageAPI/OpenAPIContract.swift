import Foundation
import VantageCore
import Yams

/// The API's contract: docs/openapi.yaml (compiled in by Plugins/EmbedFiles, the one source),
/// served as JSON at `/api/v1/openapi.json`.
enum OpenAPIContract {
    static var yaml: String { EmbeddedFiles.contracts["openapi"] ?? "" }

    /// The YAML as JSON, converted once.
    static func json() throws -> Data { try converted.get() }

    private static let converted: Result<Data, APIProblem> = {
        do {
            guard let document = try Yams.load(yaml: yaml) else { throw VantageError(.config, "docs/openapi.yaml is empty") }
            var data = try JSONSerialization.data(withJSONObject: jsonValue(document, depth: 0), options: [.sortedKeys, .withoutEscapingSlashes])
            data.append(10)
            return .success(data)
        } catch {
            return .failure(APIProblem(.internalServerError, "contract", "The API's contract does not read", detail: "docs/openapi.yaml: \(error)"))
        }
    }()

    /// YAML's values as JSON's: keys as strings (a status code such as 200 is read as a number),
    /// dates as text. The contract nests a few levels; a bound keeps a malformed one from recursing far.
    static func jsonValue(_ value: Any, depth: Int) throws -> Any {
        guard depth < 64 else { throw VantageError(.config, "docs/openapi.yaml nests deeper than 64 levels") }
        switch value {
        case let map as [AnyHashable: Any]:
            var out: [String: Any] = [:]
            for (key, item) in map { out["\(key.base)"] = try jsonValue(item, depth: depth + 1) }
            return out
        case let list as [Any]:
            return try list.map { try jsonValue($0, depth: depth + 1) }
        case let date as Date:
            return ISO8601DateFormatter().string(from: date)
        case is NSNull, is String, is Bool, is Int, is Double:
            return value
        default:
            return "\(value)"
        }
    }
}
