import _CryptoExtras
import Crypto
import Foundation
import VantageCore

/// The master key sealed under a passphrase: scrypt turns the passphrase and a random salt into a
/// 256-bit key-encryption key, and AES-GCM seals the 32 master-key bytes with it. The salt, the
/// scrypt parameters and the format version are stored beside the sealed key and are bound as
/// associated data, so editing any of them makes the key fail to open rather than open wrongly.
///
/// On disk (JSON, mode 0600):
/// `{"format":"vantage-master-key","version":1,"kdf":"scrypt","n":32768,"r":8,"p":1,"salt":"…","sealed":"…"}`
struct PassphraseWrap: Codable, Sendable, Equatable {
    static let formatName = "vantage-master-key"

    var format = PassphraseWrap.formatName
    var version = 1
    var kdf = "scrypt"
    /// scrypt cost: CPU/memory rounds (a power of two), block size, parallelism.
    var n: Int
    var r: Int
    var p: Int
    /// Random salt, base64.
    var salt: String
    /// nonce ‖ ciphertext ‖ tag of the 32 master-key bytes, base64.
    var sealed: String

    /// Interactive-strength scrypt: N = 2^15, r = 8, p = 1 uses 32 MiB and about 0.1 s here, the
    /// parameters scrypt's author recommends for interactive logins.
    struct Cost: Sendable, Equatable {
        var n = 1 << 15
        var r = 8
        var p = 1
        static let interactive = Cost()
    }

    /// Bounds a stored file may ask for, so a damaged or hostile file cannot demand gigabytes.
    static let nRange = (1 << 10)...(1 << 20)
    static let rRange = 1...32
    static let pRange = 1...16

    /// Seals `masterKey` under `passphrase` with a fresh random salt.
    static func seal(masterKey: [UInt8], passphrase: String, cost: Cost = .interactive, file: String) throws(VantageError) -> PassphraseWrap {
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        var wrap = PassphraseWrap(n: cost.n, r: cost.r, p: cost.p, salt: salt.base64EncodedString(), sealed: "")
        let kek = try wrap.keyEncryptionKey(passphrase, file: file)
        do {
            let box = try AES.GCM.seal(Data(masterKey), using: kek, authenticating: wrap.associatedData)
            guard let combined = box.combined else { throw VantageError(.io, "cannot encode the sealed master key") }
            wrap.sealed = combined.base64EncodedString()
        } catch let e as VantageError { throw e } catch {
            throw VantageError(.io, "cannot seal the master key: \(error)", at: SourceLocation(file: file))
        }
        return wrap
    }

    /// The 32 master-key bytes, or an error that says the passphrase is wrong (or the file damaged).
    func open(passphrase: String, file: String) throws(VantageError) -> [UInt8] {
        let kek = try keyEncryptionKey(passphrase, file: file)
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data) else {
            throw VantageError(.config, "the sealed master key is damaged (field sealed is not valid base64 AES-GCM)", at: SourceLocation(file: file, field: "sealed"))
        }
        guard let plain = try? AES.GCM.open(box, using: kek, authenticating: associatedData), plain.count == 32 else {
            throw VantageError(.config, "wrong passphrase for the master key (or the key file was altered); nothing was decrypted",
                               at: SourceLocation(file: file),
                               hint: "set VANTAGE_PASSPHRASE to the passphrase used with `vantage secret passphrase set`, or type it at the prompt")
        }
        return Array(plain)
    }

    /// Reads a wrapped key file's contents, checking every field before any scrypt work is done.
    static func decode(_ data: Data, file: String) throws(VantageError) -> PassphraseWrap {
        let wrap: PassphraseWrap
        do { wrap = try JSONDecoder().decode(PassphraseWrap.self, from: data) } catch {
            throw VantageError(.config, "the master key file is neither a 32-byte key nor a passphrase-sealed key: \(error)", at: SourceLocation(file: file))
        }
        func bad(_ field: String, _ why: String) -> VantageError {
            VantageError(.config, "the passphrase-sealed master key has a bad \(field): \(why)", at: SourceLocation(file: file, field: field))
        }
        guard wrap.format == formatName else { throw bad("format", "\"\(wrap.format)\" is not \(formatName)") }
        guard wrap.version == 1 else { throw bad("version", "\(wrap.version) is newer than this Vantage understands") }
        guard wrap.kdf == "scrypt" else { throw bad("kdf", "\"\(wrap.kdf)\" is not supported (scrypt is)") }
        guard nRange.contains(wrap.n), wrap.n & (wrap.n - 1) == 0 else { throw bad("n", "\(wrap.n) must be a power of two in 2^10…2^20") }
        guard rRange.contains(wrap.r) else { throw bad("r", "\(wrap.r) must be in \(rRange)") }
        guard pRange.contains(wrap.p) else { throw bad("p", "\(wrap.p) must be in \(pRange)") }
        guard let salt = Data(base64Encoded: wrap.salt), salt.count >= 16 else { throw bad("salt", "must be base64 of at least 16 bytes") }
        return wrap
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(10)
        return data
    }

    private var associatedData: Data {
        Data("\(format)\u{0}\(version)\u{0}\(kdf)\u{0}\(n)\u{0}\(r)\u{0}\(p)\u{0}\(salt)".utf8)
    }

    private func keyEncryptionKey(_ passphrase: String, file: String) throws(VantageError) -> SymmetricKey {
        guard !passphrase.isEmpty else { throw VantageError(.usage, "the passphrase is empty", at: SourceLocation(file: file)) }
        guard let saltBytes = Data(base64Encoded: salt) else { throw VantageError(.config, "bad salt", at: SourceLocation(file: file, field: "salt")) }
        do {
            return try KDF.Scrypt.deriveKey(from: Data(passphrase.utf8), salt: saltBytes, outputByteCount: 32,
                                            rounds: n, blockSize: r, parallelism: p)
        } catch {
            throw VantageError(.io, "scrypt failed (n \(n), r \(r), p \(p)): \(error)", at: SourceLocation(file: file))
        }
    }
}
