import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// A real git repository with two commits and a deploy root, removed at the end.
final class DeployRepository: @unchecked Sendable {
    let root: String
    let repository: String
    let layout: ReleaseLayout
    private(set) var commits: [String] = []

    init() throws {
        root = NSTemporaryDirectory() + "vantage-deploy-\(UUID().uuidString.prefix(8))"
        repository = root + "/app"
        layout = ReleaseLayout(root: root + "/deploy")
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"])
        try commit(files: ["index.html": "version 1\n", ".env": "FROM_REPO=1\n"], message: "first")
    }

    func commit(files: [String: String], message: String) throws {
        for (name, text) in files {
            let path = repository + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try git(["add", "-A"])
        try git(["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message])
        commits.append(try ReleaseBuilder.resolve("HEAD", in: repository))
    }

    func git(_ arguments: [String]) throws {
        let result = try ChildProcess.run(["git", "-C", repository] + arguments)
        try #require(result.succeeded, "git \(arguments.joined(separator: " ")): \(result.output)")
    }

    func read(_ relative: String) -> String? { try? String(contentsOfFile: layout.currentLink + "/" + relative, encoding: .utf8) }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

@Suite("Releases with an atomic switch")
struct ReleaseLayoutTests {
    @Test("a release is the archive of a commit, with shared entries linked from shared/ and REVISION")
    func buildFromCommit() throws {
        let repo = try DeployRepository()
        try FileManager.default.createDirectory(atPath: repo.layout.sharedFolder + "/uploads", withIntermediateDirectories: true)
        try "SECRET=shared\n".write(toFile: repo.layout.sharedFolder + "/.env", atomically: true, encoding: .utf8)
        try "kept\n".write(toFile: repo.layout.sharedFolder + "/uploads/a.png", atomically: true, encoding: .utf8)
        try "untracked\n".write(toFile: repo.repository + "/scratch.txt", atomically: true, encoding: .utf8)

        let release = try ReleaseBuilder.build(repository: repo.repository, shared: [".env", "uploads"], in: repo.layout)
        #expect(release.commit == repo.commits.first)
        #expect(try String(contentsOfFile: release.path + "/index.html", encoding: .utf8) == "version 1\n")
        // The shared .env replaces the committed one; the untracked file is not in the release.
        #expect(try String(contentsOfFile: release.path + "/.env", encoding: .utf8) == "SECRET=shared\n")
        #expect(AtomicSwitch.destination(of: release.path + "/.env") == repo.layout.sharedFolder + "/.env")
        #expect(try String(contentsOfFile: release.path + "/uploads/a.png", encoding: .utf8) == "kept\n")
        #expect(!FileManager.default.fileExists(atPath: release.path + "/scratch.txt"))
        #expect(repo.layout.currentID() == nil, "building does not switch")

        try repo.layout.activate(release.id)
        #expect(repo.read("index.html") == "version 1\n")
        #expect(AtomicSwitch.destination(of: repo.layout.currentLink) == "releases/" + release.id)
    }

    @Test("--ref builds an older commit; a ref that does not exist names the repository and leaves nothing behind")
    func buildFromRef() throws {
        let repo = try DeployRepository()
        try repo.commit(files: ["index.html": "version 2\n"], message: "second")
        let old = try ReleaseBuilder.build(repository: repo.repository, ref: "HEAD~1", in: repo.layout)
        #expect(old.commit == repo.commits[0])
        #expect(try String(contentsOfFile: old.path + "/index.html", encoding: .utf8) == "version 1\n")

        let error = try #require(throws: VantageError.self) {
            try ReleaseBuilder.build(repository: repo.repository, ref: "no-such-branch", in: repo.layout)
        }
        #expect(error.message.contains("no-such-branch") && error.message.contains(repo.repository))
        #expect(repo.layout.releases().map(\.id) == [old.id])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.layout.releasesFolder)
        #expect(leftovers == [old.id], "no partial folder or archive remains")
    }

    @Test("a shared entry missing from shared/ or leaving the release is refused, and no release is made")
    func sharedEntryErrors() throws {
        let repo = try DeployRepository()
        let missing = try #require(throws: VantageError.self) {
            try ReleaseBuilder.build(repository: repo.repository, shared: ["storage/uploads"], in: repo.layout)
        }
        #expect(missing.message.contains("storage/uploads") && missing.hint?.contains(repo.layout.sharedFolder) == true)
        let escaping = try #require(throws: VantageError.self) {
            try ReleaseBuilder.build(repository: repo.repository, shared: ["../etc"], in: repo.layout)
        }
        #expect(escaping.message.contains("../etc"))
        #expect(repo.layout.releases().isEmpty)
    }

    @Test("ids made in the same second get .2, .3 … and sort by making order past .9")
    func sameSecondIDs() throws {
        let repo = try DeployRepository()
        let moment = Date(timeIntervalSince1970: 1_796_000_000)
        var ids: [String] = []
        for _ in 0 ..< 11 {
            ids.append(try ReleaseBuilder.build(repository: repo.repository, in: repo.layout, at: moment).id)
        }
        try #require(ids.count == 11)
        #expect(ids[0] == ReleaseID.format(moment))
        #expect(ids[1] == ids[0] + ".2" && ids[10] == ids[0] + ".11")
        #expect(repo.layout.releases().map(\.id) == ids)
        #expect(ReleaseID.parse(ids[0]) == moment)
        #expect(ReleaseID.parse("2026120712345") == nil && ReleaseID.parse("20261307123456") == nil && ReleaseID.parse(ids[0] + ".1") == nil)
    }

    @Test("keep N keeps the newest N and never removes the current or the previous; rollback goes back one, or --to an id")
    func keepAndRollback() throws {
        let repo = try DeployRepository()
        var ids: [String] = []
        for n in 1 ... 5 {
            try repo.commit(files: ["index.html": "version \(n + 1)\n"], message: "v\(n + 1)")
            let release = try ReleaseBuilder.build(repository: repo.repository, in: repo.layout,
                                                   at: Date(timeIntervalSince1970: 1_796_000_000 + Double(n)))
            try repo.layout.activate(release.id)
            ids.append(release.id)
        }
        try #require(ids.count == 5)
        // Roll back to the second one: it is current, the first is previous; keep 2 keeps the two
        // newest and spares both.
        try repo.layout.rollback(to: ids[1])
        #expect(repo.read("index.html") == "version 3\n")
        let removed = try repo.layout.prune(keep: 2)
        #expect(removed == [ids[2]])
        #expect(repo.layout.releases().map(\.id) == [ids[0], ids[1], ids[3], ids[4]])
        let listed = repo.layout.releases()
        #expect(listed.filter(\.isCurrent).map(\.id) == [ids[1]] && listed.filter(\.isPrevious).map(\.id) == [ids[0]])

        let back = try repo.layout.rollback()
        #expect(back.from == ids[1] && back.to == ids[0])
        #expect(repo.read("index.html") == "version 2\n")
        let oldest = try #require(throws: VantageError.self) { try repo.layout.rollback() }
        #expect(oldest.message.contains("nothing to roll back to"))
        let unknown = try #require(throws: VantageError.self) { try repo.layout.rollback(to: "20000101000000") }
        #expect(unknown.message.contains("20000101000000") && unknown.hint?.contains(ids[4]) == true)
        #expect(repo.read("index.html") == "version 2\n", "a refused rollback leaves current as it was")
    }

    @Test("a reader looping on current/ during 2,000 switches sees no failed read")
    func concurrentReaderDuringSwitches() throws {
        let repo = try DeployRepository()
        let first = try ReleaseBuilder.build(repository: repo.repository, in: repo.layout)
        try repo.commit(files: ["index.html": "version 2\n"], message: "second")
        let second = try ReleaseBuilder.build(repository: repo.repository, in: repo.layout)
        try repo.layout.activate(first.id)
        let outcome = try SwitchReadCheck.run(link: repo.layout.currentLink, between: "releases/" + first.id,
                                              and: "releases/" + second.id, file: "index.html", switches: 2000) { link, target throws(VantageError) in
            try AtomicSwitch.point(link, to: target)
        }
        #expect(outcome.switches == 2000)
        #expect(outcome.reads > 0)
        #expect(outcome.failedReads == 0)
        // No temporary link is left next to current.
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.layout.root).sorted() == ["current", "releases", "shared"])
    }
}
