import Foundation
import Testing
@testable import VantageTUI

/// The terminal's background: OSC 11 asked over a real pseudo-terminal, `COLORFGBG` as the fallback.
@Suite("Terminal background")
struct TerminalBackgroundTests {
    @Test func repliesAreReadWithAnyChannelWidthAndEitherEnding() {
        #expect(TerminalBackground.parseReply("\u{1b}]11;rgb:fdfd/f6f6/e3e3\u{1b}\\") ?? (0, 0, 0) == (253, 246, 227))
        #expect(TerminalBackground.parseReply("\u{1b}]11;rgb:00/2b/36\u{07}") ?? (1, 1, 1) == (0, 43, 54))
        #expect(TerminalBackground.parseReply("\u{1b}]11;rgb:f/f/f\u{07}") ?? (0, 0, 0) == (255, 255, 255))
        #expect(TerminalBackground.parseReply("\u{1b}[?62;c") == nil)
        #expect(TerminalBackground.parseReply("\u{1b}]11;rgb:zz/00/00\u{07}") == nil)
    }

    @Test func colorFGBGNamesTheBackgroundLast() {
        #expect(TerminalBackground.fromColorFGBG("15;0") == .dark)
        #expect(TerminalBackground.fromColorFGBG("0;15") == .light)
        #expect(TerminalBackground.fromColorFGBG("12;default;8") == .dark)
        #expect(TerminalBackground.fromColorFGBG("0;7") == .light)
        #expect(TerminalBackground.fromColorFGBG(nil) == nil && TerminalBackground.fromColorFGBG("x") == nil)
    }

    /// A pseudo-terminal whose other end answers like a terminal: `answer` to the OSC 11 question
    /// (nil: ignores it), then the device attributes.
    static func ask(answer: String?) throws -> (UInt8, UInt8, UInt8)? {
        // Linux's pseudo-terminal multiplexer: unlock the pair (TIOCSPTLCK) and read its number (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave); close(master) }
        let terminal = Thread {
            var seen = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 64)
            while !String(decoding: seen, as: UTF8.self).contains("\u{1b}[c") {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return }
                seen += buffer[0..<n]
            }
            let reply = (answer ?? "") + "\u{1b}[?62;22c"
            _ = reply.withCString { write(master, $0, strlen($0)) }
        }
        terminal.start()
        return TerminalBackground.query(fd: slave, timeout: .seconds(2))
    }

    @Test func aTerminalThatAnswersGivesItsBackground() throws {
        let light = try Self.ask(answer: "\u{1b}]11;rgb:fdfd/f6f6/e3e3\u{1b}\\")
        #expect(light.map { Contrast.isDark($0) } == false)
        #expect(light ?? (0, 0, 0) == (253, 246, 227))
        let dark = try Self.ask(answer: "\u{1b}]11;rgb:1e1e/1e1e/1e1e\u{07}")
        #expect(dark.map { Contrast.isDark($0) } == true)
    }

    @Test func aTerminalThatIgnoresTheQuestionIsNotWaitedFor() throws {
        let started = ContinuousClock.now
        #expect(try Self.ask(answer: nil) == nil)
        #expect(ContinuousClock.now - started < .seconds(2), "the device attributes ended the wait")
    }
}
