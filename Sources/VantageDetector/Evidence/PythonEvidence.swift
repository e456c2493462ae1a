import Foundation
import VantageCore
import VantageFormats

/// Python evidence: `pyproject.toml` (PEP 621 or Poetry), `setup.py`, `setup.cfg`, `Pipfile`,
/// `requirements*.txt`, `manage.py`, `app.py` / `main.py`. Command: `python manage.py runserver`,
/// else `python app.py` / `python main.py`, else the first script. A `.venv/bin/python` in the
/// folder is preferred to `python`, at scan time and at start (the recipe also sets VIRTUAL_ENV,
/// PATH and PYTHONUNBUFFERED, the last for every `python…` command whatever the project's kind).
enum PythonEvidence {
    static let markers = [Pyproject.fileName, "setup.py", "setup.cfg", "Pipfile", "manage.py", "app.py", "main.py"]

    static let entry = ProjectKindEntry(.python, isPresent: isPresent, read: read,
                                        recipe: LaunchRecipe(interpreter: "python", prepare: prepare))

    static func isPresent(_ files: Set<String>) -> Bool {
        markers.contains(where: files.contains) || files.contains(where: isRequirementsFile)
    }

    static func isRequirementsFile(_ name: String) -> Bool { name.hasPrefix("requirements") && name.hasSuffix(".txt") }

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .python, languages: [.python])
        var scriptCommand: String?
        if folder.has(Pyproject.fileName),
           let pyproject = warnings.reading({ () throws(VantageError) in try Pyproject.read(folder.path(Pyproject.fileName)) }) {
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
        for file in folder.files.filter(isRequirementsFile).sorted() {
            guard let requirements = warnings.reading({ () throws(VantageError) in try RequirementsFile.read(folder.path(file)) }) else { continue }
            warnings.add(contentsOf: requirements.problems)
            for line in requirements.lines {
                if case .requirement(let r) = line.item { evidence.dependencies.append(dependency(r)) }
            }
        }

        let python = FileManager.default.isExecutableFile(atPath: folder.path(".venv/bin/python")) ? ".venv/bin/python" : "python"
        if folder.has("manage.py") {
            evidence.command = "\(python) manage.py runserver"
        } else if folder.has("app.py") {
            evidence.command = "\(python) app.py"
        } else if folder.has("main.py") {
            evidence.command = "\(python) main.py"
        } else if let scriptCommand {
            evidence.command = scriptCommand
        }
        return evidence
    }

    static func dependency(_ r: PythonRequirement) -> Dependency {
        Dependency(ecosystem: "pypi", name: r.name, version: r.specifier.isEmpty ? nil : r.specifier)
    }

    /// Unbuffered output (log lines arrive as they are printed) and the folder's `.venv`, if any.
    static func prepare(_ start: inout LaunchRecipe.Start) {
        start.environment["PYTHONUNBUFFERED"] = "1"
        let venv = start.directory + "/.venv"
        guard FileManager.default.fileExists(atPath: venv + "/bin/python") else { return }
        let program = start.program
        if program == "python" || program == "python3" {
            start.command = venv + "/bin/python" + start.command.drop { $0 == " " }.dropFirst(program.count)
        }
        start.environment["VIRTUAL_ENV"] = venv
        start.environment["PATH"] = venv + "/bin:" + (start.path ?? "/usr/local/bin:/usr/bin:/bin")
    }
}
