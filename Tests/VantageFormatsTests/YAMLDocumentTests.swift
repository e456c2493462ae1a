import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct YAMLDocumentTests {
    /// libyaml refuses nesting beyond 1,000 levels with a located error; at the limit Yams
    /// composes the tree recursively, which must fit a secondary thread's stack.
    @Test func deepNestingIsALocatedErrorNotAStackOverflow() async throws {
        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let failure = await Task.detached { () -> VantageError? in
            if case .failure(let error) = YAMLDocument.root(tooDeep, file: "deep.yaml") { return error }
            return nil
        }.value
        guard let error = failure else { Issue.record("100,000 nested sequences were accepted"); return }
        #expect(error.location?.file == "deep.yaml")
        #expect(error.location?.line == 1)
        #expect(error.message.contains("nesting"), "\(error.message)")

        let atLimit = String(repeating: "[", count: 990) + String(repeating: "]", count: 990)
        let composed = await Task.detached { (try? YAMLDocument.root(atLimit, file: "limit.yaml").get()) != nil }.value
        #expect(composed)
        let blockDeep = (0..<990).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        let block = await Task.detached { try? IndentedNode.yaml(blockDeep, file: "block.yaml") }.value
        #expect(block != nil)
    }

    @Test func duplicateKeysAreLocated() {
        guard case .failure(let e) = YAMLDocument.root("a: 1\nb: 2\na: 3\n", file: "d.yaml") else { Issue.record("accepted"); return }
        #expect(e.message.contains("a key appears twice"))
        #expect(e.location?.line != nil)
    }
}
