import VantageCore
import Yams

/// YAML read with Yams (libyaml), with located errors. libyaml refuses nesting deeper than
/// 1,000 levels with a located error; `YAMLDocumentTests` checks that a document at that limit
/// composes without exhausting a secondary thread's stack.
public enum YAMLDocument {
    /// The single root node of `text` (nil for an empty document), or the located error.
    public static func root(_ text: String, file: String) -> Result<Node?, VantageError> {
        do {
            return .success(try Yams.compose(yaml: text))
        } catch let error as YamlError {
            return .failure(FormatText.problem(file, line: line(of: error), "not valid YAML: \(describe(error))"))
        } catch {
            return .failure(FormatText.problem(file, "not valid YAML: \(error)"))
        }
    }

    /// The root, throwing the located error.
    public static func parse(_ text: String, file: String) throws(VantageError) -> Node? {
        try root(text, file: file).get()
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }
}
