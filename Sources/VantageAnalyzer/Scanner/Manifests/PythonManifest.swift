import Foundation
import VantageCore

/// Python evidence: `pyproject.toml` (PEP 621 or Poetry), `requirements*.txt`, `manage.py`,
/// `app.py` / `main.py`. Command: `python manage.py runserver`, else `python app.py` /
/// `python main.py`, else the first `[project.scripts]` entry. A `.venv/bin/python` in the
/// folder is preferred to `python`.
enum PythonManifest {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        let requirementFiles = files.filter { $0.hasPrefix("requirements") && $0.hasSuffix(".txt") }.sorted()
        let markers = ["pyproject.toml", "manage.py", "app.py", "main.py"]
        guard !requirementFiles.isEmpty || markers.contains(where: files.contains) else { return nil }
        var evidence = KindEvidence(kind: .python)
        var scriptCommand: String?

        if files.contains("pyproject.toml") {
            let path = folder + "/pyproject.toml"
            if let toml = ScanManifestText.toml(path, warnings: &warnings) {
                let pyproject = readPyproject(toml, path: path, warnings: &warnings)
                evidence.name = pyproject.name
                evidence.dependencies += pyproject.dependencies
                scriptCommand = pyproject.firstScript
            }
        }
        for file in requirementFiles {
            let path = folder + "/" + file
            guard let text = ScanManifestText.read(path, warnings: &warnings) else { continue }
            evidence.dependencies += readRequirements(text, path: path, warnings: &warnings)
        }

        let python = FileManager.default.isExecutableFile(atPath: folder + "/.venv/bin/python") ? ".venv/bin/python" : "python"
        if files.contains("manage.py") {
            evidence.command = "\(python) manage.py runserver"
        } else if files.contains("app.py") {
            evidence.command = "\(python) app.py"
        } else if files.contains("main.py") {
            evidence.command = "\(python) main.py"
        } else if let scriptCommand {
            evidence.command = scriptCommand
        }
        return evidence
    }

    struct Pyproject {
        var name: String?
        var dependencies: [Dependency] = []
        var firstScript: String?
    }

    static func readPyproject(_ toml: TOMLTable, path: String, warnings: inout ScanWarnings) -> Pyproject {
        var result = Pyproject()
        if let project = toml["project"]?.tableValue {
            if let raw = project.entry("name") {
                if let name = raw.value.stringValue { result.name = name } else {
                    warnings.add("'project.name' must be a string, not \(raw.value.typeDescription)", file: path, line: raw.line, field: "project.name")
                }
            }
            if let raw = project.entry("dependencies") {
                if let items = raw.value.arrayValue {
                    for item in items {
                        guard let text = item.stringValue, let req = PythonRequirement(text) else {
                            warnings.add("not a valid requirement: \(item.stringValue.map { "\"\($0)\"" } ?? item.typeDescription)",
                                         file: path, line: raw.line, field: "project.dependencies")
                            continue
                        }
                        result.dependencies.append(Dependency(ecosystem: "pypi", name: req.name, version: req.specifier))
                    }
                } else {
                    warnings.add("'project.dependencies' must be an array of strings", file: path, line: raw.line, field: "project.dependencies")
                }
            }
            if let scripts = project["scripts"]?.tableValue, let first = scripts.keys.first {
                result.firstScript = first
            }
        }
        if let poetry = toml.value(at: ["tool", "poetry"])?.tableValue {
            if result.name == nil, let name = poetry["name"]?.stringValue { result.name = name }
            if let deps = poetry["dependencies"]?.tableValue {
                for entry in deps.entries where entry.key.lowercased() != "python" {
                    let version: String?
                    switch entry.value {
                    case .string(let s): version = s
                    case .table(let t): version = t["version"]?.stringValue
                    default:
                        warnings.add("a Poetry dependency must be a version string or a table", file: path, line: entry.line,
                                     field: "tool.poetry.dependencies.\(entry.key)")
                        continue
                    }
                    result.dependencies.append(Dependency(ecosystem: "pypi", name: entry.key, version: version))
                }
            }
            if result.firstScript == nil, let scripts = poetry["scripts"]?.tableValue, let first = scripts.keys.first {
                result.firstScript = first
            }
        }
        return result
    }

    /// `requirements.txt`: one requirement per line; comments, options (`-r`, `-e`, `--index-url`),
    /// URLs and local paths are skipped. A line that is none of these and not a requirement is a warning.
    static func readRequirements(_ text: String, path: String, warnings: inout ScanWarnings) -> [Dependency] {
        var deps: [Dependency] = []
        var lineNumber = 0
        var pending = ""
        var pendingLine = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if pending.isEmpty { pendingLine = lineNumber }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            line = pending + line
            pending = ""
            if let hash = line.range(of: " #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) {
                line = String(line[..<hash.lowerBound])
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("-") || trimmed.contains("://") || trimmed.hasPrefix(".") || trimmed.hasPrefix("/") {
                continue
            }
            guard let req = PythonRequirement(trimmed) else {
                warnings.add("not a valid requirement: \"\(trimmed)\"", file: path, line: pendingLine,
                             hint: "write it as name==version, e.g. flask==3.1.3")
                continue
            }
            deps.append(Dependency(ecosystem: "pypi", name: req.name, version: req.specifier))
        }
        return deps
    }
}
