import Testing
import VantageCore
@testable import VantageFormats

@Suite struct ProcfileTests {
    @Test func entriesTheMainOneAndThePortVariable() {
        let p = Procfile.parse("# processes\nworker: python worker.py\nweb: gunicorn app:app --bind 0.0.0.0:${PORT:-5000}\r\n\n", file: "/p/Procfile")
        #expect(p.problems.isEmpty)
        #expect(p.entries == [
            Procfile.Entry(name: "worker", command: "python worker.py", line: 2),
            Procfile.Entry(name: "web", command: "gunicorn app:app --bind 0.0.0.0:${PORT:-5000}", line: 3),
        ])
        #expect(p.main?.name == "web", "web wins over the first entry")
        #expect(p.entries.map(\.usesPort) == [false, true])
        #expect(Procfile.parse("a: run\nb: run\n", file: "P").main?.name == "a")
    }

    @Test func malformedLinesAreLocatedProblemsAndTheGoodOnesStay() {
        let p = Procfile.parse("web run\nbad name: x\nempty:\nok: ./start\n", file: "/p/Procfile")
        #expect(p.entries.map(\.name) == ["ok"])
        #expect(p.problems.map(\.description) == [
            "/p/Procfile:1: expected 'name: command' (for example web: python app.py)",
            "/p/Procfile:2: field 'bad name': a process name may hold only letters, digits, '_' and '-'",
            "/p/Procfile:3: field 'empty': process 'empty' has no command",
        ])
    }

    @Test func anEmptyProcfileSaysSo() {
        #expect(Procfile.parse("# nothing\n", file: "/p/Procfile").problems.map(\.message) == ["the Procfile lists no process"])
    }
}
