import Foundation
import VantageCore
import VantageStore

/// A coverage report found on disk, read, with the time it was written.
public struct LocatedCoverage: Sendable, Equatable {
    public var path: String
    /// The report's modification time: when the figures were measured.
    public var modified: Date
    public var report: CoverageReport

    public init(path: String, modified: Date, report: CoverageReport) {
        self.path = path
        self.modified = modified
        self.report = report
    }

    /// The totals as a row of the coverage history.
    public func sample(project: ProjectID, recorded: Date) -> CoverageSample {
        let t = report.total
        return CoverageSample(project: project, time: modified, recorded: recorded, report: path, format: report.format.rawValue,
                              linesFound: t.linesFound, linesHit: t.linesHit, branchesFound: t.branchesFound, branchesHit: t.branchesHit)
    }
}

/// Finds a project's coverage report in the usual places, and the project a report belongs to.
public enum CoverageLocator {
    /// Where coverage reports usually are, relative to the project folder, in the order tried.
    public static let candidates = [
        "coverage/lcov.info", "lcov.info", "coverage.lcov", "coverage.xml", "cobertura.xml",
        "coverage/cobertura-coverage.xml", "coverage.json", "coverage/coverage.json",
    ]

    /// The first candidate under `root` that exists and reads as a report with line data.
    public static func find(inProject root: String) -> LocatedCoverage? {
        for candidate in candidates {
            let path = (root.hasSuffix("/") ? root : root + "/") + candidate
            guard FileManager.default.fileExists(atPath: path),
                  let located = try? read(path: path), located.report.total.lineRate != nil else { continue }
            return located
        }
        return nil
    }

    /// Reads the report at `path` with its modification time.
    public static func read(path: String) throws -> LocatedCoverage {
        let report = try CoverageReader.read(path: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        // Wall time on purpose: it stands in for the file's mtime (the kernel's wall-clock stamp) when
        // that cannot be read, so the report counts as just written.
        let modified = attributes?[.modificationDate] as? Date ?? Date()
        return LocatedCoverage(path: path, modified: modified, report: report)
    }

    /// The project folder a report belongs to: the folder from which the report's path is one of
    /// the usual places, the longest that fits (`…/app/coverage/lcov.info` → `…/app`), else the report's own folder.
    public static func project(ofReport path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        for candidate in candidates.sorted(by: { $0.count > $1.count }) where absolute.hasSuffix("/" + candidate) {
            return String(absolute.dropLast(candidate.count + 1))
        }
        return (absolute as NSString).deletingLastPathComponent
    }
}
