import Foundation
import Testing
@testable import VantageProbes

/// The two ways of listing listening sockets see the same sockets.
@Suite struct ListeningSocketsTests {
    @Test func netlinkAndProcNetTcpAgree() throws {
        let reader = ProcReader()
        let viaNetlink = try #require(NetlinkListeningSockets.read())
        let viaFiles = reader.listeningSocketsFromFiles()
        // Sockets may open or close between the two reads; on a quiet machine they are the same.
        let common = Set(viaNetlink.keys).intersection(viaFiles.keys)
        #expect(common.count >= max(viaFiles.count, viaNetlink.count) - 2)
        for inode in common { #expect(viaNetlink[inode] == viaFiles[inode]) }
    }

    @Test func aFixtureRootIsReadFromItsFilesNotFromTheKernel() throws {
        let folder = try TemporaryFolder("vantage-fixture-net")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/net", withIntermediateDirectories: true)
        // An empty table: the real machine's listeners must not leak in.
        try "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            .write(toFile: folder.path + "/net/tcp", atomically: false, encoding: .utf8)
        #expect(ProcReader(root: folder.path).listeningSockets().isEmpty)
    }
}
