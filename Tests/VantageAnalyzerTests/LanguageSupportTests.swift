import Testing
@testable import VantageAnalyzer
import VantageFormats

@Suite("Languages: one LanguageSupport per language")
struct LanguageSupportTests {
    @Test("every measured language has exactly one entry in the table", arguments: SourceLanguage.allCases)
    func exactlyOneSupport(language: SourceLanguage) {
        #expect(LanguageSupports.all.filter { $0.language == language }.count == 1)
        #expect(LanguageSupports.of(language).language == language)
    }

    @Test("the table holds nothing but the measured languages")
    func noExtraEntries() {
        #expect(LanguageSupports.all.count == SourceLanguage.allCases.count)
    }

    @Test("every language the extension table knows has practice rules, from exactly one place")
    func practiceRulesFromOnePlace() {
        for language in ProgrammingLanguage.allCases {
            let measured = SourceLanguage(rawValue: language.rawValue) != nil
            let scannedOnly = PracticeRules.scannedOnly[language] != nil
            #expect(measured != scannedOnly, "\(language): measured \(measured), scanned only \(scannedOnly)")
            #expect(LanguageSupports.practices(for: language) != nil, "\(language) has no practice rules")
        }
    }

    @Test("the support's block syntax decides how documentation is read: a Python docstring, a Swift ///")
    func blockSyntaxDecidesDocumentation() {
        let python = QualityAnalyzer.analyze(source: "def f():\n    \"\"\"Doc.\"\"\"\n    return 1\n\ndef g():\n    return 2\n", language: .python)
        #expect(python.documentation.publicSymbols == 2)
        #expect(python.documentation.documented == 1)
        #expect(python.documentation.undocumented.map(\.name) == ["g"])
        let swift = QualityAnalyzer.analyze(source: "/// Doc.\npublic func f() {}\npublic func g() {}\nfunc h() {}\n", language: .swift)
        #expect(swift.documentation.publicSymbols == 2)
        #expect(swift.documentation.undocumented.map(\.name) == ["g"])
        let go = QualityAnalyzer.analyze(source: "// F does it.\nfunc F() {}\nfunc G() {}\nfunc h() {}\n", language: .go)
        #expect(go.documentation.publicSymbols == 2)
        #expect(go.documentation.undocumented.map(\.name) == ["G"])
    }
}
