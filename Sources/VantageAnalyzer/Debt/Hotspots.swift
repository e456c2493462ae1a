import Foundation

/// A file that changes often and is complex: where refactoring pays most (Tornhill's hotspots).
public struct Hotspot: Codable, Sendable, Equatable {
    public var file: String
    /// Commits that touched the file in the window.
    public var commits: Int
    /// Summed cyclomatic complexity of the file's functions (or another size measure, see `rank`).
    public var complexity: Int
    /// commits × complexity.
    public var score: Int

    public init(file: String, commits: Int, complexity: Int) {
        self.file = file
        self.commits = commits
        self.complexity = complexity
        self.score = commits * complexity
    }
}

/// Refactoring priority of a file: its hotspot score × its debt minutes.
public struct RefactoringPriority: Codable, Sendable, Equatable {
    public var file: String
    public var hotspotScore: Int
    public var debtMinutes: Int
    public var priority: Int

    public init(file: String, hotspotScore: Int, debtMinutes: Int) {
        self.file = file
        self.hotspotScore = hotspotScore
        self.debtMinutes = debtMinutes
        self.priority = hotspotScore * debtMinutes
    }
}

public enum HotspotAnalysis {
    /// How many commits touched each file since `since`, from `git log --name-only --relative`:
    /// `repo` may be a folder inside a repository, and paths are relative to it. Merge commits are
    /// left out (their changes are counted on the branch that made them).
    public static func commitsPerFile(repo: String, since: Date, until: Date? = nil) throws -> [String: Int] {
        var arguments = ["log", "--no-merges", "--relative", "--name-only", "--format=%x00%H",
                         "--since=\(GitCommand.gitDate(since))"]
        if let until { arguments.append("--until=\(GitCommand.gitDate(until))") }
        var counts: [String: Int] = [:]
        var seenInCommit = Set<String>()
        for line in try GitCommand.lines(arguments, in: repo) {
            if line.hasPrefix("\u{0}") {
                seenInCommit.removeAll(keepingCapacity: true)
            } else if !line.isEmpty, seenInCommit.insert(line).inserted {
                counts[line, default: 0] += 1
            }
        }
        return counts
    }

    /// Hotspots, highest score first (ties by path). Only files with a known complexity take part,
    /// so deleted files drop out. `complexity` is the summed CCN per file; where that is not
    /// available, lines of code serve as the size measure (as in Tornhill's original method).
    public static func rank(commits: [String: Int], complexity: [String: Int]) -> [Hotspot] {
        commits.compactMap { file, count in
            complexity[file].map { Hotspot(file: file, commits: count, complexity: $0) }
        }
        .filter { $0.score > 0 }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.file < $1.file }
    }

    /// Refactoring priorities, highest first: hotspot score × debt minutes of the file.
    public static func priorities(hotspots: [Hotspot], debtByFile: [String: Int]) -> [RefactoringPriority] {
        hotspots.compactMap { h in
            debtByFile[h.file].map { RefactoringPriority(file: h.file, hotspotScore: h.score, debtMinutes: $0) }
        }
        .filter { $0.priority > 0 }
        .sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.file < $1.file }
    }
}
