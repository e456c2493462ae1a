import Foundation
import VantageCore
import VantageOrchestrator
#if canImport(Glibc)
import Glibc
#endif

/// Where the master key's passphrase comes from: `VANTAGE_PASSPHRASE` (removed from this process's
/// environment once read, so no child inherits it), else a prompt on the controlling terminal with
/// echo off. Without either, a sealed key cannot be opened and the caller says so.
enum PassphrasePrompt {
    static let variable = "VANTAGE_PASSPHRASE"

    /// The passphrase that opens the current key, or nil when the key is not sealed.
    static func current(_ paths: VantagePaths, interactive: Bool = true) throws(VantageError) -> String? {
        guard SecretVault.isPassphraseProtected(paths) else { return nil }
        if let value = fromEnvironment() { return value }
        if interactive, let typed = ask("Passphrase for \(paths.keyFile): ") { return typed }
        throw VantageError(.usage, "the master key is protected by a passphrase and none was given",
                           at: SourceLocation(file: paths.keyFile),
                           hint: "set \(variable), or run the command on a terminal to be asked for it")
    }

    /// Opens the vault, asking for the passphrase when the key is sealed.
    static func openVault(_ paths: VantagePaths, interactive: Bool = true) throws(VantageError) -> SecretVault {
        try SecretVault.open(paths, passphrase: current(paths, interactive: interactive))
    }

    /// `VANTAGE_PASSPHRASE`, read once and then removed from the environment.
    static func fromEnvironment() -> String? {
        guard let raw = getenv(variable) else { return nil }
        let value = String(cString: raw)
        unsetenv(variable)
        return value.isEmpty ? nil : value
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
