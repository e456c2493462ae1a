import Foundation
import Testing
import VantageCore
@testable import VantageFormats

@Suite struct CargoManifestTests {
    @Test func everyDependencyTableWithRenamesAndNotes() throws {
        let toml = try TOMLParser.parse("""
            [package]
            name = "crabby"
            [dependencies]
            serde = "1.0"
            tokio = { version = "1", features = ["full"] }
            local = { path = "../local" }
            fork = { git = "https://example.com/fork", package = "real-fork" }
            bad = 3
            [dev-dependencies]
            insta = "1"
            [target.'cfg(unix)'.dependencies]
            nix = "0.27"
            [workspace.dependencies]
            anyhow = { workspace = true }
            """, file: "/c/Cargo.toml")
        let m = CargoManifest.parse(toml, file: "/c/Cargo.toml")
        #expect(m.packageName == "crabby")
        // Each kind of table with its target forms, then the workspace's.
        #expect(m.dependencies.map(\.name) == ["serde", "tokio", "local", "real-fork", "nix", "insta", "anyhow"])
        #expect(m.dependencies.map(\.requirement) == ["1.0", "1", nil, nil, "0.27", "1", nil])
        #expect(m.dependencies.map(\.note) == [nil, nil, "local path", "git dependency", nil, nil, "inherited from the workspace"])
        #expect(m.dependencies.map(\.isDev) == [false, false, false, false, false, true, false])
        try #require(m.dependencies.count > 4)
        #expect(m.dependencies[4].section == "target.cfg(unix).dependencies")
        #expect(m.problems.map(\.location) == [SourceLocation(file: "/c/Cargo.toml", line: 8, field: "dependencies.bad")])
    }

    @Test func aNameThatIsNotAStringIsLocated() throws {
        let m = CargoManifest.parse(try TOMLParser.parse("[package]\nname = 5\n", file: "C"), file: "C")
        #expect(m.packageName == nil)
        #expect(m.problems.map(\.location) == [SourceLocation(file: "C", line: 2, field: "package.name")])
    }
}

@Suite struct MavenPomTests {
    static let pom = """
        <?xml version="1.0"?>
        <project>
          <groupId>com.acme</groupId>
          <artifactId>orders</artifactId>
          <version>1.4.0</version>
          <properties><jackson.version>2.17.0</jackson.version></properties>
          <dependencyManagement><dependencies><dependency>
            <groupId>managed</groupId><artifactId>not-direct</artifactId><version>1</version>
          </dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-web</artifactId>
            </dependency>
            <dependency>
              <groupId>com.fasterxml.jackson.core</groupId>
              <artifactId>jackson-databind</artifactId>
              <version>${jackson.version}</version>
            </dependency>
            <dependency>
              <groupId>junit</groupId><artifactId>junit</artifactId><version>${missing}</version><scope>test</scope>
            </dependency>
            <dependency><artifactId>no-group</artifactId></dependency>
          </dependencies>
          <build><plugins><plugin>
            <groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId>
          </plugin></plugins></build>
        </project>
        """

    @Test func directDependenciesPropertiesAndThePlugin() throws {
        let pom = try MavenPom.parse(Data(Self.pom.utf8), file: "/j/pom.xml")
        #expect(pom.artifactId == "orders")
        #expect(pom.groupId == "com.acme")
        #expect(pom.hasSpringBootPlugin)
        #expect(pom.dependencies.map(\.name) == ["org.springframework.boot:spring-boot-starter-web", "com.fasterxml.jackson.core:jackson-databind", "junit:junit"])
        #expect(pom.dependencies.map(\.line) == [11, 15, 20])
        try #require(pom.dependencies.count > 1)
        #expect(pom.dependencies[1].version == "${jackson.version}")
        #expect(pom.resolved(pom.dependencies[1].version!) == "2.17.0")
        #expect(pom.resolved("${project.version}") == "1.4.0")
        #expect(pom.resolved("${missing}") == nil)
        try #require(pom.dependencies.count > 2)
        #expect(pom.dependencies[2].scope == "test")
        #expect(pom.problems.map(\.location) == [SourceLocation(file: "/j/pom.xml", line: 23, field: "project.dependencies.dependency")])
    }

    @Test func malformedXMLAndOtherRootsAreLocatedErrors() {
        #expect { try MavenPom.parse(Data("<project>\n<dependencies>\n</project>\n".utf8), file: "p.xml") } throws: { e in
            let v = e as? VantageError
            return v?.location?.line == 3 && v?.message.hasPrefix("the file is not well-formed XML") == true
        }
        #expect { try MavenPom.parse(Data("<settings/>".utf8), file: "p.xml") } throws: { ($0 as? VantageError)?.location?.field == "project" }
    }

    /// Issue 20: 20,000 unclosed `<dependency>` took 44 s in the regex reader. The streaming
    /// parser stops at libxml2's depth limit with a located error.
    @Test func twentyThousandUnclosedDependenciesAreALocatedError() {
        let text = "<project>\n<dependencies>\n" + String(repeating: "<dependency>\n", count: 20_000)
        #expect { try MavenPom.parse(Data(text.utf8), file: "p.xml") } throws: { e in
            guard let v = e as? VantageError, let line = v.location?.line else { return false }
            return line > 2 && line < 20_003 && v.message.hasPrefix("the file is not well-formed XML")
        }
    }
}

@Suite struct PackageJSONTests {
    @Test func fieldsSectionsAndLines() throws {
        let m = try PackageJSON.parse("""
            {
              "name": "storefront",
              "version": "1.2.0",
              "main": "lib/index.js",
              "license": "MIT",
              "scripts": { "start": "node ." , "bad": 3 },
              "dependencies": {
                "left-pad": "1.3.0",
                "express": "^4.19.2"
              },
              "devDependencies": {
                "jest": "^29.7.0"
              },
              "peerDependencies": { "react": 18 }
            }
            """, file: "/n/package.json")
        #expect(m.name == "storefront")
        #expect(m.version == "1.2.0")
        #expect(m.main == "lib/index.js")
        #expect(m.licenses == ["MIT"])
        #expect(m.hasStartScript)
        #expect(m.dependencies.map(\.name) == ["express", "left-pad", "jest"])
        #expect(m.dependencies.map(\.line) == [9, 8, 12])
        #expect(m.dependencies.map(\.isDev) == [false, false, true])
        #expect(Set(m.problems.map { $0.location?.field ?? "" }) == ["scripts.bad", "peerDependencies.react"])
    }

    @Test func invalidJSONNamesItsLine() {
        #expect { try PackageJSON.parse("{\n  \"name\": \"x\",\n  oops\n}\n", file: "p.json") } throws: { e in
            let v = e as? VantageError
            return v?.location?.line == 3 && v?.message.hasPrefix("the file is not valid JSON") == true
        }
        #expect { try PackageJSON.parse("[1]", file: "p.json") } throws: { ($0 as? VantageError)?.message == "the top level must be a JSON object" }
    }

    /// Issue 20: JSON lock files are depth-limited before Foundation parses them.
    @Test func nestingBeyondTheLimitIsALocatedError() {
        let deep = "{\"a\":\n" + String(repeating: "[", count: 9_000) + String(repeating: "]", count: 9_000) + "}"
        #expect { try JSONDocument.parse(deep, file: "lock.json") } throws: { e in
            let v = e as? VantageError
            return v?.location == SourceLocation(file: "lock.json", line: 2) && v?.message == "JSON nested more than 256 levels deep"
        }
        let brackets = "{\"s\": \"[[[[[[[[[[\\\"[[[[\"}"
        #expect(JSONDocument.lineBeyondDepth(Data(brackets.utf8), limit: 2) == nil, "brackets inside strings do not count")
    }
}

@Suite struct GoModTests {
    @Test func moduleRequiresAndReplaces() throws {
        let mod = GoMod.parse("""
            module github.com/acme/inventory

            go 1.22

            require (
            \tgithub.com/google/uuid v1.6.0
            \tgithub.com/gorilla/mux v1.8.1
            \tgolang.org/x/sys v0.15.0 // indirect
            )
            require example.com/single v0.1.0
            replace example.com/single => ../single
            replace github.com/gorilla/mux v1.8.1 => github.com/fork/mux v1.8.2
            """, file: "/g/go.mod")
        #expect(mod.problems.isEmpty)
        #expect(mod.module == "github.com/acme/inventory")
        #expect(mod.shortName == "inventory")
        #expect(mod.requires.map(\.module) == ["github.com/google/uuid", "github.com/gorilla/mux", "golang.org/x/sys", "example.com/single"])
        #expect(mod.requires.map(\.indirect) == [false, false, true, false])
        #expect(mod.requires.map(\.line) == [6, 7, 8, 10])
        try #require(mod.requires.count > 3)
        #expect(mod.replacement(for: mod.requires[3])?.isLocal == true)
        #expect(mod.replacement(for: mod.requires[1])?.new == "github.com/fork/mux")
        #expect(mod.replacement(for: mod.requires[0]) == nil)
    }

    @Test func problemsAreLocated() {
        let mod = GoMod.parse("module\nrequire onlyname\nrequire (\n", file: "g")
        #expect(mod.problems.map(\.description) == [
            "g:1: field 'module': 'module' needs a module path",
            "g:2: field 'require': a requirement needs a module path and a version",
            "g:3: field 'require': a 'require (' block is never closed",
        ])
    }
}

@Suite struct SwiftPackageManifestTests {
    @Test func nameAndPackagesWithoutComments() throws {
        let m = SwiftPackageManifest.parse("""
            // swift-tools-version:5.9
            import PackageDescription
            let package = Package(
                name: "Toolbox",
                dependencies: [
                    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0"),
                    // .package(url: "https://github.com/commented/out", from: "9.9.9"),
                    /* .package(url: "https://github.com/block/comment", exact: "1.0.0"), */
                    .package(
                        url: "https://github.com/groue/GRDB.swift.git",
                        exact: "7.10.0"
                    ),
                    .package(url: "https://github.com/x/range", "1.0.0"..<"2.0.0"),
                    .package(path: "../Local"),
                    .package(id: "registry.pkg", from: "1.0.0"),
                ]
            )
            """, file: "/s/Package.swift")
        #expect(m.problems.isEmpty, "\(m.problems)")
        #expect(m.name == "Toolbox")
        #expect(m.dependencies.map(\.shortName) == ["swift-argument-parser", "GRDB.swift", "range", nil])
        #expect(m.dependencies.map(\.firstQuoted) == ["1.3.0", "7.10.0", "1.0.0", nil])
        #expect(m.dependencies.map(\.line) == [6, 9, 13, 14])
        try #require(m.dependencies.count > 1)
        #expect(m.dependencies[1].requirement == "exact: \"7.10.0\"")
        try #require(m.dependencies.count > 3)
        #expect(m.dependencies[3].path == "../Local")
    }

    @Test func anUnclosedPackageCallIsLocated() {
        let m = SwiftPackageManifest.parse("let package = Package(name: \"x\",\n dependencies: [\n .package(url: \"u\", from: \"1\"\n", file: "P")
        #expect(m.problems.map(\.location) == [SourceLocation(file: "P", line: 3, field: ".package")])
    }
}

@Suite struct GradleAndComposerTests {
    @Test func gradleDependencyLines() {
        let g = GradleBuild.parse("""
            plugins {
                id 'application'
            }
            dependencies {
                implementation 'com.google.guava:guava:33.0.0-jre'
                api("org.slf4j:slf4j-api:2.0.9")
                testImplementation "junit:junit:4.13.2"
                // implementation 'commented:out:1'
                runtimeOnly 'no.version:here'
            }
            """, file: "build.gradle")
        #expect(g.appliesApplicationPlugin)
        #expect(g.dependencies.map { "\($0.group):\($0.name)" } == ["com.google.guava:guava", "org.slf4j:slf4j-api", "junit:junit", "no.version:here"])
        #expect(g.dependencies.map(\.version) == ["33.0.0-jre", "2.0.9", "4.13.2", nil])
        #expect(g.dependencies.map(\.isDev) == [false, false, true, false])
        #expect(g.dependencies.map(\.line) == [5, 6, 7, 9])
    }

    @Test func composerRequirementsScriptsAndProblems() throws {
        let c = try ComposerJSON.parse("""
            {
              "name": "acme/shop",
              "scripts": { "start": "php -S 0.0.0.0:8000 -t public", "test": ["phpunit", "phpstan"] },
              "require": {
                "php": ">=8.1",
                "ext-json": "*",
                "monolog/monolog": "^3.5"
              },
              "require-dev": {
                "phpunit/phpunit": "^10.5",
                "bad/entry": 7
              }
            }
            """, file: "/php/composer.json")
        #expect(c.name == "acme/shop")
        #expect(c.scripts["start"] == "php -S 0.0.0.0:8000 -t public")
        #expect(c.scripts["test"] == "phpunit && phpstan")
        #expect(c.requirements.map(\.name) == ["monolog/monolog", "phpunit/phpunit"])
        #expect(c.requirements.map(\.isDev) == [false, true])
        #expect(c.requirements.map(\.line) == [7, 10])
        #expect(c.problems.map(\.location) == [SourceLocation(file: "/php/composer.json", line: 11, field: "require-dev.bad/entry")])
    }
}
