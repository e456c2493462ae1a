import Foundation
import Testing
import VantageCore
@testable import VantageOrchestrator

/// 30 parallel `vantage secret set` kept only 3–6 secrets (a read-modify-write under an
/// in-process lock only, through one shared temporary file). Each writer here opens its own vault,
/// as each process does; the file lock makes every one of them keep its secret.
@Suite(.timeLimit(.minutes(2))) struct SecretConcurrencyTests {
    @Test func fiftyWritersWithTheirOwnVaultsAllKeepTheirSecrets() async throws {
        let home = Fixture()
        defer { home.removeFiles() }
        let paths = home.paths
        // The master key does not exist yet: the writers also race to create it.
        let failures = try await offPool { () -> [String] in
            let group = DispatchGroup()
            let errors = ErrorList()
            for i in 0..<50 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do { try SecretVault.open(paths).set(project: "api", environment: "dev", key: "K\(i)", value: "value \(i)") } catch {
                        errors.add("K\(i): \(error)")
                    }
                }
            }
            group.wait()
            return errors.all
        }
        #expect(failures.isEmpty, "\(failures)")
        let vault = try SecretVault.open(paths)
        #expect(try vault.list(project: "api").map(\.key).sorted() == (0..<50).map { "K\($0)" }.sorted())
        for i in [0, 17, 49] { #expect(try vault.get(project: "api", environment: "dev", key: "K\(i)") == "value \(i)") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: paths.home).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        for file in ["secrets.json", "master.key"] {
            var st = stat()
            #expect(stat(paths.home + "/" + file, &st) == 0 && st.st_mode & 0o777 == 0o600, "\(file) is 0600")
        }
    }
}

final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
