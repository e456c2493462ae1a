import Foundation
import VantageCore
import Yams

/// A CI workflow as `vantage ci run` runs it locally: a GitHub Actions workflow
/// (`.github/workflows/*.yml`) or the jobs of a `.gitlab-ci.yml`, read with Yams. Only what a local
/// run needs is kept: each job's steps (`run:` commands, or `uses:` actions, which are listed as
/// skipped), `env`/`variables` at every level, `working-directory`, `shell`, `if:`, `timeout-minutes`
/// and the first entry of a `strategy.matrix`. Every problem names the file, line and field.
public struct CIWorkflow: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var name: String
        /// The shell text of a `run:` step (`script:` line of GitLab); nil for a `uses:` step.
        public var run: String?
        /// The action of a `uses:` step (`actions/checkout@v4`).
        public var uses: String?
        public var env: [String: String] = [:]
        public var workingDirectory: String?
        public var shell: String?
        /// The `if:` text, without `${{ }}`; nil when absent.
        public var condition: String?
        public var timeoutMinutes: Double?
        public var line: Int?
    }

    public struct Job: Sendable, Equatable {
        /// The job's key (`test`), which `--job` names.
        public var id: String
        public var name: String
        public var env: [String: String] = [:]
        public var shell: String?
        public var workingDirectory: String?
        /// The first combination of `strategy.matrix` (`os: ubuntu-latest, node: 18`).
        public var matrix: [String: String] = [:]
        public var timeoutMinutes: Double?
        public var steps: [Step] = []
        public var line: Int?
    }

    public enum Flavour: String, Sendable, Equatable { case github, gitlab }

    public var path: String
    public var flavour: Flavour
    public var name: String
    public var env: [String: String] = [:]
    public var jobs: [Job] = []
    public var problems: [VantageError] = []

    /// Every workflow of a project folder: `.github/workflows/*.yml|yaml` (by name), then `.gitlab-ci.yml`.
    public static func load(folder: String) -> [CIWorkflow] {
        var out: [CIWorkflow] = []
        let workflows = folder + "/.github/workflows"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: workflows)) ?? [])
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
        for name in names { out.append(read(workflows + "/" + name, flavour: .github)) }
        let gitlab = folder + "/.gitlab-ci.yml"
        if FileManager.default.fileExists(atPath: gitlab) { out.append(read(gitlab, flavour: .gitlab)) }
        return out
    }

    static func read(_ path: String, flavour: Flavour) -> CIWorkflow {
        do {
            let text = try FormatText.read(path)
            return flavour == .github ? parseGitHub(text, path: path) : parseGitLab(text, path: path)
        } catch {
            return CIWorkflow(path: path, flavour: flavour, name: (path as NSString).lastPathComponent, problems: [error])
        }
    }

    // MARK: GitHub Actions

    public static func parseGitHub(_ text: String, path: String) -> CIWorkflow {
        var w = CIWorkflow(path: path, flavour: .github, name: (path as NSString).lastPathComponent)
        guard let map = w.rootMapping(text) else { return w }
        if let name = map["name"]?.scalar?.string { w.name = name }
        w.env = w.variables(map["env"], field: "env")
        guard let jobs = map["jobs"]?.mapping else {
            w.fail(map["jobs"]?.mark?.line ?? 1, "jobs", "no 'jobs:' mapping", hint: "a workflow needs jobs: with at least one job")
            return w
        }
        for (key, value) in jobs {
            guard let id = key.scalar?.string, let job = value.mapping else {
                w.fail(key.mark?.line, "jobs", "a job must be a name with a mapping")
                continue
            }
            var j = Job(id: id, name: job["name"]?.scalar?.string ?? id, line: key.mark?.line)
            j.env = w.variables(job["env"], field: "jobs.\(id).env")
            j.timeoutMinutes = w.minutes(job["timeout-minutes"], field: "jobs.\(id).timeout-minutes")
            if let run = job["defaults"]?.mapping?["run"]?.mapping {
                j.shell = run["shell"]?.scalar?.string
                j.workingDirectory = run["working-directory"]?.scalar?.string
            }
            j.matrix = w.firstMatrixEntry(job["strategy"]?.mapping?["matrix"], field: "jobs.\(id).strategy.matrix")
            guard let steps = job["steps"]?.sequence else {
                if job["uses"] != nil {
                    j.steps = [Step(name: "uses \(job["uses"]?.scalar?.string ?? "")", uses: job["uses"]?.scalar?.string, line: job["uses"]?.mark?.line)]
                } else {
                    w.fail(job["steps"]?.mark?.line ?? key.mark?.line, "jobs.\(id).steps", "job '\(id)' has no steps: list")
                }
                w.jobs.append(j)
                continue
            }
            for (n, node) in steps.enumerated() {
                let field = "jobs.\(id).steps[\(n)]"
                guard let step = node.mapping else { w.fail(node.mark?.line, field, "a step must be a mapping"); continue }
                let run = step["run"]?.scalar?.string
                let uses = step["uses"]?.scalar?.string
                guard (run == nil) != (uses == nil) else {
                    w.fail(node.mark?.line, field, "a step needs exactly one of run: and uses:")
                    continue
                }
                var s = Step(name: step["name"]?.scalar?.string ?? run.map(firstLine) ?? "uses \(uses ?? "")", run: run, uses: uses, line: node.mark?.line)
                s.env = w.variables(step["env"], field: field + ".env")
                s.workingDirectory = step["working-directory"]?.scalar?.string
                s.shell = step["shell"]?.scalar?.string
                s.condition = step["if"]?.scalar.map { condition($0.string) }
                s.timeoutMinutes = w.minutes(step["timeout-minutes"], field: field + ".timeout-minutes")
                j.steps.append(s)
            }
            w.jobs.append(j)
        }
        return w
    }

    // MARK: GitLab CI

    /// Keys of `.gitlab-ci.yml` that are not jobs.
    static let gitlabKeywords: Set<String> = ["stages", "variables", "default", "include", "image", "services", "before_script",
                                              "after_script", "workflow", "cache", "pages"]

    public static func parseGitLab(_ text: String, path: String) -> CIWorkflow {
        var w = CIWorkflow(path: path, flavour: .gitlab, name: ".gitlab-ci.yml")
        guard let map = w.rootMapping(text) else { return w }
        w.env = w.variables(map["variables"], field: "variables")
        let defaults = map["default"]?.mapping
        let globalBefore = map["before_script"] ?? defaults?["before_script"]
        let globalAfter = map["after_script"] ?? defaults?["after_script"]
        for (key, value) in map {
            guard let id = key.scalar?.string, !gitlabKeywords.contains(id), !id.hasPrefix(".") else { continue }
            guard let job = value.mapping else { w.fail(key.mark?.line, id, "a job must be a mapping"); continue }
            var j = Job(id: id, name: id, line: key.mark?.line)
            j.env = w.variables(job["variables"], field: "\(id).variables")
            guard let script = job["script"] else {
                w.fail(key.mark?.line, "\(id).script", "job '\(id)' has no script:")
                w.jobs.append(j)
                continue
            }
            j.steps += w.scriptLines(job["before_script"] ?? globalBefore, field: "\(id).before_script", condition: nil)
            j.steps += w.scriptLines(script, field: "\(id).script", condition: nil)
            j.steps += w.scriptLines(job["after_script"] ?? globalAfter, field: "\(id).after_script", condition: "always()")
            w.jobs.append(j)
        }
        return w
    }

    // MARK: helpers

    private mutating func rootMapping(_ text: String) -> Node.Mapping? {
        switch YAMLDocument.root(text, file: path) {
        case .failure(let error):
            problems.append(error)
            return nil
        case .success(nil):
            fail(1, "", "the workflow file is empty")
            return nil
        case .success(let node?):
            guard let map = node.mapping else { fail(node.mark?.line, "", "expected a mapping at the top"); return nil }
            return map
        }
    }

    private mutating func fail(_ line: Int?, _ field: String, _ message: String, hint: String? = nil) {
        problems.append(FormatText.problem(path, line: line, field: field.isEmpty ? nil : field, message, hint: hint))
    }

    /// `env:` / `variables:`: a mapping of names to scalars (GitLab also allows `{ value: ... }`).
    private mutating func variables(_ node: Node?, field: String) -> [String: String] {
        guard let node else { return [:] }
        guard let map = node.mapping else {
            if node.scalar == nil || !(node.scalar?.string.isEmpty ?? true) { fail(node.mark?.line, field, "expected a mapping of variables") }
            return [:]
        }
        var out: [String: String] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string else { continue }
            if let text = value.scalar?.string { out[name] = text } else if let text = value.mapping?["value"]?.scalar?.string { out[name] = text } else {
                fail(value.mark?.line, field + "." + name, "expected a text value")
            }
        }
        return out
    }

    private mutating func minutes(_ node: Node?, field: String) -> Double? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let n = Double(text), n.isFinite, n > 0, n <= 10_080 else {
            fail(node.mark?.line, field, "expected a number of minutes from 1 to 10080")
            return nil
        }
        return n
    }

    /// The first value of each matrix key; with only `include:`, its first entry.
    private mutating func firstMatrixEntry(_ node: Node?, field: String) -> [String: String] {
        guard let node else { return [:] }
        guard let map = node.mapping else {
            if node.scalar != nil { return [:] } // an expression (`${{ fromJSON(...) }}`): nothing to take
            fail(node.mark?.line, field, "expected a mapping")
            return [:]
        }
        var out: [String: String] = [:]
        for (key, value) in map {
            guard let name = key.scalar?.string, name != "exclude" else { continue }
            if name == "include" {
                if out.isEmpty, let first = value.sequence?.first?.mapping {
                    for (k, v) in first { if let k = k.scalar?.string, let v = v.scalar?.string { out[k] = v } }
                }
                continue
            }
            if let first = value.sequence?.first?.scalar?.string { out[name] = first }
        }
        return out
    }

    /// GitLab's `script:` (a line or a list of lines): each line one step.
    private mutating func scriptLines(_ node: Node?, field: String, condition: String?) -> [Step] {
        guard let node else { return [] }
        let lines: [(String, Int?)]
        if let text = node.scalar?.string {
            lines = [(text, node.mark?.line)]
        } else if let items = node.sequence {
            lines = items.compactMap { item in item.scalar.map { ($0.string, item.mark?.line) } }
        } else {
            fail(node.mark?.line, field, "expected a command or a list of commands")
            return []
        }
        return lines.map { Step(name: firstLine($0.0), run: $0.0, condition: condition, line: $0.1) }
    }
}

/// `${{ always() }}` → `always()`.
private func condition(_ text: String) -> String {
    var t = text.trimmingCharacters(in: .whitespaces)
    if t.hasPrefix("${{"), t.hasSuffix("}}") { t = String(t.dropFirst(3).dropLast(2)).trimmingCharacters(in: .whitespaces) }
    return t
}

private func firstLine(_ text: String) -> String {
    let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
    return line.count > 60 ? String(line.prefix(59)) + "…" : line
}
