import Crypto
import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The bearer token of the daemon's HTTP API: 32 random bytes as 64 hex digits in
/// `$VANTAGE_HOME/api-token` (mode 0600), made at the daemon's first start and replaced by
/// `vantage api token --rotate`. The daemon reads the file for each request, so a rotation takes
/// effect at once; the token itself is never logged or shown, except by `vantage api token`.
public enum APIToken {
    public static func path(_ paths: VantagePaths) -> String { paths.home + "/api-token" }

    /// The token, made first when the file does not exist yet.
    public static func current(_ paths: VantagePaths) throws(VantageError) -> String {
        let file = path(paths)
        if !FileManager.default.fileExists(atPath: file) {
            try VantagePaths.ensurePrivateDirectory(paths.home)
            do throws(VantageError) { try AtomicFile.create(Data((generate() + "\n").utf8), at: file) } catch {
                throw VantageError(.io, "cannot create the API token: \(error.message)", at: SourceLocation(file: file),
                                   hint: "free some space or fix the folder's permissions")
            }
        }
        return try read(file)
    }

    /// A new token in place of the old one (the old one stops working at once).
    public static func rotate(_ paths: VantagePaths) throws(VantageError) -> String {
        try VantagePaths.ensurePrivateDirectory(paths.home)
        let token = generate()
        try AtomicFile.write(Data((token + "\n").utf8), to: path(paths), mode: 0o600)
        return token
    }

    /// Reads the token file, refusing one that others may read or that holds no token.
    static func read(_ file: String) throws(VantageError) -> String {
        var st = stat()
        guard stat(file, &st) == 0 else {
            throw VantageError(.io, "cannot read the API token: \(String(cString: strerror(errno)))", at: SourceLocation(file: file),
                               hint: "`vantage api token` makes a new one")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw VantageError(.config, "the API token file can be read by group or others (mode \(String(st.st_mode & 0o777, radix: 8))); refusing to use it",
                               at: SourceLocation(file: file), hint: "chmod 600 it, or make a new token with `vantage api token --rotate`")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw VantageError(.io, "cannot read the API token", at: SourceLocation(file: file))
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 32, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw VantageError(.config, "the API token file holds no token (expected 64 hex digits)", at: SourceLocation(file: file),
                               hint: "make a new one with `vantage api token --rotate`")
        }
        return token
    }

    /// 32 bytes from the system's secure generator, as lowercase hex.
    static func generate() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
    }

    /// Whether `presented` is the token, in time that depends on the token's length only (never on
    /// where the first difference is).
    public static func matches(_ presented: some StringProtocol, _ token: String) -> Bool {
        let a = Array(presented.utf8), b = Array(token.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { difference |= b[i] ^ (i < a.count ? a[i] : 0) }
        return difference == 0
    }
}
