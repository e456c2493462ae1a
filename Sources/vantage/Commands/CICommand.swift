import ArgumentParser
import Foundation
import VantageCore
import VantageDetector
import VantageFormats
import VantageOrchestrator

/// `vantage ci run NAME [--job J]`: a project's CI job run here, step by step (issue 17 §5).
struct CICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ci",
        abstract: "Run a project's CI workflow locally.",
        subcommands: [CIRunCommand.self])
}

struct CIRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one job of .github/workflows/*.yml or .gitlab-ci.yml in the project's folder; exit 1 when a step fails.")

    @Argument(help: "Project name (as `vantage scan` lists it) or folder.") var name: String
    @Option(name: .long, help: "The job to run (its key under jobs:); default the first job.") var job: String?
    @Flag(name: .long, help: "Print the steps' outcomes as JSON.") var json = false
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let folder = try projectFolder()
        let workflows = CIWorkflow.load(folder: folder)
        let (workflow, chosen) = try CIJobRunner.find(job, in: workflows, folder: folder)
        if !json {
            print("\((workflow.path as NSString).lastPathComponent): job \(chosen.id)"
                  + (chosen.matrix.isEmpty ? "" : " (matrix: \(chosen.matrix.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))"))
        }
        let reports = CIJobRunner.run(chosen, of: workflow, in: folder) { report in
            guard !json else { return }
            print(report.line)
            if report.state == .failed { for line in report.outputTail.suffix(15) { print("    " + line) } }
        }
        if json { try JSONOutput.print(reports) }
        if let failed = reports.first(where: { $0.state == .failed }) {
            throw CommandLineFailure(message: "job \(chosen.id) failed at step '\(failed.name)' (\(failed.note ?? "failed"))", status: 1)
        }
        if !json { print("job \(chosen.id) passed: \(reports.filter { $0.state == .succeeded }.count) steps ran, \(reports.filter { $0.state == .skipped }.count) skipped") }
    }

    /// A folder given as such, else the scanned project of that name.
    private func projectFolder() throws -> String {
        var isFolder: ObjCBool = false
        if name.contains("/") || name == ".", FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: name).standardizedFileURL.path
        }
        let projects = try ProjectScanner().scan(roots: try workspace.resolvedRoots()).projects
        guard let project = projects.first(where: { $0.name == name }) else {
            throw CommandLineFailure(message: "no project called \"\(name)\" under \(try workspace.resolvedRoots().joined(separator: ", ")) (known: \(projects.map(\.name).sorted().prefix(12).joined(separator: ", "))); give its folder, or --root", status: 2)
        }
        return project.path
    }
}
