import Foundation
import Testing
import VantageCore
@testable import VantageDependencies

/// Bad input never crashes: every fixture, cut short at many points or with bytes flipped,
/// either parses or fails with a located `VantageError`.
@Suite("Malformed input does not crash")
struct DependenciesRobustnessTests {
    @Test func truncatedAndCorruptedManifestsFailCleanly() throws {
        let fm = FileManager.default
        let root = DepsFixtures.root
        let files = try fm.subpathsOfDirectory(atPath: root).filter { ManifestFormat.detect(fileName: ($0 as NSString).lastPathComponent) != nil }
        #expect(files.count >= 25)
        let scratch = NSTemporaryDirectory() + "vantage-robust-\(UUID().uuidString)"
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var parsed = 0, failed = 0
        for rel in files {
            let name = (rel as NSString).lastPathComponent
            let format = ManifestFormat.detect(fileName: name)!
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + rel)))
            var variants: [[UInt8]] = []
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 23)) { variants.append(Array(bytes[..<cut])) }
            var flipped = bytes
            for i in stride(from: 7, to: flipped.count, by: 41) { flipped[i] = [0x22, 0x7B, 0x5B, 0x0A, 0x3A, 0x3D][i % 6] }
            variants.append(flipped)
            variants.append([0xFF, 0xFE, 0x00, 0x41])     // not UTF-8
            for v in variants {
                let path = scratch + "/" + name
                try Data(v).write(to: URL(fileURLWithPath: path))
                do throws(VantageError) {
                    _ = try ManifestScanner.parse(path, format: format)
                    parsed += 1
                } catch {
                    #expect(error.location?.file == path)
                    failed += 1
                }
            }
        }
        #expect(parsed > 0 && failed > 0)
    }

    @Test func truncatedAdvisoriesAndVersionsFailCleanly() throws {
        let osv = #"{"id": "X-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "PyPI", "name": "a"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0"}]}], "versions": ["0.1"]}]}"#
        for cut in 0..<osv.count {
            _ = OSVImporter.parseAdvisory(String(osv.prefix(cut)), path: "x.json")
        }
        for text in ["", ".", "1..2", "v", "1.0.0-", "1.0.0+", "-1", "999999999999999999999999.0", "1!", "!1", "1.0a", "1.0.post", "+", "1.0+a..b", "^", "~>", "1 - ", "||", ">=", "*.*.*", "1.x.3"] {
            _ = PEP440Version(text)
            _ = SemanticVersion(text, lenient: true)
            _ = LooseVersion(text)
            _ = try? PEP440SpecifierSet(parsing: text)
            _ = try? NpmRange.parse(text)
            _ = try? CargoRequirement.parse(text)
            _ = OSVAffectedEntry(ranges: [.init(type: "ECOSYSTEM", events: [.init(kind: .introduced, version: text), .init(kind: .fixed, version: text)])], versions: [text]).evaluate(text, scheme: .pep440)
        }
        #expect(CVSS3.baseScore("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == nil)
        #expect(CVSS4.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:Q/VI:H/VA:H/SC:N/SI:N/SA:N") == nil)
    }
}
