import Foundation
import Testing
import VantageCore

/// Real `JSONSerialization` errors, located by `JSONErrorLine`.
struct JSONErrorLineTests {
    func error(parsing text: String) throws -> any Error {
        do { _ = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch { return error }
        Issue.record("\(text) parsed")
        throw CancellationError()
    }

    @Test func aSyntaxErrorAfterMultiByteTextIsOnItsLine() throws {
        let text = "{\n  \"name\": \"café ☕ 😀\",\n  \"x\": [1, 2,, 3]\n}\n"
        #expect(JSONErrorLine.of(try error(parsing: text), in: text) == 3)
    }

    @Test func aTruncatedFileIsAtItsEnd() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": [\n"
        let line = JSONErrorLine.of(try error(parsing: text), in: text)
        #expect(line == 3 || line == 4, "the last line or the one after it: \(String(describing: line))")
    }

    @Test func descriptionsFromEitherPlatformAreRead() {
        let data = Data("a\nb\nc\n".utf8)
        #expect(JSONErrorLine.of(description: "Badly formed array around line 7, column 3.", in: data) == 7)
        #expect(JSONErrorLine.of(description: "Invalid value around character 4.", in: data) == 3)
        #expect(JSONErrorLine.of(description: "Unexpected end of file", in: data) == 4)
        #expect(JSONErrorLine.of(description: "something else", in: data) == nil)
    }
}
