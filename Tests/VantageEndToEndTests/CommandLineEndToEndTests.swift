import Foundation
import VantageCore
import Testing

@Suite struct CommandLineEndToEndTests {
    @Test func helpListsTheSubcommands() throws {
        let bin = try #require(Binary.vantage)
        let out = try ChildProcess.run([bin, "--help"], stderr: .discarded)
        #expect(out.status == 0)
        for sub in ["scan", "status"] { #expect(out.output.contains(sub), "help lists \(sub)") }
    }

    @Test func badFlagGivesOneLineAndStatusTwo() throws {
        let bin = try #require(Binary.vantage)
        let out = try ChildProcess.run(["/bin/sh", "-c", "\(TmuxSession.shellQuote(bin)) --no-such-flag 2>&1"], stderr: .discarded)
        #expect(out.status == 2)
        #expect(out.output.contains("--no-such-flag"))
    }

    @Test func badThemeFileNamesFileLineAndField() throws {
        let bin = try #require(Binary.vantage)
        let dir = NSTemporaryDirectory() + "vantage-bad-theme-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let theme = dir + "/broken.toml"
        try "name = \"broken\"\nvariant = \"dark\"\n[colors]\naccent = \"#12345\"\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let out = try ChildProcess.run(["/bin/sh", "-c", "VANTAGE_HOME=\(dir) \(TmuxSession.shellQuote(bin)) --theme \(theme) --root \(dir) 2>&1"], stderr: .discarded)
        #expect(out.status == 2)
        #expect(out.output.contains("broken.toml:4"), "names file and line: \(out.output)")
        #expect(out.output.contains("accent"), "names the field: \(out.output)")
    }

    @Test func statusJSONReportsTheMachine() throws {
        let bin = try #require(Binary.vantage)
        let home = NSTemporaryDirectory() + "vantage-status-\(UUID().uuidString)"
        let out = try ChildProcess.run([bin, "status", "--json", "--root", Binary.repositoryRoot + "/examples"],
                                       environment: ["VANTAGE_HOME": home, "PATH": "/usr/bin:/bin"], stderr: .discarded)
        #expect(out.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(out.output.utf8)) as? [String: Any])
        let system = try #require(obj["system"] as? [String: Any])
        // The machine's memory as the kernel gives it (sysinfo through glibc).
        let total = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
        #expect(system["memTotalBytes"] as? Double == total)
        // One project per example folder, none running.
        let examples = Binary.repositoryRoot + "/examples"
        let folders = try FileManager.default.contentsOfDirectory(atPath: examples).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: examples + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        let rows = try #require(obj["projects"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["path"] as? String }) == Set(folders.map { examples + "/" + $0 }), "\(rows)")
        #expect(rows.count == folders.count)
        #expect(rows.allSatisfy { $0["state"] as? String == "stopped" && ($0["pids"] as? [Any])?.isEmpty == true }, "\(rows)")
    }
}
