import Foundation
import Testing
import VantageCore
@testable import VantageFormats

/// Inputs with which scripts/fuzz.sh crashed a reader of VantageFormats, one file each under
/// Fixtures/fuzz-regressions/TARGET (they also seed that fuzz target). Each is read from disk by
/// the same reader the product uses and must give exactly this located error, never a trap.
@Suite struct FormatsFuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions").path

    /// pom/FILE → the error `MavenPom.read` gives, the file written as `F`.
    static let pomErrors: [String: String] = [
        // `<` and four 0xFF bytes: Foundation's XMLParser trapped on the element name (SIGILL).
        "non-utf8-element-name.xml": "F:1: the file is not valid UTF-8 text (save it as UTF-8)",
        // `<?x?>`: Foundation's XMLParser read the missing content as a C string (SIGSEGV).
        "empty-processing-instruction.xml": "F:1: a processing instruction with no content (<?name?>) is not supported (remove it; Maven does not read processing instructions)",
        // The same after a malformed `<?xml` declaration, from which libxml2 recovered.
        "empty-instruction-after-bad-declaration.xml": "F:5: a processing instruction with no content (<?name?>) is not supported (remove it; Maven does not read processing instructions)",
    ]

    @Test func everyPomInputIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory + "/pom")
        #expect(!files.isEmpty)
        #expect(Set(files) == Set(Self.pomErrors.keys))
    }

    @Test(arguments: pomErrors.keys.sorted())
    func pomInputGivesItsLocatedError(name: String) {
        let path = Self.directory + "/pom/" + name
        do throws(VantageError) {
            let pom = try MavenPom.read(path)
            Issue.record("\(name) was read as a POM with \(pom.dependencies.count) dependencies; expected an error")
        } catch {
            #expect(error.description.replacingOccurrences(of: path, with: "F") == Self.pomErrors[name])
        }
    }

    /// The empty-instruction check sees every `<?`, in comments too (libxml2's recovery can
    /// resynchronise anywhere), and gives the instruction's line.
    @Test func emptyProcessingInstructionIsFoundAnywhere() {
        func line(_ text: String) -> Int? { MavenPom.lineOfEmptyProcessingInstruction(Data(text.utf8)) }
        #expect(line("<?xml version=\"1.0\"?>\n<project/>") == nil)
        #expect(line("<project>\n<!-- <?x?> -->") == 2)
        #expect(line("<project>\n<!-- a -->\n<?x   \n ?></project>") == 3)
        #expect(line("<?x<?y?>") == 1)
    }
}
