import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder for a test database, removed by `remove()`.
struct TemporaryDatabase {
    let folder: String
    var path: String { folder + "/home/vantage.sqlite" }

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/vantage-store-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw POSIXError(.EIO) }
        folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
