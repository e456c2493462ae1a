import ArgumentParser
import Foundation
import VantageAnalyzer
import VantageCore
import VantageDependencies
import VantageStore

/// `vantage deps bench-osv DIR`: imports a folder of OSV JSON into a fresh database and matches
/// N dependencies built from the package names in it; prints both times. Used by scripts/bench/deps-osv.sh.
struct DepsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-osv", abstract: "Benchmark OSV import and matching.",
                                                    shouldDisplay: false)
    @Argument var folder: String
    @Option var count = 1000
    @Option var rounds = 3

    func run() async throws {
        let dir = NSTemporaryDirectory() + "vantage-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var importTimes: [Double] = []
        var database: AdvisoryDatabase!
        for round in 0..<rounds {
            let db = try AdvisoryDatabase(path: dir + "/advisories-\(round).sqlite")
            let start = DispatchTime.now()
            let summary = try OSVImporter.importFolder(folder, into: db)
            importTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
            if round == 0 { print("imported \(summary.advisories) advisories from \(summary.files) files") }
            database = db
        }
        // Dependencies: every package folder name, cycled, with versions below, inside and above typical ranges.
        var names: [(Ecosystem, String)] = []
        for eco in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] {
            guard let e = Ecosystem(rawValue: eco) else { continue }
            for n in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + eco))?.sorted() ?? [] { names.append((e, n)) }
        }
        let versions = ["0.1.0", "1.0.0", "1.2.3", "2.0.0", "2.5.1", "3.1.4", "0.9.9", "10.0.0"]
        let deps = (0..<count).map { i -> PackageDependency in
            let (e, n) = names[(i * 7) % names.count]
            return PackageDependency(ecosystem: e, name: n, version: versions[i % versions.count], isDirect: true, source: "bench")
        }
        var matchTimes: [Double] = []
        var detailTimes: [Double] = []
        var found = 0
        for _ in 0..<rounds {
            let scanner = VulnerabilityScanner(database: database)
            let start = DispatchTime.now()
            let scan = try scanner.scan(deps, loadAdvisories: false)
            let mid = DispatchTime.now()
            _ = try scanner.withAdvisories(scan)
            let end = DispatchTime.now()
            matchTimes.append(Double(mid.uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            detailTimes.append(Double(end.uptimeNanoseconds - mid.uptimeNanoseconds) / 1e6)
            found = scan.findings.reduce(0) { $0 + $1.matches.count }
        }
        print("dependencies matched: \(count) (\(found) advisory matches)")
        print(String(format: "import: %.3f s (best of %d; target < 2 s)", importTimes.min()!, rounds))
        print(String(format: "match:  %.1f ms (best of %d; target < 200 ms): lookups, range evaluation, fixed-in", matchTimes.min()!, rounds))
        print(String(format: "report: %.1f ms (best of %d): loading and parsing the full OSV objects of the matches", detailTimes.min()!, rounds))
    }
}
