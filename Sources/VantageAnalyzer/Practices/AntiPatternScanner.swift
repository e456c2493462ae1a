import Foundation
import VantageFormats

/// Scans source files for anti-patterns: swallowed exceptions, hard-coded secrets, print debugging
/// in library code and TODO/FIXME density. Line-based heuristics on any language; the checks skip
/// comment lines where that matters. Each finding has a place, a message, a suggestion and a
/// remediation estimate (SonarQube's minutes for the matching rules).
public struct AntiPatternScanner: Sendable {
    /// TODO/FIXME markers per thousand lines of code above which a file gets a finding.
    public var todoDensityThreshold: Double
    /// A file needs at least this many markers for a density finding (a 20-line file with one TODO is fine).
    public var todoMinimumMarkers: Int

    public static let catchAllMinutes = 10
    public static let secretMinutes = 30
    public static let printMinutes = 10
    public static let todoMinutesPerMarker = 10

    public init(todoDensityThreshold: Double = 10, todoMinimumMarkers: Int = 3) {
        self.todoDensityThreshold = todoDensityThreshold
        self.todoMinimumMarkers = todoMinimumMarkers
    }

    /// Findings in one file. `path` decides the language and whether it is library code;
    /// `programCode: true` says the file belongs to a program (an executable target) whatever its name.
    public func scan(path: String, text: String, programCode: Bool = false) -> [AntiPatternFinding] {
        let rules = ProgrammingLanguage(path: path).flatMap(LanguageSupports.practices(for:))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        var findings: [AntiPatternFinding] = []
        let isTest = SourcePaths.isTest(path)
        let isLibrary = rules != nil && !isTest && !programCode && !SourcePaths.isEntryPoint(path, text: text)
        var markers = 0

        for (i, raw) in lines.enumerated() {
            let line = String(raw)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let isComment = rules?.isCommentLine(trimmed) ?? false
            if Self.hasTodoMarker(trimmed) { markers += 1 }
            if let hit = SecretDetector.scan(line, entropyCheck: !isTest && !isComment) {
                findings.append(AntiPatternFinding(
                    kind: .hardCodedSecret, file: path, line: i + 1,
                    message: "\(hit.what) is written into the code",
                    suggestion: "move it to the environment or a secret store, and rotate it: it is in the history now",
                    remediationMinutes: Self.secretMinutes))
            }
            guard let rules, !isComment else { continue }
            if rules.hasExceptClause, !isTest, let finding = pythonCatchAll(lines, i, path) { findings.append(finding) }
            if isLibrary, let call = rules.printCall(in: trimmed) {
                findings.append(AntiPatternFinding(
                    kind: .printDebugging, file: path, line: i + 1,
                    message: "\(call) in library code",
                    suggestion: "use the project's logger (it has levels and can be silenced), or remove the debugging output",
                    remediationMinutes: Self.printMinutes))
            }
        }
        // In tests an empty catch after a `fail("expected an error")` is the idiom, not a smell.
        if let rules, rules.hasBraceCatch, !isTest { findings += braceCatchAll(text, path) }

        let loc = LinesOfCode.count(text)
        if markers >= todoMinimumMarkers, loc > 0 {
            let density = Double(markers) * 1000 / Double(loc)
            if density > todoDensityThreshold {
                findings.append(AntiPatternFinding(
                    kind: .todoDensity, file: path, line: 0,
                    message: "\(markers) TODO/FIXME markers in \(loc) lines (\(Int(density.rounded())) per 1,000 lines)",
                    suggestion: "turn the markers into tracked issues and finish or delete the oldest",
                    remediationMinutes: markers * Self.todoMinutesPerMarker))
            }
        }
        return findings.sorted { $0.line < $1.line }
    }

    /// TODO/FIXME/XXX/HACK markers in a file (for density per KLOC).
    public static func todoMarkers(in text: String, path: String) -> Int {
        text.split(separator: "\n").filter {
            hasTodoMarker($0.drop { $0 == " " || $0 == "\t" })
        }.count
    }

    /// A comment whose text starts with TODO, FIXME, XXX or HACK (`// TODO: x`, `# FIXME`, `/* XXX */`),
    /// the way these markers are written; a mention inside prose or a string does not count.
    static func hasTodoMarker(_ line: Substring) -> Bool {
        var body: Substring?
        if line.hasPrefix("*") { body = line }
        for opener in ["//", "#", "/*", "--"] where body == nil {
            if let r = line.range(of: opener) {
                // An opener inside a string literal does not start a comment.
                let quotes = line[..<r.lowerBound].filter { $0 == "\"" || $0 == "'" }.count
                if quotes % 2 == 0 { body = line[r.lowerBound...] }
            }
        }
        guard let comment = body else { return false }
        let text = comment.drop { $0 == "/" || $0 == "*" || $0 == "#" || $0 == "-" || $0 == "!" || $0 == " " || $0 == "\t" }
        return ["TODO", "FIXME", "XXX", "HACK"].contains { marker in
            text.hasPrefix(marker) && !(text.dropFirst(marker.count).first?.isLetter ?? false)
        }
    }

    /// `except:` anywhere, or `except Exception:` / `except BaseException as e:` whose body only passes.
    private func pythonCatchAll(_ lines: [Substring], _ i: Int, _ path: String) -> AntiPatternFinding? {
        let line = lines[i]
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let code = line.dropFirst(indent)
        guard code.hasPrefix("except") else { return nil }
        let rest = code.dropFirst(6)
        let header = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard header.count == 2 else { return nil }
        let caught = header[0].trimmingCharacters(in: .whitespaces)
        let inlineBody = header[1].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
            .trimmingCharacters(in: .whitespaces) ?? ""
        let bare = caught.isEmpty
        let broad = ["Exception", "BaseException"].contains { caught == $0 || caught.hasPrefix($0 + " as ") }
        guard bare || broad else { return nil }
        var onlyPasses: Bool
        if !inlineBody.isEmpty {
            onlyPasses = inlineBody == "pass" || inlineBody == "..."
        } else {
            onlyPasses = true
            var j = i + 1
            var sawBody = false
            while j < lines.count {
                let l = lines[j]
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") { j += 1; continue }
                let ind = l.prefix { $0 == " " || $0 == "\t" }.count
                if ind <= indent { break }
                sawBody = true
                if t != "pass" && t != "..." && t != "continue" { onlyPasses = false; break }
                j += 1
            }
            if !sawBody { onlyPasses = false }
        }
        guard bare || onlyPasses else { return nil }
        let what = bare ? "a bare `except:` catches everything, even KeyboardInterrupt and SystemExit"
            : "`except \(caught)` swallows every error silently"
        return AntiPatternFinding(
            kind: .catchAll, file: path, line: i + 1, message: what,
            suggestion: "catch the specific exceptions you expect, and log or re-raise the rest",
            remediationMinutes: Self.catchAllMinutes)
    }

    /// An untyped catch with an empty body (comments allowed): Swift `catch {}`, `catch let e {}`,
    /// `catch _ {}`; JavaScript `catch (e) {}`, `catch {}`; TypeScript/Kotlin `catch (e: unknown) {}`;
    /// Java/C#/PHP `catch (Exception e) {}`, `catch (Throwable t) {}`; C++ `catch (...) {}`.
    /// A typed catch (`catch is TimeoutError {}`, `catch (IOException e) {}`) handles a known case.
    private static let emptyCatch: NSRegularExpression = {
        let untyped = [
            #"[A-Za-z_$][\w$]*"#,
            #"[A-Za-z_$][\w$]*\s*:\s*(?:any|unknown|Exception|Throwable)"#,
            #"(?:final\s+)?(?:java\.lang\.|System\.|\\)?(?:Exception|Throwable|BaseException)(?:\s+\$?\w+)?"#,
            #"\.\.\."#,
        ].joined(separator: "|")
        let clause = #"(?:\s*\(\s*(?:"# + untyped + #")\s*\)|\s+(?:let|var)\s+\w+|\s+_)?"#
        let body = #"\s*\{(?:\s|//[^\n]*\n|/\*(?:[^*]|\*(?!/))*\*/)*\}"#
        return try! NSRegularExpression(pattern: #"\bcatch\b"# + clause + body)
    }()

    /// `catch {}`, `catch (e) {}`, `catch (Exception e) { }`, `} catch let error { // ignore }`.
    private func braceCatchAll(_ text: String, _ path: String) -> [AntiPatternFinding] {
        let ns = text as NSString
        return Self.emptyCatch.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let before = ns.substring(to: m.range.location)
            let line = 1 + before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            // Skip mentions in comments and string literals on the line of the `catch`.
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            let prefix = before[lineStart...]
            let trimmed = prefix.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("*") || prefix.contains("//") || prefix.contains("/*") { return nil }
            if prefix.filter({ $0 == "\"" || $0 == "`" || $0 == "'" }).count % 2 == 1 { return nil }
            return AntiPatternFinding(
                kind: .catchAll, file: path, line: line,
                message: "an empty catch-all block swallows every error silently",
                suggestion: "handle the error, log it with context, or let it propagate",
                remediationMinutes: Self.catchAllMinutes)
        }
    }
}
