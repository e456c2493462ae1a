import Crypto
import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The 32-byte master key in `VantagePaths.keyFile`, created with mode 0600. A key file that the
/// group or others may read is refused. Per-environment keys are derived with HKDF-SHA256, the
/// environment name as info.
struct MasterKey: Sendable {
    /// Raw key bytes (SymmetricKey is not Sendable in this swift-crypto; one is made per use).
    private let bytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    static func loadOrCreate(_ path: String) throws(VantageError) -> MasterKey {
        if access(path, F_OK) != 0 {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                fsync(fd)
                close(fd)
                guard n == 32 else { throw VantageError(.io, "cannot write the master key", at: SourceLocation(file: path)) }
            }
        }
        var st = stat()
        guard stat(path, &st) == 0 else { throw VantageError(.io, "cannot read the master key: \(LinuxCalls.errnoText())", at: SourceLocation(file: path)) }
        let mode = st.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw VantageError(.config, "the master key file can be read by group or others (mode \(String(mode, radix: 8))); refusing to use it",
                               at: SourceLocation(file: path), hint: "run `chmod 600 \(path)`")
        }
        guard st.st_uid == getuid() else {
            throw VantageError(.config, "the master key file belongs to another user", at: SourceLocation(file: path))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw VantageError(.io, "cannot open the master key: \(LinuxCalls.errnoText())", at: SourceLocation(file: path)) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 33)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n == 32 else {
            throw VantageError(.config, "the master key file must hold exactly 32 bytes (it holds \(max(0, n)))", at: SourceLocation(file: path))
        }
        return MasterKey(bytes: Array(bytes[0..<32]))
    }

    func environmentKey(_ environment: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Data("vantage-secrets-v1".utf8),
                               info: Data(environment.utf8), outputByteCount: 32)
    }
}
