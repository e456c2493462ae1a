import Testing
@testable import VantageCore

@Suite struct TOMLParserTests {
    @Test func readsTablesArraysAndLines() throws {
        let text = """
        # a theme
        name = "dark"   # trailing comment
        depth = 256
        ratio = 0.5
        ok = true

        [colors]
        accent = "#5fafff"
        muted = 244
        graph = { project = "blue", "dependency" = 'yellow' }

        [[engines]]
        host = "unix:///a"
        [[engines]]
        host = "tcp://b:2375"
        list = [1, 2,
          3, # three
        ]
        """
        let t = try TOMLParser.parse(text, file: "t.toml")
        #expect(t["name"] == .string("dark"))
        #expect(t.line(of: "name") == 2)
        #expect(t["depth"] == .integer(256))
        #expect(t["ratio"] == .float(0.5))
        #expect(t["ok"] == .bool(true))
        let colors = try #require(t["colors"]?.tableValue)
        #expect(colors["accent"] == .string("#5fafff"))
        #expect(colors.line(of: "muted") == 9)
        #expect(t.value(at: ["colors", "graph", "dependency"]) == .string("yellow"))
        let engines = try #require(t["engines"]?.arrayValue)
        #expect(engines.count == 2)
        try #require(engines.count > 1)
        #expect(engines[1].tableValue?["list"] == .array([.integer(1), .integer(2), .integer(3)]))
    }

    @Test func stringsAndNumbers() throws {
        let text = #"""
        a = "tab\tquote\" \u00e9"
        b = 'C:\path'
        c = """
        one
        two \
           three"""
        d = '''
        raw \n'''
        e = 1_000
        f = 0xff
        g = -3.5e2
        h = 1979-05-27T07:32:00Z
        i.j.k = 1
        """#
        let t = try TOMLParser.parse(text, file: "s.toml")
        #expect(t["a"] == .string("tab\tquote\" é"))
        #expect(t["b"] == .string("C:\\path"))
        #expect(t["c"] == .string("one\ntwo three"))
        #expect(t["d"] == .string("raw \\n"))
        #expect(t["e"] == .integer(1000))
        #expect(t["f"] == .integer(255))
        #expect(t["g"] == .float(-350))
        #expect(t["h"] == .datetime("1979-05-27T07:32:00Z"))
        #expect(t.value(at: ["i", "j", "k"]) == .integer(1))
    }

    @Test(arguments: [
        ("a = 1\na = 2", 2, "a", "key 'a' is defined twice (first on line 1)"),
        ("[t]\nx = \"open", 2, "t.x", "unterminated string: expected '\"' before the end of the line"),
        ("x = blue", 1, "x", "'blue' is not a valid value (strings need quotes)"),
        ("[t]\n[t]", 2, "t", "table [t] is defined twice"),
        ("x = 1 2", 1, "x", "unexpected '2' after the value: expected the end of the line"),
        ("x = [1, 2", 1, "x", "unterminated array (opened on line 1): expected ',' or ']' in the array before the end of the file"),
    ] as [(String, Int, String?, String)])
    func reportsFileLineAndField(text: String, line: Int, field: String?, message: String) {
        #expect {
            _ = try TOMLParser.parse(text, file: "bad.toml")
        } throws: { error in
            guard let e = error as? VantageError else { return false }
            return e.location == SourceLocation(file: "bad.toml", line: line, field: field) && e.message == message
        }
    }
}
