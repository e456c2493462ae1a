import Foundation
import Testing
import VantageCore

/// One style for the whole command line (issue 12 §8), checked on the real binary: every
/// subcommand's `--help` shows each default once, one path convention for `scan` and `status`,
/// one duration format, plural forms, and empty JSON arrays as `[]`.
@Suite struct CommandLineConsistencyEndToEndTests {
    static func run(_ arguments: [String], in directory: String? = nil, home: String) throws -> ChildProcess.Result {
        let bin = try #require(Binary.vantage, "build the binary first: swift build --product vantage")
        return try ChildProcess.run([bin] + arguments, directory: directory,
                                    environment: ["VANTAGE_HOME": home, "PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"],
                                    stderr: .merged, timeout: 60)
    }

    static func temporary(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "vantage-cli-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every command path: `["deps", "list"]`, … found from the SUBCOMMANDS sections of `--help`.
    static func commands(home: String, under prefix: [String] = [], depth: Int = 0) throws -> [[String]] {
        let help = try run(prefix + ["--help"], home: home).output
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [prefix] }
        var found: [[String]] = [prefix]
        for line in help[section.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first.map(String.init),
                  name.first?.isLetter == true, name != "help" else {
                if !line.hasPrefix(" ") { break }
                continue
            }
            guard depth < 3 else { continue }
            found += try commands(home: home, under: prefix + [name], depth: depth + 1)
        }
        return found
    }

    @Test func everyHelpFollowsTheSharedRules() throws {
        let home = try Self.temporary("help")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let all = try Self.commands(home: home)
        #expect(all.count > 30, "found the subcommands: \(all)")
        for command in all {
            let out = try Self.run(command + ["--help"], home: home)
            let name = (["vantage"] + command).joined(separator: " ")
            #expect(out.status == 0, "\(name) --help exits 0")
            // Each option's help (its first line and the indented lines under it) names its default once.
            var blocks: [String] = []
            for line in out.output.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  -") || line.hasPrefix("  <") { blocks.append(String(line)) }
                else if line.hasPrefix("     "), !blocks.isEmpty { blocks[blocks.count - 1] += " " + line.trimmingCharacters(in: .whitespaces) }
            }
            for block in blocks {
                #expect(block.lowercased().components(separatedBy: "default").count - 1 <= 1, "\(name): a default shown twice: \(block)")
            }
            #expect(out.output.range(of: #"\b\d+ ?min\b"#, options: .regularExpression) == nil, "\(name): durations read 2h 30m")
            #expect(out.output.range(of: #"\b1 [a-z]+ies\b|\b1 (files|projects|dependencies|packages)\b"#, options: .regularExpression) == nil,
                    "\(name): plural after 1")
        }
        // One path convention: `scan DIR` and `status DIR`.
        for command in [["scan"], ["status"]] {
            let help = try Self.run(command + ["--help"], home: home).output
            #expect(help.contains("<dir>"), "\(command[0]) takes folders as arguments:\n\(help)")
            #expect(!help.contains("--root"), "\(command[0]) has no second spelling in its help:\n\(help)")
        }
    }

    @Test func pluralsDurationsAndEmptyJSON() throws {
        let home = try Self.temporary("home")
        let project = try Self.temporary("one-dep")
        let empty = try Self.temporary("empty")
        defer { for d in [home, project, empty] { try? FileManager.default.removeItem(atPath: d) } }
        try "six==1.16.0\n".write(toFile: project + "/requirements.txt", atomically: true, encoding: .utf8)
        try "import six\nprint(six.__version__)\n".write(toFile: project + "/app.py", atomically: true, encoding: .utf8)

        let list = try Self.run(["deps", "list", project], home: home)
        #expect(list.output.contains("1 dependency from 1 file"), "\(list.output)")

        let scan = try Self.run(["scan", empty, "--json"], home: home)
        #expect(scan.status == 0 && scan.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(scan.output)")
        let status = try Self.run(["status", empty, "--json"], home: home)
        #expect(status.output.contains("\"projects\" : []"), "status DIR works and its empty list is []: \(status.output)")

        // analyze debt defaults to the current folder, like analyze quality; a folder with no code gets no grade.
        let debt = try Self.run(["analyze", "debt", "--weeks", "0"], in: empty, home: home)
        #expect(debt.status == 0, "\(debt.output)")
        #expect(debt.output.contains("rating -"), "no code, no grade: \(debt.output)")
        #expect(debt.output.range(of: #"\d+min\b"#, options: .regularExpression) == nil, "\(debt.output)")

        // deps vulns finds the imported database itself, and says how to make one when there is none.
        let vulns = try Self.run(["deps", "vulns", project], home: home)
        #expect(vulns.status == 2)
        #expect(vulns.output.contains("vantage deps db import DIR"), "\(vulns.output)")

        // deps licenses with nothing installed says so, and fails under --strict.
        let licenses = try Self.run(["deps", "licenses", project], home: home)
        #expect(licenses.status == 0 && licenses.output.contains("No installed packages"), "\(licenses.output)")
        let strict = try Self.run(["deps", "licenses", project, "--strict"], home: home)
        #expect(strict.status == 1, "\(strict.output)")
    }
}
