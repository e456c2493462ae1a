import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct DotEnvFileTests {
    @Test func readsAssignmentsQuotesEscapesAndComments() {
        let env = DotEnvFile.parse("""
            # a comment
            A=1
            export B = two words  # trailing comment
            C="quoted \\"x\\"\\nnext"
            D='literal \\n'
            E=
            A=again\r
            """, file: "/p/.env")
        #expect(env.problems.isEmpty)
        #expect(env.values == ["A": "again", "B": "two words", "C": "quoted \"x\"\nnext", "D": "literal \\n", "E": ""])
        #expect(env.line(of: "A") == 7, "the assignment that wins")
        #expect(env.assignments.map(\.key) == ["A", "B", "C", "D", "E", "A"])
    }

    @Test func eachMalformedLineIsAProblemWithFileLineAndKeyAndTheRestIsRead() throws {
        let env = DotEnvFile.parse("GOOD=1\n1BAD=2\nB=\"open\njust words\nC='x\nLAST=ok\n", file: "/p/.env")
        #expect(env.values == ["GOOD": "1", "LAST": "ok"])
        #expect(env.problems.map(\.location) == [
            SourceLocation(file: "/p/.env", line: 2, field: "1BAD"),
            SourceLocation(file: "/p/.env", line: 3, field: "B"),
            SourceLocation(file: "/p/.env", line: 4, field: "just words"),
            SourceLocation(file: "/p/.env", line: 5, field: "C"),
        ])
        try #require(env.problems.count > 0)
        #expect(env.problems[0].message == "\"1BAD\" is not a valid variable name (letters, digits and _, not starting with a digit)")
        try #require(env.problems.count > 1)
        #expect(env.problems[1].message == "the double-quoted value is not closed")
        try #require(env.problems.count > 2)
        #expect(env.problems[2].message == "expected KEY=value, found \"just words\"")
    }

    @Test func strictReadingThrowsTheFirstProblem() {
        #expect {
            try DotEnvFile.assignments("GOOD=1\n1BAD=2\n", file: "/p/.env")
        } throws: { ($0 as? VantageError)?.location == SourceLocation(file: "/p/.env", line: 2, field: "1BAD") }
        #expect(throws: Never.self) { try DotEnvFile.assignments("A=1\n", file: "/p/.env") }
    }

    @Test func portIsCheckedForRange() {
        var problems: [VantageError] = []
        #expect(DotEnvFile.parse("PORT=8080\n", file: ".env").port(problems: &problems) == 8080)
        for bad in ["eighty", "0", "70000", "-1"] {
            #expect(DotEnvFile.parse("# c\nexport PORT=\"\(bad)\"\n", file: ".env").port(problems: &problems) == nil)
        }
        #expect(problems.count == 4)
        #expect(problems.first?.location == SourceLocation(file: ".env", line: 2, field: "PORT"))
    }

    @Test func aMissingFileIsNilAndANonUTF8FileIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try DotEnvFile.read(folder.path + "/.env") == nil)
        let path = folder.path + "/.env"
        try Data([0x41, 0x3D, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect { try DotEnvFile.read(path) } throws: { ($0 as? VantageError)?.message == "the file is not valid UTF-8 text" }
    }
}
