import Foundation
import Testing
@testable import VantageCore

/// TOML 1.0, feature by feature: `Fixtures/toml/valid` holds a document for every feature, and each
/// must read exactly as Python's `tomllib` reads it; `Fixtures/toml/invalid` holds one defect per
/// file, whose first line says the line and the words of the error TOMLParser must give (and
/// tomllib must refuse the file too, unless its second line says why tomllib accepts it).
@Suite("TOML 1.0 conformance against tomllib")
struct TOMLConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/toml")

    static func files(_ kind: String) -> [String] {
        let dir = directory.appendingPathComponent(kind).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
    }

    static func path(_ kind: String, _ name: String) -> String { directory.appendingPathComponent(kind).appendingPathComponent(name).path }

    static let hasTomllib: Bool = (try? ChildProcess.run(["python3", "-c", "import tomllib"]))?.succeeded ?? false

    /// tomllib's tagged reading of each file (`tomllib_tagged.py`), by path.
    static func tomllib(_ paths: [String]) throws -> [String: Any] {
        let result = try ChildProcess.run(["python3", directory.appendingPathComponent("tomllib_tagged.py").path] + paths, stderr: .discarded)
        try #require(result.succeeded, "tomllib_tagged.py failed: \(result.output)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test func thereIsAFixtureForEveryFeature() {
        #expect(Self.files("valid").count >= 25)
        #expect(Self.files("invalid").count >= 120)
    }

    @Test(.enabled(if: hasTomllib, "python3 ≥ 3.11 (tomllib) is needed to compare; scripts/test requires it under CI"))
    func validFilesReadAsTomllibReadsThem() throws {
        let paths = Self.files("valid").map { Self.path("valid", $0) }
        let reference = try Self.tomllib(paths)
        for path in paths {
            let name = (path as NSString).lastPathComponent
            let ours: TOMLTable
            do { ours = try TOMLParser.parse(contentsOf: path) } catch {
                Issue.record("\(name): TOMLParser refused a valid file: \(error)")
                continue
            }
            let theirs = try #require(reference[path] as? [String: Any], "\(name): no answer from tomllib")
            #expect(theirs["error"] == nil, "\(name): tomllib refused it: \(theirs["error"] ?? "")")
            if let difference = Self.difference(.table(ours), theirs, at: name) {
                Issue.record("\(difference)")
            }
        }
    }

    @Test(arguments: files("invalid"))
    func invalidFileIsALocatedError(name: String) throws {
        let path = Self.path("invalid", name)
        let header = try #require(Self.expectation(path), "\(name) has no '# expect line N: words' first line")
        do {
            let table = try TOMLParser.parse(contentsOf: path)
            Issue.record("\(name) was accepted: \(table)")
        } catch {
            #expect(error.location?.file == path)
            #expect(error.location?.line == header.line, "\(name): \(error)")
            #expect(error.message.contains(header.words), "\(name): \(error.message)")
        }
    }

    @Test(.enabled(if: hasTomllib, "python3 ≥ 3.11 (tomllib) is needed to compare; scripts/test requires it under CI"))
    func tomllibRefusesTheInvalidFilesToo() throws {
        let paths = Self.files("invalid").map { Self.path("invalid", $0) }
        let reference = try Self.tomllib(paths)
        for path in paths {
            let accepted = (reference[path] as? [String: Any])?["error"] == nil
            let explained = (try? String(contentsOfFile: path, encoding: .utf8))?.contains("\n# tomllib accepts: ") ?? false
            #expect(accepted == explained, "\((path as NSString).lastPathComponent): tomllib \(accepted ? "accepts" : "refuses") it")
        }
    }

    // MARK: helpers

    /// `# expect line N: words` on the first line.
    static func expectation(_ path: String) -> (line: Int, words: String)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let first = String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
        guard first.hasPrefix("# expect line "), let colon = first.firstIndex(of: ":"),
              let line = Int(first[first.index(first.startIndex, offsetBy: 14)..<colon]) else { return nil }
        return (line, String(first[first.index(colon, offsetBy: 2)...]))
    }

    /// Where our value and tomllib's tagged value differ, or nil when they are the same.
    static func difference(_ ours: TOMLValue, _ theirs: Any, at path: String) -> String? {
        guard let reference = theirs as? [String: Any], reference.count == 1, let (kind, payload) = reference.first else {
            return "\(path): unreadable reference \(theirs)"
        }
        switch ours {
        case .table(let t):
            guard kind == "table", let other = payload as? [String: Any] else { return "\(path): table here, \(kind) in tomllib" }
            guard Set(t.keys) == Set(other.keys) else { return "\(path): keys \(t.keys.sorted()) here, \(other.keys.sorted()) in tomllib" }
            for e in t.entries {
                if let d = difference(e.value, other[e.key]!, at: path + "." + e.key) { return d }
            }
            return nil
        case .array(let items):
            guard kind == "array", let other = payload as? [Any] else { return "\(path): array here, \(kind) in tomllib" }
            guard items.count == other.count else { return "\(path): \(items.count) items here, \(other.count) in tomllib" }
            for (i, (a, b)) in zip(items, other).enumerated() {
                if let d = difference(a, b, at: "\(path)[\(i)]") { return d }
            }
            return nil
        case .float(let x):
            guard kind == "float", let text = payload as? String, let y = Double(text) else { return "\(path): float \(x) here, \(kind) in tomllib" }
            let same = (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
            return same ? nil : "\(path): \(x) here, \(text) in tomllib"
        default:
            let mine = Self.tagged(ours)
            guard mine.kind == kind, mine.text == payload as? String else {
                return "\(path): \(mine.kind) \(mine.text.debugDescription) here, \(kind) \(String(describing: payload).debugDescription) in tomllib"
            }
            return nil
        }
    }

    /// A scalar in the reference's tagged form.
    static func tagged(_ v: TOMLValue) -> (kind: String, text: String) {
        switch v {
        case .string(let s): return ("string", s)
        case .integer(let i): return ("integer", String(i))
        case .bool(let b): return ("bool", b ? "true" : "false")
        case .datetime(let text): return normalized(datetime: text)
        default: return ("?", "\(v)")
        }
    }

    /// Kind and text of a canonical date/time, with the fraction cut to tomllib's microseconds.
    static func normalized(datetime text: String) -> (kind: String, text: String) {
        if !text.contains(":") { return ("date-local", text) }
        var rest = Substring(text)
        var offset = ""
        if rest.hasSuffix("Z") { offset = "Z"; rest = rest.dropLast() }
        else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-", rest.contains("T") {
            offset = String(rest.suffix(6)); rest = rest.dropLast(6)
            if offset.dropFirst() == "00:00" { offset = "Z" }
        }
        var fraction = ""
        if let dot = rest.firstIndex(of: ".") {
            let digits = rest[rest.index(after: dot)...].prefix(6)
            rest = rest[..<dot]
            let padded = digits + String(repeating: "0", count: 6 - digits.count)
            if padded != "000000" { fraction = "." + padded }
        }
        let kind = !text.contains("T") ? "time-local" : offset.isEmpty ? "datetime-local" : "datetime"
        return (kind, rest + fraction + offset)
    }
}
