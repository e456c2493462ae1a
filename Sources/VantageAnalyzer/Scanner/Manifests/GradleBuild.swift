import Foundation
import VantageCore

/// `build.gradle` / `build.gradle.kts`: Java with the command `./gradlew run` (or `gradle run`
/// without a wrapper). Dependencies are read from `implementation`/`api`/`compileOnly`/`runtimeOnly`
/// lines written as "group:name:version".
enum GradleBuild {
    static let fileNames = ["build.gradle", "build.gradle.kts"]

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        guard let file = fileNames.first(where: files.contains) else { return nil }
        let path = folder + "/" + file
        var evidence = KindEvidence(kind: .java, command: files.contains("gradlew") ? "./gradlew run" : "gradle run")
        guard let text = ScanManifestText.read(path, warnings: &warnings) else { return evidence }
        let pattern = #"^\s*(?:implementation|api|compileOnly|runtimeOnly)\s*\(?\s*["']([^:"']+):([^:"']+)(?::([^"']+))?["']"#
        for groups in SwiftPackageManifest.allMatches(pattern, in: text) {
            evidence.dependencies.append(Dependency(ecosystem: "maven", name: "\(groups[0]):\(groups[1])",
                                                    version: groups[2].isEmpty ? nil : groups[2]))
        }
        return evidence
    }
}
