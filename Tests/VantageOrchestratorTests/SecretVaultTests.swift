import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

@Suite(.serialized, .timeLimit(.minutes(2))) struct SecretVaultTests {
    @Test func roundTripAndNoPlaintextAnywhere() async throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        let vault = try SecretVault.open(paths)
        let plaintext = "tok:en/with spaces&=\(UUID().uuidString.prefix(8))"
        try vault.set(project: "api", environment: "staging", key: "API_TOKEN", value: plaintext)
        #expect(try vault.get(project: "api", environment: "staging", key: "API_TOKEN") == plaintext)
        #expect(try vault.list(project: "api").map(\.key) == ["API_TOKEN"])

        // A project that prints its secret, raw and URL-encoded: the log shows neither.
        var options = Fixture.fastOptions()
        options.readinessTimeout = 5
        let f = Fixture(options: options, secrets: vault)
        let p = f.project("api", command: "echo \"token=$API_TOKEN\"; python3 -c 'import os,urllib.parse; print(\"enc=\" + urllib.parse.quote(os.environ[\"API_TOKEN\"], safe=\"\"))'; printf %s \"$API_TOKEN\" > got.txt; sleep 30")
        await f.supervisor.register([p])
        try await f.supervisor.launch(p.id, environment: "staging")
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: p.path + "/got.txt") { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(try String(contentsOfFile: p.path + "/got.txt", encoding: .utf8) == plaintext, "the child got the value")
        let logText = try String(contentsOfFile: f.paths.logs + "/api.log", encoding: .utf8)
        #expect(logText.contains("token=[redacted]"))
        #expect(logText.contains("enc=[redacted]"))
        let encoded = plaintext.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let shown = try #require(await f.supervisor.resolvedEnvironment(p.id, environment: "staging").first { $0.key == "API_TOKEN" })
        #expect(shown.displayValue == "********")

        var haystacks: [(String, Data)] = []
        for dir in [paths.home, f.paths.home] {
            for file in FileManager.default.enumerator(atPath: dir)?.compactMap({ $0 as? String }) ?? [] {
                var isDir: ObjCBool = false
                let full = dir + "/" + file
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                      !file.hasPrefix("run/") else { continue }
                haystacks.append((full, FileManager.default.contents(atPath: full) ?? Data()))
            }
        }
        haystacks.append(("/proc/self/cmdline", FileManager.default.contents(atPath: "/proc/self/cmdline") ?? Data()))
        haystacks.append(("/proc/self/environ", FileManager.default.contents(atPath: "/proc/self/environ") ?? Data()))
        #expect(haystacks.contains { $0.0.hasSuffix("secrets.json") })
        for (name, data) in haystacks {
            #expect(data.range(of: Data(plaintext.utf8)) == nil, "plaintext found in \(name)")
            #expect(data.range(of: Data(encoded.utf8)) == nil, "URL-encoded plaintext found in \(name)")
        }
        await f.cleanup()
    }

    @Test func keyFileReadableByOthersIsRefused() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        _ = try SecretVault.open(paths)
        chmod(paths.keyFile, 0o644)
        #expect {
            try SecretVault.open(paths)
        } throws: { e in
            let v = e as? VantageError
            return v?.message.contains("group or others") == true && v?.hint?.contains("chmod 600") == true
        }
        chmod(paths.keyFile, 0o600)
        _ = try SecretVault.open(paths)
    }

    @Test func ciphertextMovedToAnotherKeyOrEnvironmentFailsToDecrypt() throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        let vault = try SecretVault.open(paths)
        try vault.set(project: "api", environment: "prod", key: "A", value: "alpha-value")
        try vault.set(project: "api", environment: "prod", key: "B", value: "bravo-value")
        try vault.set(project: "api", environment: "dev", key: "A", value: "dev-alpha")
        let path = paths.home + "/secrets.json"
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        var secrets = json["secrets"] as! [[String: Any]]
        let a = secrets.firstIndex { $0["key"] as? String == "A" && $0["environment"] as? String == "prod" }!
        let b = secrets.firstIndex { $0["key"] as? String == "B" }!
        let devA = secrets.firstIndex { $0["key"] as? String == "A" && $0["environment"] as? String == "dev" }!
        secrets[b]["sealed"] = secrets[a]["sealed"]       // prod A's ciphertext under the name B
        secrets[devA]["sealed"] = secrets[a]["sealed"]    // prod's ciphertext in dev
        json["secrets"] = secrets
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        #expect(try vault.get(project: "api", environment: "prod", key: "A") == "alpha-value")
        #expect(throws: VantageError.self) { try vault.get(project: "api", environment: "prod", key: "B") }
        #expect(throws: VantageError.self) { try vault.get(project: "api", environment: "dev", key: "A") }
        // Another master key cannot read anything.
        try FileManager.default.removeItem(atPath: paths.keyFile)
        let other = try SecretVault.open(paths)
        #expect(throws: VantageError.self) { try other.get(project: "api", environment: "prod", key: "A") }
    }
}
