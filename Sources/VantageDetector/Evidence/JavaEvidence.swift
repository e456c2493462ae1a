import Foundation
import VantageCore
import VantageFormats

/// Java built with Maven, `pom.xml`: name = `artifactId`; `mvn spring-boot:run` with the Spring
/// Boot plugin, else `mvn -q compile exec:java`, since exec:java alone would run stale or missing
/// classes. (A Gradle build is its own kind, `GradleEvidence`.)
enum JavaEvidence {
    static let entry = ProjectKindEntry(.java, isPresent: { $0.contains(MavenPom.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("mvn", install: "install Maven (https://maven.apache.org/install.html) and a JDK")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .java, command: "mvn -q compile exec:java", languages: jvmLanguages(folder))
        guard let pom = warnings.reading({ () throws(VantageError) in try MavenPom.read(folder.path(MavenPom.fileName)) }) else { return evidence }
        warnings.add(contentsOf: pom.problems)
        evidence.name = pom.artifactId
        if pom.hasSpringBootPlugin { evidence.command = "mvn spring-boot:run" }
        evidence.dependencies = pom.dependencies.map { Dependency(ecosystem: "maven", name: $0.name, version: $0.version) }
        return evidence
    }

    /// Kotlin when the sources are under `src/main/kotlin`, else Java (Maven and Gradle alike).
    static func jvmLanguages(_ folder: FolderContents) -> [ProgrammingLanguage] {
        var isDirectory: ObjCBool = false
        let kotlin = FileManager.default.fileExists(atPath: folder.path("src/main/kotlin"), isDirectory: &isDirectory) && isDirectory.boolValue
        return kotlin ? [.kotlin] : [.java]
    }
}
