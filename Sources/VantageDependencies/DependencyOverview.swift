import Foundation
import VantageCore
import VantageStore

/// Everything the dependencies view of one project (or workspace) shows, from one call:
/// the list, vulnerabilities by severity, licences, conflicts, lock state and (optionally) updates.
/// Offline by default: updates are only asked for when `checkUpdates` is set, since the tools may reach the network.
public struct DependencyOverview: Sendable {
    public var path: String
    public var inventory: DependencyInventory
    public var vulnerabilities: VulnerabilityScan?
    /// Vulnerable packages per severity rating (highest first).
    public var bySeverity: [(SeverityRating, Int)]
    public var licenses: [LicenseFinding]
    public var conflicts: [PackageConstraintResult]
    public var locks: [LockFileStatus]
    public var updates: [AvailableUpdate]
    public var errors: [VantageError]

    public static func build(path: String, database: AdvisoryDatabase?, checkUpdates: Bool = false) -> DependencyOverview {
        let inventory = DependencyInventory(scanning: path)
        var errors = inventory.errors
        var scan: VulnerabilityScan?
        if let database {
            switch Result(catching: { () throws(VantageError) -> VulnerabilityScan in try VulnerabilityScanner(database: database).scan(inventory.dependencies) }) {
            case .success(let s): scan = s
            case .failure(let e): errors.append(e)
            }
        }
        var counts: [SeverityRating: Int] = [:]
        for f in scan?.findings ?? [] {
            let worst = f.matches.map { AdvisorySeverity(advisory: scan!.advisories[$0.advisoryID] ?? [:]).rating }.max() ?? .unknown
            counts[worst, default: 0] += 1
        }
        let known: (Ecosystem, String) -> [String] = { e, n in (try? database?.listedVersions(ecosystem: e.rawValue, normalisedName: n)) ?? [] }
        return DependencyOverview(
            path: path, inventory: inventory, vulnerabilities: scan,
            bySeverity: counts.sorted { $0.key > $1.key }.map { ($0.key, $0.value) },
            licenses: LicenseCollector().collect(path, inventory: inventory),
            conflicts: ConflictResolver.analyse(inventory, knownVersions: known).filter { $0.isConflict },
            locks: LockFileChecker.check(path, inventory: inventory),
            updates: checkUpdates ? UpdateChecker().check(path) : [],
            errors: errors)
    }
}
