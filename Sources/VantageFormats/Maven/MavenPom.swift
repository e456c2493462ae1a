import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VantageCore

/// Maven's `pom.xml`, read by libxml2's streaming parser (linear time; nesting deeper than
/// libxml2's limit of 256 is an error): the project's coordinates, `<properties>`, whether the
/// Spring Boot plugin is configured, and the direct dependencies (`project/dependencies/dependency`;
/// managed, plugin and profile dependencies are not direct ones). The one reader for the scanner
/// and the dependency reader.
public struct MavenPom: Sendable, Equatable {
    public static let fileName = "pom.xml"

    public struct Dependency: Sendable, Equatable {
        public var groupId: String?
        public var artifactId: String?
        /// As written, possibly with `${property}` references.
        public var version: String?
        public var scope: String?
        public var line: Int?
        /// `groupId:artifactId`, or the artifact alone without a group.
        public var name: String { [groupId, artifactId].compactMap { $0 }.joined(separator: ":") }
    }

    public var file: String
    public var groupId: String?
    public var artifactId: String?
    public var version: String?
    public var properties: [String: String] = [:]
    public var hasSpringBootPlugin = false
    public var dependencies: [Dependency] = []
    public var problems: [VantageError] = []

    public static func read(_ path: String) throws(VantageError) -> MavenPom {
        try parse(try FormatText.bytes(path), file: path)
    }

    /// Parses the document; XML that is not well-formed, or a root that is not `<project>`, throws.
    public static func parse(_ data: Data, file: String) throws(VantageError) -> MavenPom {
        // Foundation's XMLParser traps on an element name that is not UTF-8, which libxml2 passes
        // on (`<` and four 0xFF bytes, found by the fuzzer), so the bytes are checked first, as
        // every other reader's are.
        guard String(data: data, encoding: .utf8) != nil else {
            throw FormatText.problem(file, line: TOMLParser.firstInvalidUTF8Line(data), "the file is not valid UTF-8 text", hint: "save it as UTF-8")
        }
        // It also crashes (SIGSEGV) on a processing instruction with no content, `<?x?>`.
        if let line = lineOfEmptyProcessingInstruction(data) {
            throw FormatText.problem(file, line: line, "a processing instruction with no content (<?name?>) is not supported",
                                     hint: "remove it; Maven does not read processing instructions")
        }
        let reader = PomReader()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // Foundation on Linux can return true from parse() after an error (libxml2 recovers), so
        // the first error the delegate saw decides.
        let finished = parser.parse()
        if !finished || reader.errorCode != nil || parser.parserError != nil {
            let line = reader.errorLine ?? (parser.lineNumber > 0 ? parser.lineNumber : nil)
            let code = reader.errorCode ?? (parser.parserError as NSError?)?.code ?? 0
            throw FormatText.problem(file, line: line, "the file is not well-formed XML: \(Self.describe(xmlError: code))", hint: "fix the syntax")
        }
        guard reader.root == "project" else {
            throw FormatText.problem(file, line: 1, field: "project", "not a Maven POM (the root element is not <project>)")
        }
        var pom = MavenPom(file: file, groupId: reader.groupId, artifactId: reader.artifactId, version: reader.version,
                           properties: reader.properties, hasSpringBootPlugin: reader.hasSpringBootPlugin)
        if let v = reader.version { pom.properties["project.version"] = v }
        for dep in reader.dependencies {
            if dep.artifactId?.isEmpty != false || dep.groupId?.isEmpty != false {
                pom.problems.append(FormatText.problem(file, line: dep.line, field: "project.dependencies.dependency",
                                                       "a <dependency> needs <groupId> and <artifactId>"))
                continue
            }
            pom.dependencies.append(dep)
        }
        return pom
    }

    /// The line of the first processing instruction without content (`<?name?>`, whitespace
    /// aside), or nil. Every `<?` counts, inside comments and CDATA too: libxml2 recovering from an
    /// earlier error (a malformed `<?xml` declaration) resynchronises on a later `<?`, so only a
    /// check that ignores the document's structure is sure to see what XMLParser will be handed.
    /// Linear: a name stops at the next `<`, so the scans after each `<?` never overlap.
    static func lineOfEmptyProcessingInstruction(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        let n = bytes.count
        let open = UInt8(ascii: "<"), question = UInt8(ascii: "?"), close = UInt8(ascii: ">")
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func endsInstruction(_ j: Int) -> Bool { j + 1 < n && bytes[j] == question && bytes[j + 1] == close }
        var line = 1
        for i in 0..<n {
            if bytes[i] == 0x0A { line += 1 }
            guard bytes[i] == open, i + 1 < n, bytes[i + 1] == question else { continue }
            var j = i + 2
            while j < n && !isSpace(bytes[j]) && bytes[j] != open && !endsInstruction(j) { j += 1 }
            while j < n && isSpace(bytes[j]) { j += 1 }
            if endsInstruction(j) { return line }
        }
        return nil
    }

    /// libxml2's error numbers, for the ones a hand-edited POM runs into.
    static func describe(xmlError code: Int) -> String {
        switch code {
        case 1: "nested too deep, or the parser gave up"
        case 4, 5: "the document ends before every element is closed, or has content after its end"
        case 73, 74: "a tag is not closed with '>'"
        case 76: "an end tag does not match the element it closes"
        case 39, 40, 41: "an attribute is malformed"
        case 68: "a name is expected here"
        case 9: "a character that XML does not allow"
        default: "XML error \(code)"
        }
    }

    /// `value` with `${name}` references replaced from `<properties>` (and `project.version`),
    /// following references up to 5 levels; nil when one is left unresolved.
    public func resolved(_ value: String) -> String? {
        var v = value
        for _ in 0..<5 {
            guard v.contains("${") else { return v }
            var out = ""
            var rest = Substring(v)
            while let open = rest.range(of: "${") {
                out += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { out += rest[open.lowerBound...]; rest = ""; break }
                let key = String(rest[open.upperBound..<close])
                out += properties[key] ?? "${\(key)}"
                rest = rest[rest.index(after: close)...]
            }
            v = out + rest
        }
        return v.contains("${") ? nil : v
    }
}

/// Collects what `MavenPom` needs while XMLParser walks the document.
private final class PomReader: NSObject, XMLParserDelegate {
    var path: [String] = []
    var text = ""
    var root: String?
    var groupId: String?
    var artifactId: String?
    var version: String?
    var properties: [String: String] = [:]
    var hasSpringBootPlugin = false
    var dependencies: [MavenPom.Dependency] = []
    var errorLine: Int?
    var errorCode: Int?
    private var current: MavenPom.Dependency?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if path.isEmpty, root == nil { root = name }
        path.append(name)
        text = ""
        if path.count == 3, path == ["project", "dependencies", "dependency"] {
            current = MavenPom.Dependency(line: parser.lineNumber)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch path.count {
        case 2 where path[0] == "project":
            switch name {
            case "groupId": groupId = value
            case "artifactId": artifactId = value
            case "version": version = value
            default: break
            }
        case 3 where path[0] == "project" && path[1] == "properties":
            properties[name] = value
        case 3 where path == ["project", "dependencies", "dependency"]:
            if let current { dependencies.append(current) }
            current = nil
        case 4 where path[0] == "project" && path[1] == "dependencies" && path[2] == "dependency":
            switch name {
            case "groupId": current?.groupId = value
            case "artifactId": current?.artifactId = value
            case "version": current?.version = value
            case "scope": current?.scope = value
            default: break
            }
        case 5 where path == ["project", "build", "plugins", "plugin", "artifactId"]:
            if value == "spring-boot-maven-plugin" { hasSpringBootPlugin = true }
        default: break
        }
        path.removeLast()
        text = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorCode == nil {
            errorLine = parser.lineNumber > 0 ? parser.lineNumber : nil
            errorCode = (parseError as NSError).code
        }
    }
}
