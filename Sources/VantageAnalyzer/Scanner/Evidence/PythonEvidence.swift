import Foundation
import VantageCore
import VantageFormats

/// Python evidence: `pyproject.toml` (PEP 621 or Poetry), `requirements*.txt`, `manage.py`,
/// `app.py` / `main.py`. Command: `python manage.py runserver`, else `python app.py` /
/// `python main.py`, else the first script. A `.venv/bin/python` in the folder is preferred to `python`.
enum PythonEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        let requirementFiles = files.filter { $0.hasPrefix("requirements") && $0.hasSuffix(".txt") }.sorted()
        let markers = [Pyproject.fileName, "manage.py", "app.py", "main.py"]
        guard !requirementFiles.isEmpty || markers.contains(where: files.contains) else { return nil }
        var evidence = KindEvidence(kind: .python)
        var scriptCommand: String?

        if files.contains(Pyproject.fileName),
           let pyproject = warnings.reading({ () throws(VantageError) in try Pyproject.read(folder + "/" + Pyproject.fileName) }) {
            warnings.add(contentsOf: pyproject.problems)
            evidence.name = pyproject.name
            for r in pyproject.requirements where r.field == "project.dependencies" {
                evidence.dependencies.append(dependency(r.requirement))
            }
            for d in pyproject.poetryDependencies where d.field.hasPrefix("tool.poetry.dependencies.") {
                evidence.dependencies.append(Dependency(ecosystem: "pypi", name: d.name, version: d.constraint))
            }
            scriptCommand = pyproject.scripts.first
        }
        for file in requirementFiles {
            guard let requirements = warnings.reading({ () throws(VantageError) in try RequirementsFile.read(folder + "/" + file) }) else { continue }
            warnings.add(contentsOf: requirements.problems)
            for line in requirements.lines {
                if case .requirement(let r) = line.item { evidence.dependencies.append(dependency(r)) }
            }
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

    static func dependency(_ r: PythonRequirement) -> Dependency {
        Dependency(ecosystem: "pypi", name: r.name, version: r.specifier.isEmpty ? nil : r.specifier)
    }
}
