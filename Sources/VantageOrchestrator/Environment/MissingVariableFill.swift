import Foundation
import VantageCore
import VantageFormats

/// The fix for a missing environment variable: its value (typed by the user, or found in the
/// project's `.env.example` or another of its environment files) written into the project's
/// `.env` with `DotEnvWriter`, so the next start has it.
public enum MissingVariableFill {
    public struct Result: Sendable, Equatable {
        /// The file written (`<project>/.env`).
        public var file: String
        public var key: String
        public var value: String
        /// Where the value came from: "typed", or `path:line` of the file it was copied from.
        public var source: String
    }

    /// Files a value may be copied from, in this order, then any other `.env.<name>` in the folder.
    public static let examples = [".env.example", ".env.sample", ".env.template", ".env.dist"]

    /// Fills `key` in `<projectPath>/.env`. With no `value`, it is taken from the example files
    /// or other environments; when none has it, nothing is written and the error says so.
    public static func fill(_ key: String, value: String?, projectPath: String) throws(VantageError) -> Result {
        let target = projectPath + "/.env"
        let found: (value: String, source: String)
        if let value {
            found = (value, "typed")
        } else if let copied = try lookUp(key, projectPath: projectPath) {
            found = copied
        } else {
            throw VantageError(.notFound, "no value for \(key): it is in none of the project's example or environment files",
                               at: SourceLocation(file: target, field: key),
                               hint: "type a value when asked, or add \(key)=… to \(projectPath)/.env.example")
        }
        try DotEnvWriter.set(key, to: found.value, inFile: target)
        return Result(file: target, key: key, value: found.value, source: found.source)
    }

    /// The first assignment of `key` in the example files, then in the other `.env.*` files (by name).
    public static func lookUp(_ key: String, projectPath: String) throws(VantageError) -> (value: String, source: String)? {
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: projectPath)) ?? [])
            .filter { $0.hasPrefix(".env.") && !examples.contains($0) && !$0.hasSuffix(".tmp") }
            .sorted()
        for name in examples + others {
            let path = projectPath + "/" + name
            guard let assignments = try DotEnvFile.assignments(contentsOf: path),
                  let a = assignments.last(where: { $0.key == key }) else { continue }
            return (a.value, "\(path):\(a.line)")
        }
        return nil
    }
}
