import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

@Suite("Licence texts and policy")
struct DependencyLicenseTests {
    let matcher = LicenseMatcher.shared
    /// The shipped licence texts as compiled in (licenses/*.txt, by SPDX identifier).
    let shipped = EmbeddedFiles.licenses.sorted { $0.key < $1.key }.map { (spdx: $0.key, text: $0.value) }

    @Test func everyShippedTextIdentifiesItself() {
        #expect(shipped.count >= 11)
        for t in shipped {
            let m = matcher.identify(t.text)
            #expect(m?.spdx == t.spdx, "\(t.spdx)")
            #expect(m?.exact == true)
        }
    }

    @Test func realCopyrightLinesAndReflowStillMatch() throws {
        for t in shipped {
            // A filled-in copyright line, and each paragraph reflowed to 50 columns.
            let filled = t.text.replacingOccurrences(of: "[year]", with: "2024").replacingOccurrences(of: "[fullname]", with: "Ada Lovelace")
            var lines: [String] = []
            for paragraph in filled.components(separatedBy: "\n\n") {
                var line = ""
                for w in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    if line.count + w.count > 50 { lines.append(line); line = "" }
                    line += (line.isEmpty ? "" : " ") + w
                }
                lines.append(line)
                lines.append("")
            }
            let m = matcher.identify(lines.joined(separator: "\n"))
            #expect(m?.spdx == t.spdx, "\(t.spdx) reflowed")
        }
    }

    @Test func apacheWithoutItsAppendixIsStillApache() throws {
        let apache = try #require(shipped.first { $0.spdx == "Apache-2.0" }?.text)
        let terms = try #require(apache.components(separatedBy: "APPENDIX:").first)
        #expect(matcher.identify(terms)?.spdx == "Apache-2.0")
    }

    @Test func nearTextUsesDiceAndScrambledTextDoesNot() throws {
        let mit = try #require(shipped.first { $0.spdx == "MIT" }?.text)
        // One word changed: still MIT by Dice, not exact.
        let edited = mit.replacingOccurrences(of: "merchantability", with: "merchantibility", options: .caseInsensitive)
        let near = matcher.identify(edited)
        #expect(near == nil || (near?.spdx == "MIT" && near?.exact == false))
        var words = mit.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var rng = SystemRandomNumberGenerator()
        words.shuffle(using: &rng)
        #expect(matcher.identify(words.joined(separator: " ")) == nil)
        #expect(matcher.identify("Licensed under the terms of the Frobnicator Public Licence") == nil)
        // MIT and ISC are different licences even though both are short and permissive.
        let isc = try #require(EmbeddedFiles.licenses["ISC"])
        #expect(matcher.identify(isc)?.spdx == "ISC")
    }

    @Test func policyAllowDenyAndApprovals() throws {
        let dir = NSTemporaryDirectory() + "vantage-lic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        allow = ["MIT", "Apache-2.0", "BSD-3-Clause"]
        deny = ["GPL-3.0-only"]

        [[approvals]]
        name = "readline-wrapper"
        version = "2.0.1"
        who = "Ada (legal)"
        why = "used only in the dev shell, not shipped"
        """.write(toFile: dir + "/policy.toml", atomically: true, encoding: .utf8)
        let p = try LicensePolicy.load(dir + "/policy.toml")
        func f(_ name: String, _ v: String, _ l: [String]) -> LicenseFinding { LicenseFinding(ecosystem: .npm, name: name, version: v, licenses: l, evidence: "", path: "") }
        #expect(p.evaluate(f("a", "1", ["MIT"])) == .allowed)
        #expect(p.evaluate(f("b", "1", ["MIT OR GPL-3.0-only"])) == .allowed)
        #expect(p.evaluate(f("c", "1", ["GPL-3.0-only"])) == .violation("GPL-3.0-only is denied"))
        #expect(p.evaluate(f("d", "1", ["MPL-2.0"])) == .violation("MPL-2.0 is not in the allow list"))
        #expect(p.evaluate(f("e", "1", [])) == .violation("licence unknown"))
        #expect(p.evaluate(f("g", "1", ["GPL-3.0"])) == .violation("GPL-3.0 is denied"))          // text-identified GPL
        #expect(p.evaluate(f("h", "1", ["GPL-3.0-or-later"])) == .violation("GPL-3.0-or-later is denied"))
        if case .approved(let a) = p.evaluate(f("readline-wrapper", "2.0.1", ["GPL-3.0-only"])) { #expect(a.who == "Ada (legal)") } else { Issue.record("approval not applied") }
        #expect(p.evaluate(f("readline-wrapper", "2.0.2", ["GPL-3.0-only"])) == .violation("GPL-3.0-only is denied"))   // approval is per version
        try "[[approvals]]\nname = \"x\"\n".write(toFile: dir + "/bad.toml", atomically: true, encoding: .utf8)
        #expect(throws: VantageError.self) { try LicensePolicy.load(dir + "/bad.toml") }
    }

    @Test func collectsFromNodeModulesDistInfoAndLicenseFiles() throws {
        let root = NSTemporaryDirectory() + "vantage-lic-proj-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/node_modules/left-pad", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/node_modules/@scope/nolicense", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.venv/lib/python3.11/site-packages/attrs-23.1.0.dist-info", withIntermediateDirectories: true)
        try #"{"name": "left-pad", "version": "1.3.0", "license": "WTFPL"}"#.write(toFile: root + "/node_modules/left-pad/package.json", atomically: true, encoding: .utf8)
        try #"{"name": "@scope/nolicense", "version": "0.1.0"}"#.write(toFile: root + "/node_modules/@scope/nolicense/package.json", atomically: true, encoding: .utf8)
        let isc = try #require(EmbeddedFiles.licenses["ISC"]).replacingOccurrences(of: "[year], [fullname]", with: "2019, Someone")
        try isc.write(toFile: root + "/node_modules/@scope/nolicense/LICENSE", atomically: true, encoding: .utf8)
        try "Metadata-Version: 2.1\nName: attrs\nVersion: 23.1.0\nClassifier: License :: OSI Approved :: MIT License\n\nbody\n"
            .write(toFile: root + "/.venv/lib/python3.11/site-packages/attrs-23.1.0.dist-info/METADATA", atomically: true, encoding: .utf8)
        // A Swift checkout with a licence file, and a crate from the local Cargo registry cache.
        try fm.createDirectory(atPath: root + "/.build/checkouts/swift-tagged", withIntermediateDirectories: true)
        let mit = try #require(EmbeddedFiles.licenses["MIT"]).replacingOccurrences(of: "[year] [fullname]", with: "2020 Point-Free, Inc.")
        try mit.write(toFile: root + "/.build/checkouts/swift-tagged/LICENSE", atomically: true, encoding: .utf8)
        try "[[package]]\nname = \"regex\"\nversion = \"1.10.2\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
            .write(toFile: root + "/Cargo.lock", atomically: true, encoding: .utf8)
        let crate = root + "/cargo-home/registry/src/index.crates.io-6f17d22bba15001f/regex-1.10.2"
        try fm.createDirectory(atPath: crate, withIntermediateDirectories: true)
        try "[package]\nname = \"regex\"\nversion = \"1.10.2\"\nlicense = \"MIT OR Apache-2.0\"\n".write(toFile: crate + "/Cargo.toml", atomically: true, encoding: .utf8)
        let found = LicenseCollector(cargoHome: root + "/cargo-home").collect(root)
        #expect(found.first { $0.name == "swift-tagged" }?.licenses == ["MIT"])
        #expect(found.first { $0.name == "regex" }?.licenses == ["MIT OR Apache-2.0"])
        #expect(found.first { $0.name == "regex" }?.evidence == "Cargo.toml license")
        #expect(found.first { $0.name == "left-pad" }?.licenses == ["WTFPL"])
        #expect(found.first { $0.name == "@scope/nolicense" }?.licenses == ["ISC"])
        #expect(found.first { $0.name == "attrs" }?.licenses == ["MIT"])
        #expect(found.first { $0.name == "attrs" }?.evidence == "METADATA classifiers")
    }
}
