import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VantageCore

/// `pom.xml`: the name is the project's `artifactId`, the command `mvn spring-boot:run` when the
/// Spring Boot plugin is configured, else `mvn -q compile exec:java` (exec:java alone would run
/// stale or missing classes), and the dependencies every `project/dependencies/dependency`
/// as `groupId:artifactId` (managed dependencies and plugin dependencies are not direct ones).
enum MavenPom {
    static let fileName = "pom.xml"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard files.contains(fileName) else { return nil }
        let path = folder + "/" + fileName
        var evidence = KindEvidence(kind: .java, command: "mvn -q compile exec:java")
        guard let data = FileManager.default.contents(atPath: path) else {
            warnings.add("cannot read the file", file: path)
            return evidence
        }
        let reader = PomReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() {
            warnings.add("the file is not well-formed XML", file: path, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                         hint: "fix the syntax; the project is listed without its name and dependencies")
            return evidence
        }
        evidence.name = reader.artifactId
        if reader.hasSpringBootPlugin { evidence.command = "mvn spring-boot:run" }
        for dep in reader.dependencies {
            guard let artifact = dep["artifactId"], !artifact.isEmpty else {
                warnings.add("a <dependency> has no <artifactId>", file: path, line: dep["line"].flatMap { Int($0) },
                             field: "project.dependencies.dependency")
                continue
            }
            let name = dep["groupId"].map { "\($0):\(artifact)" } ?? artifact
            evidence.dependencies.append(Dependency(ecosystem: "maven", name: name, version: dep["version"]))
        }
        return evidence
    }
}

/// Collects what `MavenPom` needs while XMLParser walks the document.
private final class PomReader: NSObject, XMLParserDelegate {
    var path: [String] = []
    var text = ""
    var artifactId: String?
    var hasSpringBootPlugin = false
    var dependencies: [[String: String]] = []
    private var current: [String: String]?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        text = ""
        if path == ["project", "dependencies", "dependency"] {
            current = ["line": String(parser.lineNumber)]
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch path {
        case ["project", "artifactId"]:
            artifactId = value
        case ["project", "dependencies", "dependency"]:
            if let current { dependencies.append(current) }
            current = nil
        case ["project", "build", "plugins", "plugin", "artifactId"]:
            if value == "spring-boot-maven-plugin" { hasSpringBootPlugin = true }
        default:
            if path.count == 4, path.dropLast() == ["project", "dependencies", "dependency"],
               ["groupId", "artifactId", "version"].contains(name) {
                current?[name] = value
            }
        }
        path.removeLast()
        text = ""
    }
}
