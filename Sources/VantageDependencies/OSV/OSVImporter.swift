import Foundation
import VantageCore
import VantageFormats
import VantageStore

/// Reads a folder of OSV JSON files (any depth) into `AdvisoryRecord`s and stores them.
public enum OSVImporter {
    public struct Summary: Sendable {
        public var files: Int
        public var advisories: Int
        /// One per file that could not be read and was left out.
        public var errors: [VantageError]
        public var seconds: Double

        /// One line for a person: what was imported, and how many files were left out.
        public func report(into path: String) -> String {
            var line = "imported \(advisories) advisories from \(files) files into \(path) in \(String(format: "%.2f", seconds)) s"
            if !errors.isEmpty {
                line += "; \(errors.count) malformed file\(errors.count == 1 ? " was" : "s were") left out (listed above)"
            }
            return line
        }
    }

    /// Imports every `*.json` under `folder` into `database`, replacing what was there.
    /// Unreadable or malformed files are left out, each an error in the summary (so they are counted).
    @discardableResult
    public static func importFolder(_ folder: String, into database: AdvisoryDatabase) throws(VantageError) -> Summary {
        let start = ContinuousClock.now   // a duration for the report, not a time of day
        let files = jsonFiles(under: folder)
        guard !files.isEmpty else {
            throw VantageError(.notFound, "no OSV JSON files found", at: SourceLocation(file: folder),
                               hint: "point at a folder of OSV advisories such as ecosystem/package/ID.json")
        }
        let (records, errors) = parse(files)
        try database.replaceAll(with: records, source: folder, meta: ["fingerprint": fingerprint(files)])
        return Summary(files: files.count, advisories: records.count, errors: errors, seconds: (ContinuousClock.now - start).seconds)
    }

    /// Opens the cache database for `folder`, importing first when the cache is missing or
    /// the folder changed (file count or newest modification time differ).
    public static func openCached(folder: String, cachePath: String) throws(VantageError) -> (AdvisoryDatabase, Summary?) {
        let db = try AdvisoryDatabase(path: cachePath)
        let files = jsonFiles(under: folder)
        let absolute = URL(fileURLWithPath: folder).standardized.path
        if db.meta("source").map({ URL(fileURLWithPath: $0).standardized.path }) == absolute, db.meta("fingerprint") == fingerprint(files) {
            return (db, nil)
        }
        return (db, try importFolder(folder, into: db))
    }

    static func fingerprint(_ files: [String]) -> String {
        var newest = 0.0
        for f in files {
            if let d = (try? FileManager.default.attributesOfItem(atPath: f))?[.modificationDate] as? Date { newest = max(newest, d.timeIntervalSince1970) }
        }
        return "\(files.count):\(newest)"
    }

    /// The `.json` regular files under `folder` (`FileWalker`: no folder links, no pipes).
    static func jsonFiles(under folder: String) -> [String] {
        FileWalker().files(under: folder).filter { $0.hasSuffix(".json") }.map { folder + "/" + $0 }
    }

    /// Parses on all cores; results keep file order.
    static func parse(_ files: [String]) -> ([AdvisoryRecord], [VantageError]) {
        let results = UnsafeResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, parseFile(files[i]))
        }
        var records: [AdvisoryRecord] = []
        var errors: [VantageError] = []
        for r in results.values {
            switch r {
            case .success(let rec)?: records.append(rec)
            case .failure(let e)?: errors.append(e)
            case nil: break
            }
        }
        return (records, errors)
    }

    static func parseFile(_ path: String) -> Result<AdvisoryRecord, VantageError> {
        let text: String
        do throws(VantageError) { text = try FormatText.read(path) } catch { return .failure(error) }
        return parseAdvisory(text, path: path)
    }

    /// One OSV object → record (ids, names normalised for lookup, compact affected JSON).
    public static func parseAdvisory(_ text: String, path: String) -> Result<AdvisoryRecord, VantageError> {
        let object: [String: Any]
        do throws(VantageError) { object = try JSONDocument.object(text, file: path) } catch { return .failure(error) }
        guard let id = object["id"] as? String else {
            return .failure(VantageError(.config, "the advisory has no id", at: SourceLocation(file: path, field: "id")))
        }
        var affected: [AffectedRecord] = []
        for (i, item) in ((object["affected"] as? [Any]) ?? []).enumerated() {
            guard let entry = item as? [String: Any], let package = entry["package"] as? [String: Any],
                  let ecosystemName = package["ecosystem"] as? String, let name = package["name"] as? String else {
                return .failure(VantageError(.config, "affected entry without package ecosystem and name", at: SourceLocation(file: path, field: "affected[\(i)].package")))
            }
            // Ecosystem names may carry a suffix (`Debian:11`); the part before ':' selects the rules.
            let base = String(ecosystemName.split(separator: ":").first ?? "")
            let normalised = Ecosystem(rawValue: base)?.normalise(name) ?? name
            var compact: [String: Any] = [:]
            if let r = entry["ranges"] { compact["ranges"] = r }
            if let v = entry["versions"] { compact["versions"] = v }
            guard let json = try? JSONSerialization.data(withJSONObject: compact) else { continue }
            affected.append(AffectedRecord(ecosystem: base, name: name, normalisedName: normalised, json: String(decoding: json, as: UTF8.self)))
        }
        return .success(AdvisoryRecord(id: id, modified: object["modified"] as? String ?? "", withdrawn: object["withdrawn"] as? String,
                                       summary: object["summary"] as? String, aliases: object["aliases"] as? [String] ?? [],
                                       json: text, affected: affected))
    }
}

/// Fixed-size result slots written from `concurrentPerform` (each index by exactly one worker).
private final class UnsafeResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<AdvisoryRecord, VantageError>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Result<AdvisoryRecord, VantageError>) { lock.lock(); values[i] = v; lock.unlock() }
}
