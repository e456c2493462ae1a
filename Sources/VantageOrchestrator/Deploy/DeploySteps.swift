import Foundation
import VantageCore
import VantageFormats

/// The steps of a deploy whose `[deploy]` table sets none: the project's CI workflow's, when it has
/// one (`.github/workflows`, `.gitlab-ci.yml`), else the kind's build and test commands (issue 17 §1).
public enum DeploySteps {
    /// The steps of a project without `steps` in `[deploy]`: its CI workflow's, else its kind's.
    public static func defaults(_ kinds: [ProjectKind], folder: String) -> [DeploySettings.Step] {
        fromWorkflow(folder: folder) ?? forKind(kinds, folder: folder)
    }

    /// The `run:` steps (matrix and env expressions substituted) of the first job of the folder's
    /// first readable workflow that has any; `uses:` steps and steps with an `if:` are left out.
    public static func fromWorkflow(folder: String) -> [DeploySettings.Step]? {
        for workflow in CIWorkflow.load(folder: folder) where workflow.problems.isEmpty {
            for job in workflow.jobs {
                let steps = job.steps.compactMap { step -> DeploySettings.Step? in
                    guard let run = step.run, step.condition == nil else { return nil }
                    let command = CIJobRunner.substitute(run, job: job, workflow: workflow, step: step)
                    return DeploySettings.Step(name: step.name, command: command,
                                               timeout: (step.timeoutMinutes ?? job.timeoutMinutes).map { $0 * 60 } ?? DeploySettings.Step.defaultTimeout)
                }
                if !steps.isEmpty { return steps }
            }
        }
        return nil
    }

    /// The kind's steps for the release folder `folder` (which files it has decides, e.g. a
    /// requirements.txt); empty for a kind with no build or test to run.
    public static func forKind(_ kinds: [ProjectKind], folder: String) -> [DeploySettings.Step] {
        func has(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + name) }
        for kind in kinds {
            switch kind {
            case .node:
                return [.init(name: "install", command: has("package-lock.json") ? "npm ci" : "npm install"),
                        .init(name: "test", command: "npm test")]
            case .python:
                var steps: [DeploySettings.Step] = []
                if has("requirements.txt") {
                    steps.append(.init(name: "install", command: "python3 -m pip install -r requirements.txt"))
                } else if has("pyproject.toml") {
                    steps.append(.init(name: "install", command: "python3 -m pip install ."))
                }
                if has("tests") || has("test") || has("pytest.ini") || has("conftest.py") {
                    steps.append(.init(name: "test", command: "python3 -m pytest"))
                }
                return steps
            case .swift:
                return [.init(name: "build", command: "swift build -c release"), .init(name: "test", command: "swift test")]
            case .rust:
                return [.init(name: "build", command: "cargo build --release"), .init(name: "test", command: "cargo test")]
            case .go:
                return [.init(name: "build", command: "go build ./..."), .init(name: "test", command: "go test ./...")]
            case .java:
                return [.init(name: "build", command: "mvn -B package")]
            case .gradle:
                return [.init(name: "build", command: has("gradlew") ? "./gradlew build" : "gradle build")]
            case .php:
                return has("composer.json") ? [.init(name: "install", command: "composer install --no-dev")] : []
            default:
                continue
            }
        }
        return []
    }
}
