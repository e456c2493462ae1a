import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies

/// `vantage deps licenses PATH [--policy FILE] [--json]`
struct DepsLicensesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licenses",
        abstract: "Licences of installed dependencies (metadata and licence texts); exit 1 on a policy violation.")

    @Argument(help: "Project or workspace folder.") var path: String = "."
    @Option(help: "Policy TOML: allow = [...], deny = [...], [[approvals]] name, version, who, why.") var policy: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Fail (exit 1) when no installed package was found to check.") var strict = false

    func run() async throws {
        var p = LicensePolicy()
        if let policy {
            switch Result(catching: { () throws(VantageError) -> LicensePolicy in try LicensePolicy.load(policy) }) {
            case .success(let loaded): p = loaded
            case .failure(let e): writeStandardError("error: \(e)\n"); throw ExitCode(2)
            }
        }
        let findings = LicenseCollector().collect(path)
        let review = LicenseReview(findings, policy: p)
        let (items, violations) = (review.items, review.violations)
        if json { try DepsOutput.printJSON(items) }
        else {
            print(DepsOutput.table(["ECOSYSTEM", "NAME", "VERSION", "LICENCE", "VERDICT", "EVIDENCE"], items.map {
                [$0.finding.ecosystem.rawValue, $0.finding.name, $0.finding.version ?? "", $0.finding.licenses.isEmpty ? "unknown" : $0.finding.licenses.joined(separator: ", "),
                 $0.verdict + ($0.detail.map { " (\($0))" } ?? ""), $0.finding.evidence]
            }))
            if findings.isEmpty {
                print("No installed packages under \(path): licences are read from what is installed (node_modules, a virtualenv's "
                      + "site-packages, Cargo's registry). Install the dependencies first (npm install, pip install -r requirements.txt).")
            } else {
                print("\(WorkText.count(findings.count, "package")), \(WorkText.count(violations, "violation"))")
            }
        }
        if violations > 0 { throw ExitCode(1) }
        if findings.isEmpty && strict {
            FileHandle.standardError.write(Data("error: nothing was checked: no installed packages under \(path)\n".utf8))
            throw ExitCode(1)
        }
    }
}
