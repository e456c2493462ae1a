import VantageCore
import VantageFormats

/// A Gradle build, `build.gradle` or `build.gradle.kts` (Java or Kotlin): `./gradlew run` with
/// the wrapper, else `gradle run`; the dependencies its configurations declare, test ones left out.
enum GradleEvidence {
    static let entry = ProjectKindEntry(.gradle, isPresent: { files in GradleBuild.fileNames.contains(where: files.contains) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("gradle", install: "install Gradle (https://gradle.org/install/) or commit the wrapper (`gradle wrapper`) and a JDK")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .gradle, command: folder.has(GradleBuild.wrapper) ? "./gradlew run" : "gradle run",
                                    languages: JavaEvidence.jvmLanguages(folder))
        guard let file = GradleBuild.fileNames.first(where: folder.has),
              let gradle = warnings.reading({ () throws(VantageError) in try GradleBuild.read(folder.path(file)) }) else { return evidence }
        evidence.dependencies = gradle.dependencies.filter { !$0.isDev }
            .map { Dependency(ecosystem: "maven", name: "\($0.group):\($0.name)", version: $0.version) }
        return evidence
    }
}
