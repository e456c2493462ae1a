import Foundation
import VantageCore
#if canImport(Glibc)
import Glibc
#endif

/// What the command line prints may come from a file, a process or the network (log lines, OSV
/// summaries, package and container names, values echoed in errors). On a terminal it goes through
/// `TerminalText.escaped`, so a control sequence in it is shown, never obeyed; into a pipe or a
/// file it is written as it is. Error and warning lines on standard error are always escaped.
///
/// In this module `print` is this one (it shadows the standard library's), so every `print` of a
/// command is covered; `writeStandardOutput` and `writeStandardError` replace
/// `FileHandle.standard…write`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    writeStandardOutput(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

func writeStandardOutput(_ text: String) {
    let safe = TerminalSafeOutput.standardOutputIsTerminal ? TerminalText.escaped(text) : text
    Swift.print(safe, terminator: "")
}

/// Data from an encoder (JSON, SARIF, CSV), escaped like text when standard output is a terminal.
func writeStandardOutput(_ data: Data) {
    if TerminalSafeOutput.standardOutputIsTerminal {
        writeStandardOutput(String(decoding: data, as: UTF8.self))
    } else {
        fflush(nil)
        FileHandle.standardOutput.write(data)
    }
}

func writeStandardError(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data(TerminalText.escaped(text).utf8))
}

enum TerminalSafeOutput {
    static let standardOutputIsTerminal = isatty(STDOUT_FILENO) == 1
}
