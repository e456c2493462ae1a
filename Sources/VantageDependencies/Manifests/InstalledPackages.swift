import Foundation
import VantageCore
import VantageFormats

/// Versions actually installed beside a manifest: a virtualenv's `site-packages/*.dist-info`
/// (`.venv`, `venv`, `env`) and `node_modules/*/package.json`. Used for dependencies that are only
/// declared with a range, so they are checked at the version really in use instead of unchecked.
public enum InstalledPackages {
    /// Normalised name → version, for one ecosystem, in `folder`.
    public static func versions(in folder: String, ecosystem: Ecosystem) -> [String: String] {
        let fm = FileManager.default
        var out: [String: String] = [:]
        switch ecosystem {
        case .pypi:
            for venv in [".venv", "venv", "env"] {
                let lib = "\(folder)/\(venv)/lib"
                for python in (try? fm.contentsOfDirectory(atPath: lib)) ?? [] where python.hasPrefix("python") {
                    let site = "\(lib)/\(python)/site-packages"
                    for entry in (try? fm.contentsOfDirectory(atPath: site)) ?? [] where entry.hasSuffix(".dist-info") {
                        // `Name-1.2.3.dist-info`: the name has no '-' after wheel escaping.
                        let stem = entry.dropLast(".dist-info".count)
                        guard let dash = stem.firstIndex(of: "-") else { continue }
                        out[Ecosystem.pep503(String(stem[..<dash]))] = String(stem[stem.index(after: dash)...])
                    }
                }
            }
        case .npm:
            let modules = folder + "/node_modules"
            for entry in (try? fm.contentsOfDirectory(atPath: modules)) ?? [] where !entry.hasPrefix(".") {
                let names = entry.hasPrefix("@") ? ((try? fm.contentsOfDirectory(atPath: modules + "/" + entry)) ?? []).map { entry + "/" + $0 } : [entry]
                for name in names {
                    guard let version = (try? PackageJSON.read("\(modules)/\(name)/\(PackageJSON.fileName)"))?.version else { continue }
                    out[name.lowercased()] = version
                }
            }
        default: break
        }
        return out
    }

    /// Fills in versions of range-only dependencies from what is installed beside their manifest.
    static func resolve(_ deps: [PackageDependency]) -> [PackageDependency] {
        var cache: [String: [String: String]] = [:]
        return deps.map { d in
            guard d.version == nil, d.note == nil || d.note == "not in the lock file", d.ecosystem == .pypi || d.ecosystem == .npm else { return d }
            let folder = (d.source as NSString).deletingLastPathComponent
            let key = folder + "\u{0}" + d.ecosystem.rawValue
            if cache[key] == nil { cache[key] = versions(in: folder, ecosystem: d.ecosystem) }
            guard let v = cache[key]?[d.normalisedName] else { return d }
            var r = d
            r.version = v
            r.note = (d.note.map { $0 + "; " } ?? "") + "version as installed (\(d.ecosystem == .pypi ? "virtualenv" : "node_modules"))"
            return r
        }
    }
}
