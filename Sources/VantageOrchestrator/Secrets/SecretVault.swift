import Crypto
import Foundation
import Synchronization
import VantageCore
import VantageFormats
#if canImport(Glibc)
import Glibc
#endif

/// Encrypted secrets: AES-GCM under a per-environment key derived from the master key, with the
/// project, environment and key name as associated data (a value moved to another key, project or
/// environment does not decrypt). Only ciphertext is stored, in `$VANTAGE_HOME/secrets.json` (0600).
public final class SecretVault: SecretsSource, Sendable {
    struct Record: Codable, Sendable, Equatable {
        var project: String
        var environment: String
        var key: String
        /// nonce ‖ ciphertext ‖ tag, base64.
        var sealed: String
        var updated: Date
    }
    struct File: Codable, Sendable { var version = 1; var secrets: [Record] = [] }

    public let path: String
    private let master: MasterKey
    private let lock = Mutex(())

    /// Opens (creating the master key if needed) the vault of `$VANTAGE_HOME`. A master key sealed
    /// with a passphrase needs `passphrase`; a wrong one throws and decrypts nothing.
    public static func open(_ paths: VantagePaths, passphrase: String? = nil) throws(VantageError) -> SecretVault {
        SecretVault(path: paths.home + "/secrets.json", master: try MasterKey.loadOrCreate(paths.keyFile, passphrase: passphrase))
    }

    /// Whether the master key of `$VANTAGE_HOME` is sealed with a passphrase.
    public static func isPassphraseProtected(_ paths: VantagePaths) -> Bool { MasterKey.isSealed(paths.keyFile) }

    /// Seals the master key under `new` (`current` opens it if it is sealed now). The key file is
    /// replaced atomically; a wrong `current` changes nothing.
    public static func setPassphrase(_ paths: VantagePaths, current: String?, new: String) throws(VantageError) {
        guard !new.isEmpty else { throw VantageError(.usage, "the new passphrase is empty") }
        try MasterKey.changePassphrase(paths.keyFile, current: current, new: new)
    }

    /// Stores the master key unsealed again (the file stays 0600). A wrong `current` changes nothing.
    public static func removePassphrase(_ paths: VantagePaths, current: String) throws(VantageError) {
        try MasterKey.changePassphrase(paths.keyFile, current: current, new: nil)
    }

    init(path: String, master: MasterKey) {
        self.path = path
        self.master = master
    }

    public func set(project: String, environment: String, key: String, value: String) throws(VantageError) {
        guard DotEnvFile.isValidKey(key) else {
            throw VantageError(.usage, "\"\(key)\" is not a valid variable name (letters, digits and _)")
        }
        let sealed: AES.GCM.SealedBox
        do {
            sealed = try AES.GCM.seal(Data(value.utf8), using: master.environmentKey(environment),
                                      authenticating: Self.associatedData(project, environment, key))
        } catch { throw VantageError(.io, "cannot encrypt the secret: \(error)") }
        guard let combined = sealed.combined else { throw VantageError(.io, "cannot encode the sealed secret") }
        try modify { file throws(VantageError) in
            file.secrets.removeAll { $0.project == project && $0.environment == environment && $0.key == key }
            // Wall time on purpose: the record's stamp in the file, like an mtime, written only by
            // `vantage secret set` (a composition root of its own); no logic reads it.
            file.secrets.append(Record(project: project, environment: environment, key: key,
                                       sealed: combined.base64EncodedString(), updated: Date()))
        }
    }

    public func get(project: String, environment: String, key: String) throws(VantageError) -> String {
        let file = try lock.withLock { _ throws(VantageError) in try load() }
        guard let r = file.secrets.first(where: { $0.project == project && $0.environment == environment && $0.key == key }) else {
            let keys = file.secrets.filter { $0.project == project && $0.environment == environment }.map(\.key).sorted()
            throw VantageError(.notFound, "no secret \(key) for \(project) in \(environment)",
                               hint: keys.isEmpty ? "set one with `vantage secret set \(project) \(key) --env \(environment)`" : "known: \(keys.joined(separator: ", "))")
        }
        return try open(r)
    }

    /// Key names (never values) of a project's secrets, by environment.
    public func list(project: String) throws(VantageError) -> [(environment: String, key: String)] {
        let file = try lock.withLock { _ throws(VantageError) in try load() }
        return file.secrets.filter { $0.project == project }.map { ($0.environment, $0.key) }
            .sorted { ($0.environment, $0.key) < ($1.environment, $1.key) }
    }

    public func remove(project: String, environment: String, key: String) throws(VantageError) {
        try modify { file throws(VantageError) in
            let before = file.secrets.count
            file.secrets.removeAll { $0.project == project && $0.environment == environment && $0.key == key }
            guard file.secrets.count < before else { throw VantageError(.notFound, "no secret \(key) for \(project) in \(environment)") }
        }
    }

    public func values(project: String, environment: String) throws(VantageError) -> [String: String] {
        let file = try lock.withLock { _ throws(VantageError) in try load() }
        var out: [String: String] = [:]
        for r in file.secrets where r.project == project && r.environment == environment { out[r.key] = try open(r) }
        return out
    }

    private func open(_ r: Record) throws(VantageError) -> String {
        do {
            guard let data = Data(base64Encoded: r.sealed) else { throw VantageError(.config, "damaged") }
            let box = try AES.GCM.SealedBox(combined: data)
            let plain = try AES.GCM.open(box, using: master.environmentKey(r.environment),
                                         authenticating: Self.associatedData(r.project, r.environment, r.key))
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw VantageError(.config, "the secret \(r.key) of \(r.project) (\(r.environment)) does not decrypt: it was encrypted for another key, project or environment, or with another master key",
                               at: SourceLocation(file: path, field: r.key))
        }
    }

    static func associatedData(_ project: String, _ environment: String, _ key: String) -> Data {
        Data("vantage-secret-v1\u{0}\(project)\u{0}\(environment)\u{0}\(key)".utf8)
    }

    private func load() throws(VantageError) -> File {
        guard let data = FileManager.default.contents(atPath: path) else { return File() }
        do { return try JSONDecoder().decode(File.self, from: data) } catch {
            throw VantageError(.config, "the secrets file is damaged: \(error)", at: SourceLocation(file: path))
        }
    }

    /// A read-modify-write of the file under an exclusive `flock` on `secrets.json.lock` (other
    /// processes: the CLI, the daemon) and the in-process lock (other threads), so parallel writers
    /// each keep their change.
    private func modify(_ change: (inout File) throws(VantageError) -> Void) throws(VantageError) {
        try lock.withLock { _ throws(VantageError) in
            try FileLock.withExclusiveLock(path + ".lock") { () throws(VantageError) in
                var file = try load()
                try change(&file)
                try save(file)
            }
        }
    }

    /// Replaces the file through a unique temporary name (0600), synced before the rename.
    private func save(_ file: File) throws(VantageError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(file) } catch {
            throw VantageError(.io, "cannot encode the secrets: \(error)", at: SourceLocation(file: path))
        }
        do throws(VantageError) { try AtomicFile.write(data, to: path) } catch {
            throw VantageError(.io, "cannot write the secrets file: \(error.message)", at: SourceLocation(file: path))
        }
    }
}
