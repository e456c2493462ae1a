import Foundation
import VantageCore
import VantageStore

extension AdvisoryDatabase {
    /// The database `vantage deps db import` made (at `cache`, else the default place), or an error
    /// that says how to make one. Used by `vantage deps vulns` and the HTTP API.
    public static func importedPath(cache: String?, paths: VantagePaths = .fromEnvironment()) throws(VantageError) -> String {
        let path = cache ?? defaultPath(paths)
        guard FileManager.default.fileExists(atPath: path) else {
            throw VantageError(.notFound, "no advisory database has been imported yet (looked for \(path))",
                               hint: "import a folder of OSV JSON once with `vantage deps db import DIR`, or pass --db DIR")
        }
        return path
    }
}
