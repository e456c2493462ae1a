import Testing
@testable import VantageDependencies

@Suite("PEP 440 versions")
struct PEP440VersionTests {
    @Test func ordersTheSpecificationExample() {
        // The ordering example from PEP 440 ("Summary of permitted suffixes and relative ordering").
        let ordered = ["1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                       "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456",
                       "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34",
                       "1.0.post456", "1.0.15", "1.1.dev1"]
        let parsed = ordered.map { PEP440Version($0)! }
        for i in 1..<parsed.count {
            #expect(parsed[i - 1] < parsed[i], "\(ordered[i - 1]) < \(ordered[i])")
        }
        #expect(parsed.shuffled().sorted() == parsed)
    }

    @Test func epochsDominate() {
        #expect(PEP440Version("1!0.1")! > PEP440Version("2024.10")!)
        #expect(PEP440Version("1!1.0")!.epoch == 1)
    }

    @Test func normalisesAlternativeSpellings() {
        #expect(PEP440Version("1.0-alpha.1")!.description == "1.0a1")
        #expect(PEP440Version("1.0c3")!.description == "1.0rc3")
        #expect(PEP440Version("1.0-1")!.description == "1.0.post1")
        #expect(PEP440Version("v2.0.rev4")!.description == "2.0.post4")
        #expect(PEP440Version("1.0.DEV")!.description == "1.0.dev0")
        #expect(PEP440Version("1.0") == PEP440Version("1.0.0"))
        #expect(PEP440Version("1.0+Ubuntu-1")!.description == "1.0+ubuntu.1")
    }

    @Test func rejectsLegacyVersions() {
        #expect(PEP440Version("0.1-dev-r1234") == nil)
        #expect(PEP440Version("french toast") == nil)
        #expect(PEP440Version("1.0+") == nil)
        #expect(PEP440Version("") == nil)
    }
}

@Suite("PEP 440 specifiers")
struct PEP440SpecifierTests {
    func spec(_ s: String) throws -> PEP440SpecifierSet { try PEP440SpecifierSet(parsing: s) }

    @Test func compatibleRelease() throws {
        let s = try spec("~=2.2.1")
        #expect(s.contains("2.2.1")); #expect(s.contains("2.2.9")); #expect(!s.contains("2.3.0")); #expect(!s.contains("2.2.0"))
        let t = try spec("~=1.4")
        #expect(t.contains("1.9")); #expect(!t.contains("2.0")); #expect(!t.contains("1.3"))
    }

    @Test func wildcardsAndExclusion() throws {
        let s = try spec(">=1.0, !=1.5.*, <2")
        #expect(s.contains("1.4.9")); #expect(!s.contains("1.5.2")); #expect(s.contains("1.6")); #expect(!s.contains("2.0"))
        #expect(try spec("==1.1.*").contains("1.1.post1"))
        #expect(try spec("==1.1").contains("1.1.0+local.7"))
        #expect(!(try spec("==1.1+local.7")).contains("1.1"))
    }

    @Test func exclusiveComparisonsSkipPreAndPostOfTheBoundary() throws {
        #expect(!(try spec("<2.0")).contains("2.0rc1", includePrereleases: true))
        #expect((try spec("<2.0rc2")).contains("2.0rc1"))
        #expect(!(try spec(">1.7")).contains("1.7.post2"))
        #expect((try spec(">1.7.post2")).contains("1.7.post3"))
        #expect(!(try spec(">1.7")).contains("1.7+local"))
    }

    @Test func prereleasesOnlyWhenAsked() throws {
        #expect(!(try spec(">=1.0")).contains("2.0b1"))
        #expect((try spec(">=1.0")).contains("2.0b1", includePrereleases: true))
        #expect((try spec(">=2.0b1")).contains("2.0b2"))
    }

    @Test func arbitraryEquality() throws {
        #expect(try spec("===foobar").contains("foobar"))
        #expect(!(try spec("===1.0")).contains("1.0.0"))
    }

    @Test func malformedSpecifiersAreErrors() {
        #expect(throws: VantageVersionError.self) { try PEP440SpecifierSet(parsing: "~=1") }
        #expect(throws: VantageVersionError.self) { try PEP440SpecifierSet(parsing: ">=1.*") }
        #expect(throws: VantageVersionError.self) { try PEP440SpecifierSet(parsing: "=>1.0") }
    }
}

@Suite("SemVer and Go versions")
struct SemanticVersionTests {
    @Test func prereleasePrecedenceFromTheSpec() {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                       "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
        let parsed = ordered.map { SemanticVersion($0)! }
        for i in 1..<parsed.count { #expect(parsed[i - 1] < parsed[i], "\(ordered[i - 1]) < \(ordered[i])") }
    }

    @Test func buildMetadataIsIgnored() {
        #expect(SemanticVersion("1.0.0+20130313144700") == SemanticVersion("1.0.0+exp.sha.5114f85"))
        #expect(SemanticVersion("1.0.0")!.build.isEmpty)
    }

    @Test func strictnessRejectsLeadingZerosAndPartials() {
        #expect(SemanticVersion("01.0.0") == nil)
        #expect(SemanticVersion("1.2") == nil)
        #expect(SemanticVersion("1.2", lenient: true) == SemanticVersion(1, 2, 0))
        #expect(SemanticVersion("1.0.0-") == nil)
    }

    @Test func goPseudoVersionsAndIncompatible() {
        let pseudo = SemanticVersion("v0.0.0-20200101120000-abcdef123456")!
        #expect(pseudo.isGoPseudoVersion)
        #expect(pseudo < SemanticVersion("v0.0.1")!)
        // A pseudo-version based on v1.2.3 sorts after v1.2.3 and before v1.2.4.
        let based = SemanticVersion("v1.2.4-0.20200101120000-abcdef123456")!
        #expect(based.isGoPseudoVersion)
        #expect(SemanticVersion("v1.2.3")! < based && based < SemanticVersion("v1.2.4")!)
        let later = SemanticVersion("v1.2.4-0.20210101120000-abcdef123456")!
        #expect(based < later)
        let incompatible = SemanticVersion("v2.0.0+incompatible")!
        #expect(incompatible.isIncompatible)
        #expect(incompatible == SemanticVersion("v2.0.0")!)
        #expect(!SemanticVersion("v1.0.0-rc.1")!.isGoPseudoVersion)
    }
}

@Suite("npm, Cargo and SwiftPM ranges")
struct SemVerRangeTests {
    func npm(_ r: String, _ v: String) throws -> Bool { try NpmRange.parse(r).contains(SemanticVersion(v)!) }
    func cargo(_ r: String, _ v: String) throws -> Bool { try CargoRequirement.parse(r).contains(SemanticVersion(v)!) }

    @Test func npmCaretAndTilde() throws {
        #expect(try npm("^1.2.3", "1.9.9")); #expect(try !npm("^1.2.3", "2.0.0")); #expect(try !npm("^1.2.3", "1.2.2"))
        #expect(try npm("^0.2.3", "0.2.9")); #expect(try !npm("^0.2.3", "0.3.0"))
        #expect(try npm("^0.0.3", "0.0.3")); #expect(try !npm("^0.0.3", "0.0.4"))
        #expect(try npm("^0.0", "0.0.9")); #expect(try !npm("^0.0", "0.1.0"))
        #expect(try npm("~1.2.3", "1.2.9")); #expect(try !npm("~1.2.3", "1.3.0"))
        #expect(try npm("~1", "1.9.0")); #expect(try !npm("~1", "2.0.0"))
    }

    @Test func npmWildcardsHyphenAndUnions() throws {
        #expect(try npm("1.x", "1.4.0")); #expect(try !npm("1.x", "2.0.0"))
        #expect(try npm("*", "3.1.4")); #expect(try npm("", "0.0.1"))
        #expect(try npm("1.2.3 - 2.3", "2.3.9")); #expect(try !npm("1.2.3 - 2.3", "2.4.0")); #expect(try !npm("1.2.3 - 2.3", "1.2.2"))
        #expect(try npm("<1.0.0 || >=2.1", "0.5.0")); #expect(try npm("<1.0.0 || >=2.1", "2.1.0")); #expect(try !npm("<1.0.0 || >=2.1", "1.5.0"))
        #expect(try npm(">= 1.2.7 < 1.3.0", "1.2.8")); #expect(try !npm(">=1.2.7 <1.3.0", "1.3.0"))
        #expect(try npm(">1.2", "1.3.0")); #expect(try !npm(">1.2", "1.2.9")); #expect(try npm("<=1.2", "1.2.9"))
    }

    @Test func npmPrereleasesOnlyOnTheSameTuple() throws {
        #expect(try npm(">1.2.3-alpha.3", "1.2.3-alpha.7"))
        #expect(try !npm(">1.2.3-alpha.3", "3.4.5-alpha.9"))
        #expect(try !npm("^1.2.3", "1.5.0-beta.1"))
    }

    @Test func cargoRequirements() throws {
        #expect(try cargo("1.2.3", "1.9.0")); #expect(try !cargo("1.2.3", "2.0.0"))
        #expect(try cargo("0.3", "0.3.7")); #expect(try !cargo("0.3", "0.4.0"))
        #expect(try cargo("~1.2", "1.2.5")); #expect(try !cargo("~1.2", "1.3.0"))
        #expect(try cargo("1.*", "1.99.0")); #expect(try !cargo("1.*", "2.0.0"))
        #expect(try cargo(">=1.2, <1.5", "1.4.0")); #expect(try !cargo(">=1.2, <1.5", "1.5.0"))
        #expect(try cargo("=1.2.3", "1.2.3")); #expect(try !cargo("=1.2.3", "1.2.4"))
        #expect(throws: VantageVersionError.self) { try CargoRequirement.parse("1.2,,") }
    }

    @Test func rubyAndComposerPessimisticRequirements() throws {
        func ok(_ c: String, _ v: String, _ e: Ecosystem) throws -> Bool? { try VersionConstraint.parse(c, ecosystem: e).isSatisfied(by: v) }
        #expect(try ok("~> 1.2", "1.9.0", .rubygems) == true)
        #expect(try ok("~> 1.2", "2.0.0", .rubygems) == false)
        #expect(try ok("~> 1.2.3", "1.2.9", .rubygems) == true)
        #expect(try ok("~> 1.2.3", "1.3.0", .rubygems) == false)
        #expect(try ok("~> 2.0, >= 2.2.4", "2.2.3", .rubygems) == false)
        #expect(try ok("~> 2.0, >= 2.2.4", "2.2.8", .rubygems) == true)
        #expect(try ok("~1.2", "1.5.0", .packagist) == true)
        #expect(try ok("^2.0 || ^3.0", "3.0.0", .packagist) == true)
        #expect(try ok("^2.0 | ^3.0", "4.0.0", .packagist) == false)
    }

    @Test func swiftPMRequirements() throws {
        let from = try SwiftPMRequirement.parse(#"from: "1.2.0""#)!
        #expect(from.contains(SemanticVersion(1, 9, 0))); #expect(!from.contains(SemanticVersion(2, 0, 0)))
        let minor = try SwiftPMRequirement.parse(#".upToNextMinor(from: "1.2.0")"#)!
        #expect(minor.contains(SemanticVersion(1, 2, 7))); #expect(!minor.contains(SemanticVersion(1, 3, 0)))
        let exact = try SwiftPMRequirement.parse(#"exact: "1.2.0""#)!
        #expect(exact.contains(SemanticVersion(1, 2, 0))); #expect(!exact.contains(SemanticVersion(1, 2, 1)))
        let range = try SwiftPMRequirement.parse(#""1.0.0"..<"2.0.0""#)!
        #expect(range.contains(SemanticVersion(1, 5, 0))); #expect(!range.contains(SemanticVersion(2, 0, 0)))
        #expect(try SwiftPMRequirement.parse(#"branch: "main""#) == nil)
    }
}
