import Crypto
import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// The 32-byte master key in `VantagePaths.keyFile`, created with mode 0600. A key file that the
/// group or others may read is refused. Per-environment keys are derived with HKDF-SHA256, the
/// environment name as info.
///
/// The file holds either the 32 raw bytes, or (after `vantage secret passphrase set`) those bytes
/// sealed under a passphrase (`PassphraseWrap`: scrypt + AES-GCM). Changing or removing the
/// passphrase rewrites the file atomically: a temporary file beside it is written, synced, read
/// back and checked, then renamed over it, and the folder is synced; a crash at any point leaves
/// either the old file or the new one, both of which open to the same key.
struct MasterKey: Sendable {
    /// Raw key bytes (SymmetricKey is not Sendable in this swift-crypto; one is made per use).
    let bytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// What the key file holds.
    enum Stored: Sendable {
        case plain([UInt8])
        case sealed(PassphraseWrap)
    }

    /// Opens the key (creating a plain one if there is none). A sealed key needs `passphrase`.
    static func loadOrCreate(_ path: String, passphrase: String? = nil) throws(VantageError) -> MasterKey {
        if access(path, F_OK) != 0 { try create(path) }
        switch try readFile(path) {
        case .plain(let bytes):
            return MasterKey(bytes: bytes)
        case .sealed(let wrap):
            guard let passphrase else {
                throw VantageError(.usage, "the master key is protected by a passphrase and none was given",
                                   at: SourceLocation(file: path),
                                   hint: "set VANTAGE_PASSPHRASE, or run the command on a terminal to be asked for it")
            }
            return MasterKey(bytes: try wrap.open(passphrase: passphrase, file: path))
        }
    }

    /// Seals the key under `newPassphrase`, or stores it plain when that is nil. `current` opens a
    /// key that is sealed now. A wrong `current` throws before anything is written.
    static func changePassphrase(_ path: String, current: String?, new newPassphrase: String?,
                                 cost: PassphraseWrap.Cost = .interactive,
                                 beforeRename: () throws(VantageError) -> Void = {}) throws(VantageError) {
        guard access(path, F_OK) == 0 else {
            throw VantageError(.notFound, "there is no master key yet", at: SourceLocation(file: path),
                               hint: "store a secret first (`vantage secret set NAME KEY`), which creates it")
        }
        let key = try loadOrCreate(path, passphrase: current)
        let contents: Data
        if let newPassphrase {
            contents = try PassphraseWrap.seal(masterKey: key.bytes, passphrase: newPassphrase, cost: cost, file: path).encoded()
        } else {
            contents = Data(key.bytes)
        }
        try replaceAtomically(path, with: contents) { tmp throws(VantageError) in
            // Read the new file back the way a later start will, before it replaces the old one.
            let again = try loadOrCreate(tmp, passphrase: newPassphrase)
            guard again.bytes == key.bytes else { throw VantageError(.io, "the rewritten key file does not read back; the old one is kept", at: SourceLocation(file: path)) }
            try beforeRename()
        }
    }

    static func isSealed(_ path: String) -> Bool {
        if case .sealed? = try? readFile(path) { return true }
        return false
    }

    func environmentKey(_ environment: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Data("vantage-secrets-v1".utf8),
                               info: Data(environment.utf8), outputByteCount: 32)
    }

    // MARK: - The file

    /// A new random key, complete or not at all (`AtomicFile.create`: a unique temporary file,
    /// written, synced, then linked into place). When another process created one first, that one
    /// is kept and read.
    private static func create(_ path: String) throws(VantageError) {
        try VantagePaths.ensurePrivateDirectory((path as NSString).deletingLastPathComponent)
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        do throws(VantageError) {
            try AtomicFile.create(bytes, at: path)
        } catch {
            throw VantageError(.io, "cannot create the master key: \(error.message)", at: SourceLocation(file: path),
                               hint: "free some space or fix the folder's permissions; no secret was stored")
        }
    }

    /// Checks the owner and mode, then reads the raw or sealed key.
    static func readFile(_ path: String) throws(VantageError) -> Stored {
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
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while data.count <= 64 << 10 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            data += chunk[0..<n]
        }
        if data.count == 32 { return .plain(data) }
        guard data.first == UInt8(ascii: "{") else {
            throw VantageError(.config, "the master key file must hold exactly 32 bytes or a passphrase-sealed key (it holds \(data.count) bytes)",
                               at: SourceLocation(file: path))
        }
        return .sealed(try PassphraseWrap.decode(Data(data), file: path))
    }

    /// Writes `contents` to a unique temporary file beside `path` (0600), syncs it, lets `check`
    /// read it, renames it over `path` and syncs the folder (`AtomicFile.write`). On any failure
    /// the temporary file is removed and `path` is untouched.
    static func replaceAtomically(_ path: String, with contents: Data,
                                  check: (String) throws(VantageError) -> Void) throws(VantageError) {
        try AtomicFile.write(contents, to: path, check: check)
    }
}
