import Foundation
import Testing
@testable import VantageDependencies

/// The licence texts compiled into the binary (the EmbedFiles build plugin) are the files in
/// `licenses/`: same names, same bytes, and the matcher knows every one of them (that each is
/// identified as itself is `DependencyLicenseTests.everyShippedTextIdentifiesItself`).
@Suite struct EmbeddedLicenseTests {
    static let licenses = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("licenses")

    @Test func embeddedTextsEqualTheShippedFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.licenses.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 11)
        #expect(Set(EmbeddedFiles.licenses.keys) == Set(files.map { String($0.dropLast(4)) }))
        for file in files {
            let onDisk = try Data(contentsOf: Self.licenses.appendingPathComponent(file))
            #expect(EmbeddedFiles.licenses[String(file.dropLast(4))].map { Data($0.utf8) } == onDisk, "licenses/\(file) differs from the copy in the binary")
        }
        #expect(LicenseMatcher.shared.known == EmbeddedFiles.licenses.keys.sorted())
    }
}
