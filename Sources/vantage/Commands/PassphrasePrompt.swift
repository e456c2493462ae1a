import Foundation
import VantageCore
import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// Where the master key's passphrase comes from: `VANTAGE_PASSPHRASE_FD` (a descriptor to read
/// one line from, e.g. `3< file`), else `VANTAGE_PASSPHRASE`, else a prompt on the controlling
/// terminal with echo off. Both variables are taken out of the environment as the process starts
/// (`takeAtStart`, `EnvironmentSecret`): no child inherits them and `/proc/<pid>/environ` no
/// longer shows the passphrase. Without any of them a sealed key cannot be opened and the caller
/// says so.
enum PassphrasePrompt {
    static let variable = "VANTAGE_PASSPHRASE"
    static let descriptorVariable = "VANTAGE_PASSPHRASE_FD"

    /// What the environment gave, taken once by `takeAtStart`.
    nonisolated(unsafe) private static var given: Result<String?, VantageError> = .success(nil)

    /// Called first thing in `main`, before any thread or child exists.
    static func takeAtStart() {
        let fromVariable = EnvironmentSecret.take(variable)
        guard let fdText = EnvironmentSecret.take(descriptorVariable) else {
            given = .success(fromVariable.flatMap { $0.isEmpty ? nil : $0 })
            return
        }
        guard let fd = Int32(fdText), fd >= 0 else {
            given = .failure(VantageError(.usage, "\(descriptorVariable)=\(TerminalText.escaped(fdText)) is not a file descriptor number"))
            return
        }
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while bytes.count < 4096, read(fd, &c, 1) == 1, c != 10 { bytes.append(c) }
        close(fd)
        if bytes.last == 13 { bytes.removeLast() }
        given = bytes.isEmpty
            ? .failure(VantageError(.usage, "no passphrase could be read from descriptor \(fd) (\(descriptorVariable))"))
            : .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The passphrase that opens the current key, or nil when the key is not sealed.
    static func current(_ paths: VantagePaths, interactive: Bool = true) throws(VantageError) -> String? {
        guard SecretVault.isPassphraseProtected(paths) else { return nil }
        if let value = try fromEnvironment() { return value }
        if interactive, let typed = ask("Passphrase for \(paths.keyFile): ") { return typed }
        throw VantageError(.usage, "the master key is protected by a passphrase and none was given",
                           at: SourceLocation(file: paths.keyFile),
                           hint: "set \(variable) or \(descriptorVariable), or run the command on a terminal to be asked for it")
    }

    /// Opens the vault, asking for the passphrase when the key is sealed.
    static func openVault(_ paths: VantagePaths, interactive: Bool = true) throws(VantageError) -> SecretVault {
        try SecretVault.open(paths, passphrase: current(paths, interactive: interactive))
    }

    /// The passphrase `VANTAGE_PASSPHRASE_FD` or `VANTAGE_PASSPHRASE` gave, if any.
    static func fromEnvironment() throws(VantageError) -> String? {
        try given.get()
    }

    /// A new passphrase: typed twice on the terminal, or one line from stdin when that is not one.
    static func new() throws(VantageError) -> String {
        if isatty(STDIN_FILENO) == 0 {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            var value = String(decoding: data, as: UTF8.self)
            if value.hasSuffix("\n") { value.removeLast() }
            guard !value.isEmpty else { throw VantageError(.usage, "no new passphrase on stdin", hint: "pipe it in, or run on a terminal to type it") }
            return value
        }
        guard let first = ask("New passphrase: "), !first.isEmpty else { throw VantageError(.usage, "the new passphrase is empty") }
        guard ask("Repeat it: ") == first else { throw VantageError(.usage, "the two passphrases differ; nothing was changed") }
        return first
    }

    /// Reads one line from /dev/tty with echo off; nil when there is no terminal.
    static func ask(_ prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        let haveTermios = tcgetattr(fd, &saved) == 0
        if haveTermios {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer { if haveTermios { tcsetattr(fd, TCSAFLUSH, &saved) } }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while read(fd, &c, 1) == 1, c != 10, c != 13 { bytes.append(c) }
        _ = write(fd, "\n", 1)
        return String(decoding: bytes, as: UTF8.self)
    }
}
