import Testing
@testable import VantageFormats

@Suite struct ProgrammingLanguageTests {
    @Test func oneLanguagePerExtension() {
        let all = ProgrammingLanguage.allCases.flatMap(\.extensions)
        #expect(Set(all).count == all.count, "an extension listed under two languages")
    }

    @Test func aHeaderIsCPlusPlusDecidedOnce() {
        #expect(ProgrammingLanguage(path: "include/util.h") == .cpp)
        #expect(ProgrammingLanguage(path: "src/main.c") == .c)
    }

    @Test func theExtensionOfTheLastComponentOnly() {
        #expect(ProgrammingLanguage(path: "a/b.py") == .python)
        #expect(ProgrammingLanguage(path: "x.d.ts") == .typescript)
        #expect(ProgrammingLanguage(path: "My.App/README") == nil)
        #expect(ProgrammingLanguage(path: "Makefile") == nil)
        #expect(ProgrammingLanguage(path: "UPPER.PY") == .python)
        #expect(ProgrammingLanguage(path: "build.gradle.kts") == .kotlin)
    }
}
