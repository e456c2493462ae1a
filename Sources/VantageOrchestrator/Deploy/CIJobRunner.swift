import Foundation
import VantageCore
import VantageFormats

/// Runs one job of a CI workflow locally, in the project folder (`vantage ci run`, issue 17 §5):
/// its `run:` steps in order with the workflow's, job's and step's `env` (and the first matrix
/// entry, `${{ matrix.x }}` and `${{ env.X }}` substituted), `working-directory`, `shell`, and
/// `if:` (`always()` runs after a failure too, `failure()` only after one, anything else as
/// `success()`); `uses:` steps are reported as skipped with the action's name. Blocking.
public enum CIJobRunner {
    /// Minutes a step may run when neither it nor its job sets `timeout-minutes`.
    public static let defaultTimeoutMinutes: Double = 60

    public static func run(_ job: CIWorkflow.Job, of workflow: CIWorkflow, in folder: String,
                           baseEnvironment: [String: String] = ProcessInfo.processInfo.environment,
                           report: (StepReport) -> Void = { _ in }) -> [StepReport] {
        var failed = false
        var reports: [StepReport] = []
        for step in job.steps {
            let command = step.run.map { substitute($0, job: job, workflow: workflow, step: step) } ?? ""
            func finish(_ r: StepReport) { reports.append(r); report(r) }
            if let uses = step.uses {
                finish(StepReport(name: step.name, command: "", state: .skipped, note: "uses: \(uses) (actions are not run locally)"))
                continue
            }
            let when = step.condition ?? "success()"
            let runs = when.contains("always()") || (when.contains("failure()") ? failed : !failed && !when.contains("cancelled()"))
            guard runs else {
                finish(StepReport(name: step.name, command: command, state: .skipped, note: failed ? "an earlier step failed" : "if: \(when)"))
                continue
            }
            guard let shell = shellArguments(step.shell ?? job.shell, flavour: workflow.flavour) else {
                failed = true
                finish(StepReport(name: step.name, command: command, state: .failed, seconds: 0,
                                  note: "shell '\(step.shell ?? job.shell ?? "")' is not supported locally (bash, sh, python)"))
                continue
            }
            var directory = folder
            if let wd = step.workingDirectory ?? job.workingDirectory {
                let sub = substitute(wd, job: job, workflow: workflow, step: step)
                directory = sub.hasPrefix("/") ? sub : folder + "/" + sub
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                failed = true
                finish(StepReport(name: step.name, command: command, state: .failed, seconds: 0, note: "working-directory \(directory) does not exist"))
                continue
            }
            var environment = baseEnvironment
            environment["CI"] = "true"
            environment["GITHUB_WORKSPACE"] = folder
            environment["CI_PROJECT_DIR"] = folder
            for layer in [workflow.env, job.env, step.env] {
                for (k, v) in layer { environment[k] = substitute(v, job: job, workflow: workflow, step: step) }
            }
            let minutes = step.timeoutMinutes ?? job.timeoutMinutes ?? defaultTimeoutMinutes
            let result = StepRunner.run(name: step.name, command: command, in: directory, environment: environment, shell: shell, timeout: minutes * 60)
            if result.state == .failed { failed = true }
            finish(result)
        }
        return reports
    }

    /// The argv prefix for a step's shell; nil for one that cannot run here (pwsh, cmd).
    static func shellArguments(_ shell: String?, flavour: CIWorkflow.Flavour) -> [String]? {
        switch shell {
        case nil: return flavour == .github ? ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"] : ["/bin/sh", "-e", "-c"]
        case "bash": return ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]
        case "sh": return ["/bin/sh", "-e", "-c"]
        case "python": return ["python3", "-c"]
        default: return nil
        }
    }

    /// `${{ matrix.node }}`, `${{ env.NAME }}` replaced; other expressions (`secrets.X`, `github.sha`) become empty.
    static func substitute(_ text: String, job: CIWorkflow.Job, workflow: CIWorkflow, step: CIWorkflow.Step) -> String {
        guard text.contains("${{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { out += rest[open.lowerBound...]; return out }
            let expression = rest[open.upperBound ..< close.lowerBound].trimmingCharacters(in: .whitespaces)
            if expression.hasPrefix("matrix.") {
                out += job.matrix[String(expression.dropFirst(7))] ?? ""
            } else if expression.hasPrefix("env.") {
                let name = String(expression.dropFirst(4))
                out += step.env[name] ?? job.env[name] ?? workflow.env[name] ?? ""
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The job `id` of the workflows (the first job of the first workflow when nil), or why there is none.
    public static func find(_ id: String?, in workflows: [CIWorkflow], folder: String) throws(VantageError) -> (CIWorkflow, CIWorkflow.Job) {
        if let broken = workflows.first(where: { !$0.problems.isEmpty }), let problem = broken.problems.first {
            throw problem
        }
        let all = workflows.flatMap { w in w.jobs.map { (w, $0) } }
        guard !all.isEmpty else {
            throw VantageError(.notFound, "no CI workflow in \(folder)", at: SourceLocation(file: folder + "/.github/workflows"),
                               hint: "add .github/workflows/*.yml or .gitlab-ci.yml")
        }
        guard let id else { return all[0] }
        guard let hit = all.first(where: { $0.1.id == id }) else {
            throw VantageError(.notFound, "no job '\(id)' in the workflows of \(folder)",
                               hint: "jobs: \(all.map { "\($0.1.id) (\(($0.0.path as NSString).lastPathComponent))" }.joined(separator: ", "))")
        }
        return hit
    }
}
