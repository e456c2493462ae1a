import Foundation

/// A folder under the system temporary directory, removed when the test is done with it.
struct TemporaryFolder {
    let path: String

    init(_ label: String = "formats") throws {
        path = NSTemporaryDirectory() + "vantage-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` (sub-folders are created) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else { throw CocoaError(.fileWriteUnknown) }
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
