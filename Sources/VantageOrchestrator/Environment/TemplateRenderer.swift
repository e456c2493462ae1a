import Foundation
import VantageCore

/// Renders configuration templates (`config/app.yaml.tmpl` → `config/app.yaml`) with `${VAR}` and
/// `{{VAR}}` placeholders. Every template is rendered in memory first; if any variable is missing
/// nothing is written and the error names the template, the line and the variable.
public enum TemplateRenderer {
    public static func render(_ text: String, variables: [String: String], file: String) throws(VantageError) -> String {
        var out = ""
        var lineNumber = 1
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" { lineNumber += 1 }
            var name: String?
            var end = i
            if c == "$", text[i...].hasPrefix("${"), let close = text[i...].firstIndex(of: "}") {
                name = String(text[text.index(i, offsetBy: 2)..<close]).trimmingCharacters(in: .whitespaces)
                end = text.index(after: close)
            } else if c == "{", text[i...].hasPrefix("{{"), let close = text[i...].range(of: "}}") {
                name = String(text[text.index(i, offsetBy: 2)..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                end = close.upperBound
            }
            if let name, !name.isEmpty, !name.contains("\n") {
                guard let value = variables[name] else {
                    throw VantageError(.config, "the template uses \(name), which is not set in this environment",
                                       at: SourceLocation(file: file, line: lineNumber, field: name),
                                       hint: "set it in .env, .vantage.toml [env.<env>], a secret, or with -e \(name)=...")
                }
                out += value
                i = end
                continue
            }
            out.append(c)
            i = text.index(after: i)
        }
        return out
    }

    /// Renders every template of a project; writes the outputs only when all of them render.
    public static func renderAll(_ templates: [String], projectPath: String, variables: [String: String]) throws(VantageError) -> [String] {
        var rendered: [(String, String)] = []
        for t in templates {
            let path = t.hasPrefix("/") ? t : projectPath + "/" + t
            guard let data = FileManager.default.contents(atPath: path) else {
                throw VantageError(.config, "the template listed in .vantage.toml does not exist", at: SourceLocation(file: path, field: "templates"))
            }
            let output = path.hasSuffix(".tmpl") ? String(path.dropLast(5)) : path + ".out"
            rendered.append((output, try render(String(decoding: data, as: UTF8.self), variables: variables, file: path)))
        }
        var written: [String] = []
        for (output, text) in rendered {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw VantageError(.io, "cannot write the rendered template: \(error.localizedDescription)", at: SourceLocation(file: output))
            }
            written.append(output)
        }
        return written
    }
}
