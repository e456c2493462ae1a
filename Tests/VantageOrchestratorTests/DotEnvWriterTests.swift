import Foundation
import Testing
import VantageCore
import VantageFormats
@testable import VantageOrchestrator

@Suite("DotEnvWriter and the missing-variable fill: real files, nothing lost")
struct DotEnvWriterTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "vantage-envwriter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

    @Test func appendingKeepsCommentsOrderAndTheRest() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/.env"
        let before = "# database settings\nDB_HOST=localhost\n\n# the port\nexport PORT=3000 # default\nNAME=\"my app\""
        try before.write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o640)
        try DotEnvWriter.set("DATABASE_URL", to: "postgres://u:p@db:5432/app", inFile: file)
        #expect(read(file) == before + "\nDATABASE_URL=postgres://u:p@db:5432/app\n")
        let parsed = try #require(try DotEnvFile.assignments(contentsOf: file))
        #expect(parsed.map(\.key) == ["DB_HOST", "PORT", "NAME", "DATABASE_URL"])
        #expect(parsed.map(\.value) == ["localhost", "3000", "my app", "postgres://u:p@db:5432/app"])
        // Permissions kept, and no temporary file left behind.
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [".env"])
    }

    @Test func anExistingAssignmentIsReplacedInPlace() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/.env"
        try "A=1\r\n  export SECRET=\r\n# SECRET=old comment\r\nB=2\r\n".write(toFile: file, atomically: false, encoding: .utf8)
        try DotEnvWriter.set("SECRET", to: "two words # and \"quotes\"", inFile: file)
        #expect(read(file) == "A=1\r\n  export SECRET=\"two words # and \\\"quotes\\\"\"\r\n# SECRET=old comment\r\nB=2\r\n")
        let parsed = try #require(try DotEnvFile.assignments(contentsOf: file))
        #expect(parsed.first { $0.key == "SECRET" }?.value == "two words # and \"quotes\"")
    }

    @Test func aNewFileIsPrivateAndAMalformedOneIsLeftAlone() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DotEnvWriter.set("TOKEN", to: "abc", inFile: dir + "/.env")
        #expect(read(dir + "/.env") == "TOKEN=abc\n")
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/.env")[.posixPermissions] as? Int == 0o600)
        let bad = dir + "/.env.bad"
        try "GOOD=1\nthis line is not an assignment\n".write(toFile: bad, atomically: false, encoding: .utf8)
        #expect(throws: VantageError.self) { try DotEnvWriter.set("X", to: "1", inFile: bad) }
        #expect(read(bad) == "GOOD=1\nthis line is not an assignment\n")
    }

    @Test func fillTakesTheValueFromTheExampleThenOtherEnvironments() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# copy me\nAPI_KEY=example-key\nDEBUG=1\n".write(toFile: dir + "/.env.example", atomically: false, encoding: .utf8)
        try "REGION=eu-west-1\n".write(toFile: dir + "/.env.production", atomically: false, encoding: .utf8)
        try "KEEP=me\n".write(toFile: dir + "/.env", atomically: false, encoding: .utf8)

        let fromExample = try MissingVariableFill.fill("API_KEY", value: nil, projectPath: dir)
        #expect(fromExample.value == "example-key" && fromExample.source == dir + "/.env.example:2")
        let fromProduction = try MissingVariableFill.fill("REGION", value: nil, projectPath: dir)
        #expect(fromProduction.source == dir + "/.env.production:1")
        let typed = try MissingVariableFill.fill("PORT", value: "8080", projectPath: dir)
        #expect(typed.source == "typed")
        #expect(read(dir + "/.env") == "KEEP=me\nAPI_KEY=example-key\nREGION=eu-west-1\nPORT=8080\n")

        #expect(throws: VantageError.self) { try MissingVariableFill.fill("NOWHERE", value: nil, projectPath: dir) }
        #expect(read(dir + "/.env") == "KEEP=me\nAPI_KEY=example-key\nREGION=eu-west-1\nPORT=8080\n")
    }
}
