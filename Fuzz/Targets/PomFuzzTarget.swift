import VantageDependencies
import VantageFormats

/// Maven's pom.xml: the XML reader and the dependency list built from it.
let pomFuzzTarget = FuzzTarget(name: "pom", seeds: ["Tests/VantageDependenciesTests/Fixtures/deps:pom.xml", "examples:pom.xml"]) { input in
    _ = try? MavenPom.parse(input.data, file: "pom.xml")
    _ = try? ManifestScanner.parse(writeScratchFile("pom.xml", input), format: .pomXML)
}
