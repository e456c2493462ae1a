import Foundation
import VantageCore
import VantageFormats

/// A dependency's licence and how it was found.
public struct LicenseFinding: Sendable, Codable, Equatable {
    public var ecosystem: Ecosystem
    public var name: String
    public var version: String?
    /// SPDX identifiers or expressions (`MIT`, `MIT OR Apache-2.0`); empty when unknown.
    public var licenses: [String]
    /// Where it came from: `package.json license`, `METADATA License-Expression`, `LICENSE text (exact)`, …
    public var evidence: String
    public var path: String
}

/// Reads licences from what is installed locally: `node_modules/*/package.json`,
/// `site-packages/*.dist-info/METADATA`, licence files in the dependency's folder,
/// `.build/checkouts/*/LICENSE*`, and `$CARGO_HOME/registry/src/*/NAME-VERSION/LICENSE*`.
public struct LicenseCollector: Sendable {
    public let matcher: LicenseMatcher
    public let cargoHome: String

    public init(matcher: LicenseMatcher = .shared, cargoHome: String? = nil) {
        self.matcher = matcher
        let env = ProcessInfo.processInfo.environment
        self.cargoHome = cargoHome ?? env["CARGO_HOME"] ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.cargo")
    }

    public func collect(_ root: String, inventory: DependencyInventory? = nil) -> [LicenseFinding] {
        var out: [LicenseFinding] = []
        let fm = FileManager.default
        for dir in folders(named: "node_modules", under: root) {
            for entry in (try? fm.contentsOfDirectory(atPath: dir))?.sorted() ?? [] where !entry.hasPrefix(".") {
                let packages = entry.hasPrefix("@") ? ((try? fm.contentsOfDirectory(atPath: dir + "/" + entry)) ?? []).sorted().map { entry + "/" + $0 } : [entry]
                for p in packages { if let f = npmPackage(dir + "/" + p) { out.append(f) } }
            }
        }
        for dir in folders(named: "site-packages", under: root) {
            for entry in (try? fm.contentsOfDirectory(atPath: dir))?.sorted() ?? [] where entry.hasSuffix(".dist-info") {
                if let f = pythonDistInfo(dir + "/" + entry) { out.append(f) }
            }
        }
        let checkouts = root + "/.build/checkouts"
        for entry in (try? fm.contentsOfDirectory(atPath: checkouts))?.sorted() ?? [] {
            out.append(fromLicenseFiles(checkouts + "/" + entry, ecosystem: .swift, name: entry, version: nil))
        }
        // Crates named in Cargo.lock files, from the local registry source cache.
        let crates = (inventory ?? DependencyInventory(scanning: root)).dependencies.filter { $0.ecosystem == .crates && $0.version != nil }
        if !crates.isEmpty, let registries = try? fm.contentsOfDirectory(atPath: cargoHome + "/registry/src") {
            for c in crates {
                for r in registries {
                    let dir = "\(cargoHome)/registry/src/\(r)/\(c.name)-\(c.version!)"
                    guard fm.fileExists(atPath: dir) else { continue }
                    if let f = cargoPackage(dir, name: c.name, version: c.version!) { out.append(f) }
                    break
                }
            }
        }
        return out
    }

    func folders(named name: String, under root: String) -> [String] {
        var out: [String] = []
        var stack = [root]
        let fm = FileManager.default
        while let dir = stack.popLast() {
            for entry in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] {
                let path = dir + "/" + entry
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { continue }
                if entry == name { out.append(path); continue }
                if entry == ".git" || entry == "node_modules" || entry == "site-packages" { continue }
                stack.append(path)
            }
        }
        return out.sorted()
    }

    func npmPackage(_ dir: String) -> LicenseFinding? {
        guard let manifest = try? PackageJSON.read(dir + "/" + PackageJSON.fileName), let name = manifest.name else { return nil }
        let version = manifest.version
        let licenses = manifest.licenses
        if !licenses.isEmpty { return LicenseFinding(ecosystem: .npm, name: name, version: version, licenses: licenses, evidence: "package.json license", path: dir) }
        return fromLicenseFiles(dir, ecosystem: .npm, name: name, version: version)
    }

    func pythonDistInfo(_ dir: String) -> LicenseFinding? {
        guard let text = try? FormatText.read(dir + "/METADATA") else { return nil }
        var name = "", version: String?, expression: String?, license: String?, classifiers: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }   // the body (description) follows the headers
            if line.hasPrefix("Name: ") { name = String(line.dropFirst(6)) }
            else if line.hasPrefix("Version: ") { version = String(line.dropFirst(9)) }
            else if line.hasPrefix("License-Expression: ") { expression = String(line.dropFirst(20)) }
            else if line.hasPrefix("License: ") { license = String(line.dropFirst(9)) }
            else if line.hasPrefix("Classifier: License :: ") { classifiers.append(String(line.dropFirst("Classifier: License :: ".count))) }
        }
        if let expression { return LicenseFinding(ecosystem: .pypi, name: name, version: version, licenses: [expression], evidence: "METADATA License-Expression", path: dir) }
        let fromClassifiers = classifiers.compactMap(Self.spdx(fromClassifier:))
        if !fromClassifiers.isEmpty { return LicenseFinding(ecosystem: .pypi, name: name, version: version, licenses: fromClassifiers, evidence: "METADATA classifiers", path: dir) }
        if let license, !license.isEmpty, license.count < 80, license.uppercased() != "UNKNOWN" {
            return LicenseFinding(ecosystem: .pypi, name: name, version: version, licenses: [license], evidence: "METADATA License", path: dir)
        }
        var f = fromLicenseFiles(dir, ecosystem: .pypi, name: name, version: version)
        if f.licenses.isEmpty, let license, license.count >= 80, let m = matcher.identify(license) {
            f.licenses = [m.spdx]; f.evidence = "METADATA License text (\(m.exact ? "exact" : String(format: "%.3f", m.score)))"
        }
        return f
    }

    func cargoPackage(_ dir: String, name: String, version: String) -> LicenseFinding? {
        if let toml = try? TOMLParser.parse(contentsOf: dir + "/Cargo.toml"), let l = toml.value(at: ["package", "license"])?.stringValue {
            return LicenseFinding(ecosystem: .crates, name: name, version: version, licenses: [l], evidence: "Cargo.toml license", path: dir)
        }
        return fromLicenseFiles(dir, ecosystem: .crates, name: name, version: version)
    }

    /// Matches `LICENSE*`, `LICENCE*`, `COPYING*`, `UNLICENSE` files in `dir` against the shipped texts.
    func fromLicenseFiles(_ dir: String, ecosystem: Ecosystem, name: String, version: String?) -> LicenseFinding {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
            let u = $0.uppercased()
            return u.hasPrefix("LICENSE") || u.hasPrefix("LICENCE") || u.hasPrefix("COPYING") || u.hasPrefix("UNLICENSE")
        }.sorted()
        var licenses: [String] = []
        var evidence: [String] = []
        for f in files {
            guard let text = try? FormatText.read(dir + "/" + f) else { continue }
            if let m = matcher.identify(text) {
                licenses.append(m.spdx)
                evidence.append("\(f) text (\(m.exact ? "exact" : String(format: "dice %.3f", m.score)))")
            } else { evidence.append("\(f) text not recognised") }
        }
        return LicenseFinding(ecosystem: ecosystem, name: name, version: version, licenses: licenses,
                              evidence: evidence.isEmpty ? "no licence metadata or file" : evidence.joined(separator: "; "), path: dir)
    }

    static func spdx(fromClassifier c: String) -> String? {
        let map = ["OSI Approved :: MIT License": "MIT", "OSI Approved :: BSD License": "BSD-3-Clause",
                   "OSI Approved :: Apache Software License": "Apache-2.0", "OSI Approved :: ISC License (ISCL)": "ISC",
                   "OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
                   "OSI Approved :: GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
                   "OSI Approved :: GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
                   "OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
                   "OSI Approved :: GNU Affero General Public License v3": "AGPL-3.0-only",
                   "OSI Approved :: The Unlicense (Unlicense)": "Unlicense", "OSI Approved :: zlib/libpng License": "Zlib",
                   "OSI Approved :: Python Software Foundation License": "PSF-2.0"]
        return map[c]
    }
}
