import Foundation
import VantageCore
import VantageDetector

/// Checks a project for the practices that make it easy to pick up and safe to change: a README, a
/// LICENSE, tests, CI configuration, a lock file for its package manager, a `.gitignore` and a
/// pinned toolchain. Works on a list of paths and a reader, so it runs on a folder or on a commit.
public struct PracticeChecker: Sendable {
    public init() {}

    /// Checks a folder on disk. `repository`: the files of the git repository the folder is a
    /// subfolder of (relative to the repository's top level), whose README, LICENSE, tests, CI
    /// and .gitignore the project inherits.
    public func check(project files: ProjectFiles, repository: [String] = []) -> PracticeReport {
        check(paths: files.paths, repository: repository) { files.text($0, maxBytes: 1_000_000) }
    }

    /// Checks a project given its relative paths and a way to read a (small) file's text. The
    /// repository-wide practices (README, LICENSE, tests, CI, .gitignore) also pass when the
    /// repository root has them (`repository`: its paths): a subfolder project inherits them.
    public func check(paths: [String], repository: [String] = [], read: (String) -> String?) -> PracticeReport {
        let rootFiles = Set(paths.filter { !$0.contains("/") })
        let repositoryRoot = Set(repository.filter { !$0.contains("/") })
        let lowerRoot = Set(rootFiles.union(repositoryRoot).map { $0.lowercased() })
        let everywhere = paths + repository
        let kinds = Self.kinds(rootFiles)
        var findings: [PracticeFinding] = []
        var passed: [Practice] = []
        func require(_ practice: Practice, _ ok: Bool, _ file: String, _ message: String, _ suggestion: String) {
            if ok { passed.append(practice) } else {
                findings.append(PracticeFinding(practice: practice, file: file, message: message, suggestion: suggestion))
            }
        }

        require(.readme, lowerRoot.contains { $0.hasPrefix("readme") }, "README.md",
                "no README at the project or repository root",
                "add a README.md: what the project does, how to build, run and test it")
        require(.license, lowerRoot.contains { $0.hasPrefix("license") || $0.hasPrefix("licence") || $0.hasPrefix("copying") || $0 == "unlicense" },
                "LICENSE", "no LICENSE file",
                "add a LICENSE (choosealicense.com helps); without one, nobody may legally reuse the code")
        require(.tests, everywhere.contains { SourcePaths.isTest($0) && AntiPatternScanner.codeExtensions.contains(Self.ext($0)) },
                "tests/", "no test files found",
                "add a tests folder with at least one test that runs the main code path")
        require(.ci, everywhere.contains(where: Self.isCIConfig), ".github/workflows/",
                "no CI configuration (.github/workflows, .gitlab-ci.yml, .ci/ ...)",
                "add a CI workflow that builds and runs the tests on every push")
        require(.gitignore, rootFiles.union(repositoryRoot).contains(".gitignore"), ".gitignore", "no .gitignore",
                "add a .gitignore for build output, dependencies and local environment files")

        for kind in kinds {
            if let (ok, expected, suggestion) = lockCheck(kind, rootFiles, read) {
                require(.lockFile, ok, expected, "no lock file for the \(kind.rawValue) dependencies", suggestion)
            }
            if let (ok, expected, suggestion) = toolchainCheck(kind, rootFiles, read) {
                require(.pinnedToolchain, ok, expected, "the \(kind.rawValue) toolchain version is not pinned", suggestion)
            }
        }
        var seen = Set<Practice>()
        passed = passed.filter { p in !findings.contains { $0.practice == p } && seen.insert(p).inserted }
        return PracticeReport(kinds: kinds, findings: findings, passed: passed)
    }

    /// The project's kinds, from the names of its top-level files, as the detector decides them.
    static func kinds(_ root: Set<String>) -> [ProjectKind] {
        ProjectDetector.kinds(files: root)
    }

    static func ext(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
    }

    static func isCIConfig(_ path: String) -> Bool {
        if path.hasPrefix(".github/workflows/") && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) { return true }
        if path.hasPrefix(".ci/") || path.hasPrefix(".circleci/") || path.hasPrefix(".buildkite/") { return true }
        return [".gitlab-ci.yml", ".travis.yml", "Jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml",
                ".drone.yml", ".woodpecker.yml", "appveyor.yml"].contains(path)
    }

    private func lockCheck(_ kind: ProjectKind, _ root: Set<String>, _ read: (String) -> String?) -> (Bool, String, String)? {
        switch kind {
        case .node:
            let ok = ["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "npm-shrinkwrap.json"].contains { root.contains($0) }
            return (ok, "package-lock.json", "run `npm install` (or yarn/pnpm) and commit the lock file, so every install gets the same versions")
        case .python:
            var ok = ["poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock"].contains { root.contains($0) }
            if !ok, root.contains("requirements.txt"), let text = read("requirements.txt") {
                let requirements = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("-") }
                ok = !requirements.isEmpty && requirements.allSatisfy { $0.contains("==") }
            }
            return (ok, "requirements.txt", "pin exact versions: `uv lock`, `poetry lock`, or `pip freeze > requirements.txt` with == pins")
        case .go:
            let needsSum = read("go.mod").map { $0.contains("require") } ?? true
            guard needsSum else { return nil }
            return (root.contains("go.sum"), "go.sum", "run `go mod tidy` and commit go.sum")
        case .rust:
            return (root.contains("Cargo.lock"), "Cargo.lock", "commit Cargo.lock (`cargo generate-lockfile`) for reproducible builds")
        case .swift:
            let hasDependencies = read("Package.swift").map { $0.contains(".package(") } ?? false
            guard hasDependencies else { return nil }
            return (root.contains("Package.resolved"), "Package.resolved", "run `swift package resolve` and commit Package.resolved")
        default:
            return nil
        }
    }

    private func toolchainCheck(_ kind: ProjectKind, _ root: Set<String>, _ read: (String) -> String?) -> (Bool, String, String)? {
        let toolVersions = root.contains(".tool-versions") || root.contains(".mise.toml") || root.contains("mise.toml")
        switch kind {
        case .node:
            var ok = toolVersions || root.contains(".nvmrc") || root.contains(".node-version")
            if !ok, let json = read("package.json").flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }) {
                ok = ((json["engines"] as? [String: Any])?["node"] != nil) || json["volta"] != nil
            }
            return (ok, ".nvmrc", "add an .nvmrc (or \"engines\": {\"node\": ...} in package.json) with the Node version you test with")
        case .python:
            let ok = toolVersions || root.contains(".python-version") || root.contains("runtime.txt")
            return (ok, ".python-version", "add a .python-version (pyenv, uv and others read it) with the Python version you test with")
        case .go:
            let ok = read("go.mod").map { text in
                text.split(separator: "\n").contains { $0.hasPrefix("go ") || $0.hasPrefix("toolchain ") }
            } ?? false
            return (ok || toolVersions, "go.mod", "add a `go 1.xx` directive to go.mod (`go mod edit -go=1.22`)")
        case .rust:
            let ok = toolVersions || root.contains("rust-toolchain") || root.contains("rust-toolchain.toml")
            return (ok, "rust-toolchain.toml", "add a rust-toolchain.toml with `[toolchain] channel = \"1.xx\"`")
        case .swift:
            return (toolVersions || root.contains(".swift-version"), ".swift-version", "add a .swift-version (swiftly and swiftenv read it) with the Swift version you build with")
        case .java, .gradle:
            let ok = toolVersions || root.contains(".java-version") || root.contains(".sdkmanrc")
            return (ok, ".java-version", "add a .java-version or .sdkmanrc with the JDK you build with")
        default:
            return nil
        }
    }
}
