import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder for a test (a database, a project), removed by `remove()`.
struct TemporaryFolder {
    let path: String
    var database: String { path + "/home/vantage.sqlite" }

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/vantage-knowledge-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw POSIXError(.EIO) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
