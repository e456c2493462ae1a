import VantageCore
import VantageFormats

/// Java: `pom.xml` (name = `artifactId`; `mvn spring-boot:run` with the Spring Boot plugin, else
/// `mvn -q compile exec:java`, since exec:java alone would run stale or missing classes) or, without
/// one, `build.gradle(.kts)` (`./gradlew run` with a wrapper, else `gradle run`).
enum JavaEvidence {
    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        if files.contains(MavenPom.fileName) { return maven(folder: folder, warnings: &warnings) }
        guard let file = GradleBuild.fileNames.first(where: files.contains) else { return nil }
        var evidence = KindEvidence(kind: .java, command: files.contains(GradleBuild.wrapper) ? "./gradlew run" : "gradle run")
        guard let gradle = warnings.reading({ () throws(VantageError) in try GradleBuild.read(folder + "/" + file) }) else { return evidence }
        evidence.dependencies = gradle.dependencies.filter { !$0.isDev }
            .map { Dependency(ecosystem: "maven", name: "\($0.group):\($0.name)", version: $0.version) }
        return evidence
    }

    static func maven(folder: String, warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .java, command: "mvn -q compile exec:java")
        guard let pom = warnings.reading({ () throws(VantageError) in try MavenPom.read(folder + "/" + MavenPom.fileName) }) else { return evidence }
        warnings.add(contentsOf: pom.problems)
        evidence.name = pom.artifactId
        if pom.hasSpringBootPlugin { evidence.command = "mvn spring-boot:run" }
        evidence.dependencies = pom.dependencies.map { Dependency(ecosystem: "maven", name: $0.name, version: $0.version) }
        return evidence
    }
}
