import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// The one walker on trees built to trap a naive one: links back to the folder itself and to its
/// parent, a FIFO nobody writes to (opening it for reading would wait forever), a link to that
/// FIFO, and a link to a real file.
@Suite(.timeLimit(.minutes(1))) struct FileWalkerTests {
    /// root/{a.txt, sub/b.txt, self -> ., sub/up -> .., pipe (FIFO), link-to-pipe -> pipe, link-to-a -> a.txt}
    static func trap() throws -> String {
        let root = NSTemporaryDirectory() + "vantage-walk-\(UUID().uuidString.prefix(8))"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        try "b".write(toFile: root + "/sub/b.txt", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/self", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root + "/sub/up", withDestinationPath: "..")
        #expect(mkfifo(root + "/pipe", 0o644) == 0, "mkfifo: \(errno)")
        try fm.createSymbolicLink(atPath: root + "/link-to-pipe", withDestinationPath: "pipe")
        try fm.createSymbolicLink(atPath: root + "/link-to-a", withDestinationPath: "a.txt")
        return root
    }

    @Test func listsOnlyRegularFilesAndNeverFollowsFolderLinks() throws {
        let root = try Self.trap()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileWalker().files(under: root) == ["a.txt", "link-to-a", "sub/b.txt"])
        var visited: [String] = []
        FileWalker().walk(root) { folder in
            visited.append(folder.relativePath)
            return .descend
        }
        #expect(visited == ["", "sub"])
    }

    @Test func followingFolderLinksEntersEachRealFolderOnce() throws {
        let root = try Self.trap()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Another real folder reached only through a link: followed, once, even though `self`
        // and `up` lead back to folders already entered.
        try FileManager.default.createDirectory(atPath: root + "-other", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root + "-other") }
        try "c".write(toFile: root + "-other/c.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/other", withDestinationPath: root + "-other")
        try FileManager.default.createSymbolicLink(atPath: root + "/other-again", withDestinationPath: root + "-other")
        let files = FileWalker(followsFolderLinks: true).files(under: root)
        #expect(files == ["a.txt", "link-to-a", "other-again/c.txt", "sub/b.txt"] || files == ["a.txt", "link-to-a", "sub/b.txt", "sub/other/c.txt"],
                "each of root, sub and the other folder once: \(files)")
        #expect(files.count == 4)
    }

    @Test func depthAndFileCountAreBounded() throws {
        let root = try Self.trap()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileWalker(maxDepth: 0).files(under: root) == ["a.txt", "link-to-a"])
        #expect(FileWalker(maxFiles: 1).files(under: root).count == 1)
        #expect(FileWalker { name, _ in name == "sub" }.files(under: root) == ["a.txt", "link-to-a"])
    }

    @Test func aFIFOIsRefusedAtOnceNotWaitedOn() throws {
        let root = try Self.trap()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileBytes.read(root + "/pipe") == .failure(.notRegular))
        #expect(FileBytes.read(root + "/link-to-pipe") == .failure(.notRegular))
        #expect(FileBytes.read(root + "/sub") == .failure(.notRegular))
        #expect(FileBytes.read(root + "/a.txt") == .success(Data("a".utf8)))
        #expect(FileBytes.read(root + "/a.txt", maxBytes: 0) == .failure(.tooLarge(1)))
        #expect(FileBytes.read(root + "/missing") == .failure(.unreadable(errno: ENOENT)))
        #expect {
            try FormatText.read(root + "/pipe")
        } throws: { error in
            (error as? VantageError)?.description == "\(root)/pipe: not a regular file (a pipe, socket or device) (replace it with a regular file, or remove it)"
        }
    }
}
