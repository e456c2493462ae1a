import Foundation

/// Debt figures at one sampled commit.
public struct DebtHistoryPoint: Codable, Sendable, Equatable {
    /// The sample date (for example each week back from now).
    public var date: Date
    /// The last first-parent commit on HEAD at that date.
    public var commit: String
    public var summary: DebtSummary

    public init(date: Date, commit: String, summary: DebtSummary) {
        self.date = date
        self.commit = commit
        self.summary = summary
    }
}

/// What waiting costs: how fast the debt grows, and what that means for the remediation effort.
public struct CostOfDelay: Codable, Sendable, Equatable {
    /// Least-squares slope of the debt over the samples, in minutes per week.
    public var debtGrowthPerWeek: Double
    /// The current debt (the last sample), in minutes.
    public var remediationMinutes: Int
    /// Relative weekly growth: debtGrowthPerWeek / remediationMinutes.
    public var weeklyGrowthRate: Double
    /// weeklyGrowthRate × remediationMinutes: the remediation minutes each further week of delay adds.
    public var minutesPerWeekOfDelay: Double
}

/// Debt over history, read through git without touching the working tree: commits are sampled
/// with `git log --before`, files are listed with `git ls-tree` and read with `git cat-file --batch`.
public enum DebtHistory {
    /// The commits at `until`, `until - 1 week`, ... (`weeks` + 1 samples, oldest first). Samples
    /// before the first commit are left out.
    public static func sampleCommits(repo: String, weeks: Int, until: Date) throws -> [(date: Date, commit: String)] {
        var samples: [(Date, String)] = []
        for k in stride(from: weeks, through: 0, by: -1) {
            let date = until.addingTimeInterval(-Double(k) * 7 * 86_400)
            let out = try GitCommand.lines(["log", "-1", "--first-parent", "--format=%H",
                                            "--before=\(GitCommand.gitDate(date))", "HEAD"], in: repo)
            if let commit = out.first, !commit.isEmpty { samples.append((date, commit)) }
        }
        return samples
    }

    /// Debt figures at each sampled commit.
    /// - `include`: which paths to measure (by name, before reading).
    /// - `measure`: lines of code and items of one file's contents.
    /// - `projectItems`: project-wide items from the list of paths at that commit and a reader for
    ///   the text of one of them (read from the commit, not the working tree).
    public static func measure(
        repo: String, weeks: Int, until: Date, calculator: DebtCalculator = DebtCalculator(),
        include: (String) -> Bool,
        measure: (String, Data) -> FileMeasurement,
        projectItems: ([String], (String) -> String?) -> [RemediationItem] = { _, _ in [] }
    ) throws -> [DebtHistoryPoint] {
        var measured: [String: FileMeasurement] = [:]  // keyed by blob id and path
        var byCommit: [String: DebtSummary] = [:]
        var points: [DebtHistoryPoint] = []
        for (date, commit) in try sampleCommits(repo: repo, weeks: weeks, until: until) {
            if let known = byCommit[commit] {
                points.append(DebtHistoryPoint(date: date, commit: commit, summary: known))
                continue
            }
            let tree = try files(repo: repo, commit: commit)
            // Files over `maxBlobBytes` are skipped, as in the working-tree scan.
            let wanted = tree.filter { include($0.path) && $0.size <= maxBlobBytes }
            // A measurement depends on the contents and on the path (language, tests), so both key it;
            // unchanged files between samples are measured once.
            let missing = wanted.filter { measured[$0.blob + "\u{0}" + $0.path] == nil }
            // Read in batches so that a large repository never sits in memory at once.
            for start in stride(from: 0, to: missing.count, by: 500) {
                let batch = missing[start ..< min(start + 500, missing.count)]
                let contents = try readBlobs(repo: repo, ids: Array(Set(batch.map(\.blob))))
                for file in batch {
                    measured[file.blob + "\u{0}" + file.path] = measure(file.path, contents[file.blob] ?? Data())
                }
            }
            var loc = 0
            var items: [RemediationItem] = []
            for file in wanted {
                let m = measured[file.blob + "\u{0}" + file.path] ?? FileMeasurement(linesOfCode: 0, items: [])
                loc += m.linesOfCode
                items += m.items.map { var i = $0; i.file = file.path; return i }
            }
            let blobByPath = Dictionary(tree.map { ($0.path, $0.blob) }, uniquingKeysWith: { a, _ in a })
            items += projectItems(tree.map(\.path)) { path in
                guard let blob = blobByPath[path], let data = try? readBlobs(repo: repo, ids: [blob])[blob] else { return nil }
                return String(decoding: data, as: UTF8.self)
            }
            let summary = calculator.summary(items: items, linesOfCode: loc)
            byCommit[commit] = summary
            points.append(DebtHistoryPoint(date: date, commit: commit, summary: summary))
        }
        return points
    }

    /// Cost of delay from a debt history (needs two samples at different dates).
    public static func costOfDelay(_ history: [DebtHistoryPoint]) -> CostOfDelay? {
        guard history.count >= 2, let first = history.first, let last = history.last,
              last.date > first.date else { return nil }
        let xs = history.map { $0.date.timeIntervalSince(first.date) / (7 * 86_400) }
        let ys = history.map { Double($0.summary.debtMinutes) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        let slope = sxx > 0 ? sxy / sxx : 0
        let effort = last.summary.debtMinutes
        let rate = effort > 0 ? slope / Double(effort) : 0
        return CostOfDelay(debtGrowthPerWeek: slope, remediationMinutes: effort, weeklyGrowthRate: rate,
                           minutesPerWeekOfDelay: rate * Double(effort))
    }

    /// Files larger than this are not read (the working-tree scan skips them too).
    public static let maxBlobBytes = 2_000_000

    /// Blobs in the tree of `commit` under `repo` (which may be a folder inside the repository):
    /// path relative to that folder, object id and size in bytes.
    public static func files(repo: String, commit: String) throws -> [(path: String, blob: String, size: Int)] {
        let out = try GitCommand.run(["ls-tree", "-r", "-l", "-z", commit], in: repo)
        var result: [(String, String, Int)] = []
        for entry in out.split(separator: 0) {
            // <mode> SP <type> SP <object> SP+ <size> TAB <path>
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let meta = String(decoding: entry[entry.startIndex ..< tab], as: UTF8.self).split(separator: " ")
            guard meta.count == 4, meta[1] == "blob" else { continue }
            result.append((String(decoding: entry[(tab + 1)...], as: UTF8.self), String(meta[2]), Int(meta[3]) ?? Int.max))
        }
        return result
    }

    /// Contents of blobs by object id, in one `git cat-file --batch` process.
    public static func readBlobs(repo: String, ids: [String]) throws -> [String: Data] {
        guard !ids.isEmpty else { return [:] }
        let request = Data((ids.joined(separator: "\n") + "\n").utf8)
        let out = try GitCommand.run(["cat-file", "--batch"], in: repo, input: request)
        var result: [String: Data] = [:]
        var i = out.startIndex
        while i < out.endIndex {
            // <oid> SP <type> SP <size> LF <contents> LF   (or <oid> SP missing LF)
            guard let lf = out[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: out[i ..< lf], as: UTF8.self).split(separator: " ")
            i = lf + 1
            guard header.count == 3, let size = Int(header[2]) else { continue }
            let end = min(i + size, out.endIndex)
            result[String(header[0])] = out[i ..< end]
            i = end + 1
        }
        return result
    }
}
