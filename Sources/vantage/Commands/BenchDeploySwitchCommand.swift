import ArgumentParser
import Foundation
import VantageCore
import VantageOrchestrator

/// `vantage bench deploy-switch`: a reader loops on `current/index.html` while `current` is switched
/// between two releases, once by rename(2) (what deploys do) and once by rm then ln (for comparison);
/// prints the failed reads of each.
struct BenchDeploySwitchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy-switch",
        abstract: "Count the reads that fail through `current` while it is switched (rename vs rm+ln).")

    @Option(name: .long, help: "Switches per method.") var switches = 2000

    func run() throws {
        guard (1 ... 10_000_000).contains(switches) else {
            throw ValidationError("--switches must be between 1 and 10000000")
        }
        let root = NSTemporaryDirectory() + "vantage-bench-switch-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/releases/" + name, withIntermediateDirectories: true)
            try "release \(name)\n".write(toFile: root + "/releases/\(name)/index.html", atomically: true, encoding: .utf8)
        }
        let link = root + "/current"
        let methods: [(String, (String, String) throws(VantageError) -> Void)] = [
            ("rename", { link, target throws(VantageError) in try AtomicSwitch.point(link, to: target) }),
            ("rm+ln", { link, target throws(VantageError) in try AtomicSwitch.pointByRemovingFirst(link, to: target) }),
        ]
        for (name, change) in methods {
            try AtomicSwitch.point(link, to: "releases/a")
            let start = ContinuousClock.now
            let outcome = try SwitchReadCheck.run(link: link, between: "releases/a", and: "releases/b", file: "index.html",
                                                  switches: switches, change: change)
            let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18 + Double((ContinuousClock.now - start).components.seconds)
            print("\(name) switches: \(outcome.switches)")
            print("\(name) reads: \(outcome.reads)")
            print("\(name) failed reads: \(outcome.failedReads)")
            print("\(name) seconds: \(String(format: "%.2f", seconds))")
        }
    }
}
