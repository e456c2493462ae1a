import Foundation
import Testing
import VantageAPI
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// `$VANTAGE_HOME/api-token`: made once with mode 0600, 64 hex digits, replaced by a rotation,
/// refused when others may read it; compared whole.
@Suite struct APITokenTests {
    func home() throws -> VantagePaths {
        let root = NSTemporaryDirectory() + "vantage-token-\(UUID().uuidString.prefix(8))"
        return VantagePaths(home: root + "/home", config: root + "/config")
    }

    @Test func madeOnceReadAgainAndRotated() throws {
        let paths = try home()
        defer { try? FileManager.default.removeItem(atPath: (paths.home as NSString).deletingLastPathComponent) }
        let first = try APIToken.current(paths)
        #expect(first.count == 64 && first.allSatisfy(\.isHexDigit))
        #expect(try APIToken.current(paths) == first, "the same token until rotated")
        var st = stat()
        #expect(stat(APIToken.path(paths), &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        let rotated = try APIToken.rotate(paths)
        #expect(rotated != first)
        #expect(try APIToken.current(paths) == rotated)
        #expect(stat(APIToken.path(paths), &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func aTokenFileOthersCanReadIsRefused() throws {
        let paths = try home()
        defer { try? FileManager.default.removeItem(atPath: (paths.home as NSString).deletingLastPathComponent) }
        _ = try APIToken.current(paths)
        chmod(APIToken.path(paths), 0o644)
        let error = #expect(throws: VantageError.self) { try APIToken.current(paths) }
        #expect(error?.message.contains("read by group or others") == true)
        #expect(error?.hint?.contains("--rotate") == true)
    }

    @Test func onlyTheWholeTokenMatches() {
        let token = String(repeating: "ab", count: 32)
        #expect(APIToken.matches(token, token))
        #expect(!APIToken.matches(String(token.dropLast()), token))
        #expect(!APIToken.matches(token + "0", token))
        #expect(!APIToken.matches("", token))
        #expect(!APIToken.matches("0" + token.dropFirst(), token))
        #expect(!APIToken.matches(token.dropLast() + "0", token))
        #expect(!APIToken.matches(token.uppercased(), token))
    }
}
