import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

/// Workflows written to a temporary project folder and really run, step by step.
@Suite("CI jobs run locally")
struct CIJobRunnerTests {
    static let github = """
        name: checks
        on: [push]
        env:
          GREETING: hello
        jobs:
          test:
            runs-on: ${{ matrix.os }}
            strategy:
              matrix:
                os: [ubuntu-latest, macos-latest]
                python: ["3.12", "3.11"]
            env:
              LEVEL: job
            steps:
              - uses: actions/checkout@v4
              - name: greet
                run: echo "$GREETING from $LEVEL on ${{ matrix.os }} with python ${{ matrix.python }}" > out/greeting.txt
              - name: where
                working-directory: out
                run: pwd > where.txt
              - name: step env wins
                env:
                  LEVEL: step
                run: echo "$LEVEL" > out/level.txt
              - name: python shell
                shell: python
                run: |
                  import os
                  open("out/python.txt", "w").write(os.environ["CI"])
              - name: break
                run: |
                  echo about to fail
                  false
                  echo never printed
              - name: skipped after a failure
                run: touch out/skipped.txt
              - name: on failure
                if: failure()
                run: touch out/failure.txt
              - name: always
                if: ${{ always() }}
                run: touch out/always.txt
          lint:
            runs-on: ubuntu-latest
            steps:
              - run: echo lint > out/lint.txt
        """

    func folder(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "vantage-ci-\(UUID().uuidString.prefix(8))"
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        return root
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test("a GitHub job runs its run: steps in order with env, working-directory, shell, the first matrix entry and if: always()/failure()")
    func githubJob() throws {
        let root = try folder([".github/workflows/checks.yml": Self.github])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (workflow, job) = try CIJobRunner.find(nil, in: CIWorkflow.load(folder: root), folder: root)
        #expect(job.id == "test" && job.matrix == ["os": "ubuntu-latest", "python": "3.12"])
        let reports = CIJobRunner.run(job, of: workflow, in: root)
        #expect(reports.map(\.state) == [.skipped, .succeeded, .succeeded, .succeeded, .succeeded, .failed, .skipped, .succeeded, .succeeded])
        try #require(reports.count == 9)
        #expect(reports[0].note?.contains("actions/checkout@v4") == true)
        #expect(read(root + "/out/greeting.txt") == "hello from job on ubuntu-latest with python 3.12\n")
        #expect(read(root + "/out/where.txt") == root + "/out\n")
        #expect(read(root + "/out/level.txt") == "step\n")
        #expect(read(root + "/out/python.txt") == "true")
        #expect(reports[5].note == "exit status 1" && reports[5].outputTail == ["about to fail"], "bash -e stops at false")
        #expect(!FileManager.default.fileExists(atPath: root + "/out/skipped.txt"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/failure.txt") && FileManager.default.fileExists(atPath: root + "/out/always.txt"))
        #expect(reports.allSatisfy { $0.state == .skipped || $0.seconds != nil })

        let (_, lint) = try CIJobRunner.find("lint", in: CIWorkflow.load(folder: root), folder: root)
        #expect(CIJobRunner.run(lint, of: workflow, in: root).map(\.state) == [.succeeded])
        #expect(read(root + "/out/lint.txt") == "lint\n")
        let unknown = try #require(throws: VantageError.self) { try CIJobRunner.find("deploy", in: CIWorkflow.load(folder: root), folder: root) }
        #expect(unknown.message.contains("no job 'deploy'") && unknown.hint?.contains("lint") == true)
    }

    @Test("a GitLab job runs before_script, script and after_script (even after a failure) with variables")
    func gitlabJob() throws {
        let root = try folder([".gitlab-ci.yml": """
            variables:
              NAME: gitlab
            stages: [test]
            .hidden:
              script: [echo hidden]
            unit:
              stage: test
              before_script:
                - echo before > out/before.txt
              script:
                - echo "$NAME $EXTRA" > out/script.txt
                - exit 4
              after_script:
                - touch out/after.txt
              variables:
                EXTRA: job
            """])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workflows = CIWorkflow.load(folder: root)
        let (workflow, job) = try CIJobRunner.find(nil, in: workflows, folder: root)
        #expect(workflow.jobs.map(\.id) == ["unit"])
        let reports = CIJobRunner.run(job, of: workflow, in: root)
        #expect(reports.map(\.state) == [.succeeded, .succeeded, .failed, .succeeded])
        #expect(read(root + "/out/script.txt") == "gitlab job\n")
        #expect(FileManager.default.fileExists(atPath: root + "/out/after.txt"))
        try #require(reports.count == 4)
        #expect(reports[2].note == "exit status 4")
    }

    @Test("a workflow that does not read is an error with file and line; a folder with none says where to add one")
    func problems() throws {
        let root = try folder([".github/workflows/bad.yml": "jobs:\n  test:\n    steps:\n      - name: both\n        run: x\n        uses: y\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = try #require(throws: VantageError.self) { try CIJobRunner.find(nil, in: CIWorkflow.load(folder: root), folder: root) }
        #expect(error.location?.file.hasSuffix("bad.yml") == true && error.location?.line == 4)
        #expect(error.message.contains("exactly one of run: and uses:"))
        let empty = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = try #require(throws: VantageError.self) { try CIJobRunner.find(nil, in: CIWorkflow.load(folder: empty), folder: empty) }
        #expect(none.message.contains("no CI workflow") && none.hint?.contains(".gitlab-ci.yml") == true)
    }

    @Test("a deploy without steps takes the workflow's run: steps")
    func deployStepsFromWorkflow() throws {
        let root = try folder([".github/workflows/checks.yml": Self.github])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let steps = DeploySteps.defaults([.python], folder: root)
        #expect(steps.map(\.name) == ["greet", "where", "step env wins", "python shell", "break", "skipped after a failure"])
        #expect(steps.first?.command.contains("ubuntu-latest") == true)
        let plain = try folder(["requirements.txt": "flask\n"])
        defer { try? FileManager.default.removeItem(atPath: plain) }
        #expect(DeploySteps.defaults([.python], folder: plain).map(\.command) == ["python3 -m pip install -r requirements.txt"])
    }
}
