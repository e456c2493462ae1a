import Foundation
import VantageCore
import VantageFormats

/// Applies updates group by group (patch, minor, major) in a scratch copy of the project, runs
/// the project's tests there, and copies the changed manifest back only when they pass. On a red
/// run the original files are not touched (and are checked to be byte for byte the same).
public struct UpdateApplier: Sendable {
    public struct GroupOutcome: Sendable, Codable {
        public var type: UpdateType
        public var updates: [AvailableUpdate]
        public var kept: Bool
        public var testCommand: String
        public var testStatus: Int32
        public var testOutputTail: String
        /// Files copied back (when kept) or verified unchanged (when reverted).
        public var files: [String]
        public var originalUnchanged: Bool
    }

    public var testCommandOverride: String?
    public init(testCommand: String? = nil) { testCommandOverride = testCommand }

    /// The test command: `.vantage.toml` `test`, else detected (pytest, npm test, cargo test, swift test).
    public static func testCommand(for folder: String) -> String? {
        if let t = try? TOMLParser.parse(contentsOf: folder + "/.vantage.toml"), let cmd = t["test"]?.stringValue { return cmd }
        let fm = FileManager.default
        if let py = UpdateChecker.venvPython(folder) {
            let rel = py.replacingOccurrences(of: folder + "/", with: "")
            return "\(rel) -m pytest -q"
        }
        if fm.fileExists(atPath: folder + "/package.json") { return "npm test" }
        if fm.fileExists(atPath: folder + "/Cargo.toml") { return "cargo test" }
        if fm.fileExists(atPath: folder + "/Package.swift") { return "swift test" }
        return nil
    }

    public func apply(_ updates: [AvailableUpdate], in folder: String) throws(VantageError) -> [GroupOutcome] {
        guard let command = testCommandOverride ?? Self.testCommand(for: folder) else {
            throw VantageError(.notFound, "no test command for this project", at: SourceLocation(file: folder),
                               hint: "add `test = \"...\"` to .vantage.toml so updates can be verified")
        }
        var outcomes: [GroupOutcome] = []
        let available = updates.filter { $0.status == "available" && $0.latest != nil && $0.type != nil }
        for type in UpdateType.allCases {
            let group = available.filter { $0.type == type }
            guard !group.isEmpty else { continue }
            outcomes.append(try applyGroup(type, group, folder: folder, command: command))
        }
        return outcomes
    }

    func applyGroup(_ type: UpdateType, _ group: [AvailableUpdate], folder: String, command: String) throws(VantageError) -> GroupOutcome {
        let fm = FileManager.default
        let scratch = NSTemporaryDirectory() + "vantage-update-\(UUID().uuidString)"
        defer { try? fm.removeItem(atPath: scratch) }
        do { try fm.copyItem(atPath: folder, toPath: scratch) }
        catch { throw VantageError(.io, "cannot copy the project to a scratch folder: \(error)", at: SourceLocation(file: folder)) }
        let manifests = Set(group.map(\.manifest))
        var originals: [String: Data] = [:]
        for m in manifests { originals[m] = fm.contents(atPath: m) }
        var install: [[String]] = []
        for m in manifests {
            let rel = String(m.dropFirst(folder.count + 1))
            let scratchPath = scratch + "/" + rel
            guard var text = try? String(contentsOfFile: scratchPath, encoding: .utf8) else { continue }
            for u in group where u.manifest == m {
                text = Self.rewrite(text, file: rel, ecosystem: u.ecosystem, name: u.name, from: u.current, to: u.latest!)
            }
            try? text.write(toFile: scratchPath, atomically: true, encoding: .utf8)
            if rel.hasSuffix(".txt"), let py = UpdateChecker.venvPython(scratch) { install.append([py, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", scratchPath]) }
            if rel.hasSuffix("package.json"), let npm = ToolRunner.which("npm") { install.append([npm, "install", "--ignore-scripts"]) }
            // Lock-only ecosystems: the tool moves the pin in the lock file.
            for u in group where u.manifest == m {
                if u.ecosystem == .crates, let cargo = ToolRunner.which("cargo") { install.append([cargo, "update", "-p", u.name, "--precise", u.latest!]) }
                if u.ecosystem == .swift, let swift = ToolRunner.which("swift") {
                    install.append([swift, "package", "update", String(u.name.split(separator: "/").last ?? Substring(u.name))])
                }
            }
        }
        var output = ""
        var status: Int32 = 0
        for argv in install {
            let r = ToolRunner.run(argv, in: scratch, timeout: 600)
            output += r.output
            if r.status != 0 { status = r.status; break }
        }
        if status == 0 {
            let r = ToolRunner.run(["/bin/sh", "-c", command], in: scratch, timeout: 1200)
            status = r.status
            output += r.output
        }
        let kept = status == 0
        // The manifests and the lock files beside them that the update changed.
        var touched = Set(manifests)
        for m in manifests {
            let dir = (m as NSString).deletingLastPathComponent
            for lock in ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "Package.resolved",
                         "poetry.lock", "uv.lock", "Pipfile.lock", "composer.lock", "Gemfile.lock"] where fm.fileExists(atPath: dir + "/" + lock) {
                touched.insert(dir + "/" + lock)
                if originals[dir + "/" + lock] == nil { originals[dir + "/" + lock] = fm.contents(atPath: dir + "/" + lock) }
            }
        }
        var changed: [String] = []
        if kept {
            for path in touched.sorted() {
                let rel = String(path.dropFirst(folder.count + 1))
                guard let data = fm.contents(atPath: scratch + "/" + rel), data != originals[path] else { continue }
                try? data.write(to: URL(fileURLWithPath: path))
                changed.append(path)
            }
        }
        let unchanged = kept || touched.allSatisfy { fm.contents(atPath: $0) == originals[$0] }
        return GroupOutcome(type: type, updates: group, kept: kept, testCommand: command, testStatus: status,
                            testOutputTail: String(output.suffix(2000)), files: kept ? changed : touched.sorted(), originalUnchanged: unchanged)
    }

    /// Rewrites a pin in a manifest: requirements `name==old` (PEP 503 name match, keeping extras,
    /// markers and hashes out), package.json `"name": "old"` (keeping a ^/~ prefix).
    static func rewrite(_ text: String, file: String, ecosystem: Ecosystem, name: String, from old: String, to new: String) -> String {
        let lines = text.components(separatedBy: "\n")
        var out: [String] = []
        for line in lines {
            if ecosystem == .pypi, let r = PythonRequirement(line.components(separatedBy: " --").first ?? line),
               Ecosystem.pep503(r.name) == Ecosystem.pep503(name), r.pinnedVersion == old {
                out.append(line.replacingOccurrences(of: "==" + old, with: "==" + new)
                               .replacingOccurrences(of: "== " + old, with: "== " + new))
                continue
            }
            if ecosystem == .npm, line.contains("\"\(name)\"") {
                out.append(line.replacingOccurrences(of: "\"\(old)\"", with: "\"\(new)\"")
                               .replacingOccurrences(of: "\"^\(old)\"", with: "\"^\(new)\"")
                               .replacingOccurrences(of: "\"~\(old)\"", with: "\"~\(new)\""))
                continue
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }
}
