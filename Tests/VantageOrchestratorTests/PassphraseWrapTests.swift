import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// The master key sealed under a passphrase, on real files.
@Suite(.serialized, .timeLimit(.minutes(2))) struct PassphraseWrapTests {
    private func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }
    private func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o777
    }

    @Test func sealOpenChangeAndRemoveKeepTheSameKey() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        let vault = try SecretVault.open(paths)
        try vault.set(project: "api", environment: "prod", key: "TOKEN", value: "s3cret-token")
        let rawKey = bytes(paths.keyFile)
        #expect(rawKey.count == 32)
        #expect(!SecretVault.isPassphraseProtected(paths))

        try SecretVault.setPassphrase(paths, current: nil, new: "correct horse")
        #expect(SecretVault.isPassphraseProtected(paths))
        #expect(mode(paths.keyFile) == 0o600)
        let sealedFile = bytes(paths.keyFile)
        #expect(sealedFile.range(of: rawKey) == nil, "the raw key is not in the sealed file")
        let json = try #require(try JSONSerialization.jsonObject(with: sealedFile) as? [String: Any])
        #expect(json["kdf"] as? String == "scrypt")
        #expect(json["n"] as? Int == 1 << 15 && json["r"] as? Int == 8 && json["p"] as? Int == 1)
        #expect((Data(base64Encoded: json["salt"] as? String ?? "")?.count ?? 0) == 32)

        // Without the passphrase: refused with a clear message; with it: the old secret opens.
        #expect { try SecretVault.open(paths) } throws: { ($0 as? VantageError)?.message.contains("protected by a passphrase") == true }
        #expect(try SecretVault.open(paths, passphrase: "correct horse").get(project: "api", environment: "prod", key: "TOKEN") == "s3cret-token")

        // Changing it: the old passphrase no longer opens, the new one does, the salt is new.
        try SecretVault.setPassphrase(paths, current: "correct horse", new: "battery staple")
        #expect(bytes(paths.keyFile) != sealedFile)
        #expect(throws: VantageError.self) { try SecretVault.open(paths, passphrase: "correct horse") }
        #expect(try SecretVault.open(paths, passphrase: "battery staple").get(project: "api", environment: "prod", key: "TOKEN") == "s3cret-token")

        // Removing it gives back the same 32 raw bytes, still 0600.
        try SecretVault.removePassphrase(paths, current: "battery staple")
        #expect(bytes(paths.keyFile) == rawKey)
        #expect(mode(paths.keyFile) == 0o600)
        #expect(try SecretVault.open(paths).get(project: "api", environment: "prod", key: "TOKEN") == "s3cret-token")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: paths.home).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test func wrongPassphraseDecryptsNothingAndOverwritesNothing() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        try SecretVault.open(paths).set(project: "api", environment: "dev", key: "K", value: "value-1")
        try SecretVault.setPassphrase(paths, current: nil, new: "right one")
        let before = bytes(paths.keyFile)

        #expect { try SecretVault.open(paths, passphrase: "wrong one") } throws: { e in
            let v = e as? VantageError
            return v?.message.contains("wrong passphrase") == true && v?.location?.file == paths.keyFile
        }
        #expect(throws: VantageError.self) { try SecretVault.setPassphrase(paths, current: "wrong one", new: "another") }
        #expect(throws: VantageError.self) { try SecretVault.setPassphrase(paths, current: nil, new: "another") }
        #expect(throws: VantageError.self) { try SecretVault.removePassphrase(paths, current: "wrong one") }
        #expect(bytes(paths.keyFile) == before, "the key file is untouched")
        #expect(try SecretVault.open(paths, passphrase: "right one").get(project: "api", environment: "dev", key: "K") == "value-1")
    }

    @Test func editedParametersOrDamagedFileAreRefused() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        _ = try SecretVault.open(paths)
        try SecretVault.setPassphrase(paths, current: nil, new: "pass phrase")
        let good = bytes(paths.keyFile)
        var json = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])

        // A lower cost written into the file no longer matches the sealed key's associated data.
        json["n"] = 1 << 14
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: paths.keyFile))
        #expect { try SecretVault.open(paths, passphrase: "pass phrase") } throws: { ($0 as? VantageError)?.message.contains("wrong passphrase") == true }

        // Absurd parameters are refused before any scrypt work, naming the field.
        json["n"] = 1 << 30
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: paths.keyFile))
        #expect { try SecretVault.open(paths, passphrase: "pass phrase") } throws: { ($0 as? VantageError)?.location?.field == "n" }

        // A truncated file.
        try good.prefix(40).write(to: URL(fileURLWithPath: paths.keyFile))
        #expect(throws: VantageError.self) { try SecretVault.open(paths, passphrase: "pass phrase") }

        // The sealed file is refused when others can read it, as the plain one is.
        try good.write(to: URL(fileURLWithPath: paths.keyFile))
        chmod(paths.keyFile, 0o644)
        #expect { try SecretVault.open(paths, passphrase: "pass phrase") } throws: { ($0 as? VantageError)?.message.contains("group or others") == true }
        chmod(paths.keyFile, 0o600)
        _ = try SecretVault.open(paths, passphrase: "pass phrase")
    }

    @Test func aFailureBeforeTheRenameKeepsTheOldKeyFile() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        try SecretVault.open(paths).set(project: "api", environment: "dev", key: "K", value: "kept")
        let before = bytes(paths.keyFile)
        // A crash between writing the new file and renaming it: the old file is in place and the
        // temporary one is gone.
        #expect(throws: VantageError.self) {
            try MasterKey.changePassphrase(paths.keyFile, current: nil, new: "new pass",
                                           beforeRename: { () throws(VantageError) in throw VantageError(.io, "simulated crash") })
        }
        #expect(bytes(paths.keyFile) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: paths.home).filter { $0.contains(".tmp") }.isEmpty)
        // A stale temporary file from a real crash does not disturb the next change.
        try Data("junk".utf8).write(to: URL(fileURLWithPath: "\(paths.keyFile).tmp-\(getpid())"))
        try SecretVault.setPassphrase(paths, current: nil, new: "new pass")
        #expect(try SecretVault.open(paths, passphrase: "new pass").get(project: "api", environment: "dev", key: "K") == "kept")
    }
}
