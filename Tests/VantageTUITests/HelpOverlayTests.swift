import Foundation
import Testing
import VantageCore
@testable import VantageTUI

/// Help (issue 12 §5): columns side by side when the screen is wide, every overlay's keys, and
/// `G`/`End` that reach its end.
@Suite("Help overlay")
struct HelpOverlayTests {
    static func screen(_ s: AppState, _ size: Size) -> [String] {
        AppView(state: s, glyphs: .ascii, timeZone: .utc).render(size: size).lines
    }

    static func helpOpen(_ size: Size) -> AppState {
        var s = AppState(now: Date(timeIntervalSince1970: 0))
        s.screenSize = size
        _ = Update.apply(.action(.help), to: &s)
        return s
    }

    /// The columns (0-based) where `heading` starts a column's row: after the border or a gap,
    /// followed by blanks.
    static func columns(of heading: String, in lines: [String]) -> [Int] {
        lines.flatMap { line -> [Int] in
            let chars = Array(line), h = Array(heading)
            guard chars.count > h.count + 2 else { return [] }
            return (2..<(chars.count - h.count - 1)).filter { x in
                Array(chars[x..<(x + h.count)]) == h && (chars[x - 1] == " " && (chars[x - 2] == " " || chars[x - 2] == "|"))
                    && chars[x + h.count] == " " && chars[x + h.count + 1] == " "
            }
        }
    }

    @Test func wideScreensShowColumnsAndEveryOverlaysKeys() throws {
        for (width, height, count) in [(120, 40, 2), (200, 60, 3), (80, 30, 1)] {
            #expect(HelpOverlay.columnCount(width: width) == count, "\(width) columns")
        }
        let size = Size(width: 200, height: 60)
        let lines = Self.screen(Self.helpOpen(size), size)
        let text = lines.joined(separator: "\n")
        // Three columns of headings, and all of help on one screen: no scroll arrow.
        let headings = Keymap.defaults.helpSections().map(\.heading)
        let starts = Set(headings.flatMap { Self.columns(of: $0, in: lines) })
        #expect(starts.count == 3, "headings start at \(starts.sorted()):\n\(text)")
        for heading in headings { #expect(text.contains(heading), "\(heading) is on the screen:\n\(text)") }
        #expect(!lines.dropFirst().contains { $0.contains("v|") || $0.hasSuffix("v |") }, "no scroll arrow:\n\(text)")
        // The overlays' own keys: log search and filter, council accept/reject, dependencies refresh.
        for summary in ["search the output", "show only the lines containing a text", "accept the selected proposal",
                        "reject the selected proposal", "ask the ecosystem's tools what is outdated"] {
            #expect(text.contains(summary), "\(summary):\n\(text)")
        }
        #expect(lines.contains { $0.contains("  &  ") && $0.contains("show only the lines") })
    }

    @Test func twoColumnsAt120KeepSectionsWhole() throws {
        let size = Size(width: 120, height: 40)
        let lines = Self.screen(Self.helpOpen(size), size)
        let everywhere = try #require(Self.columns(of: "Everywhere", in: lines).first)
        #expect(everywhere < 5)
        // A second column starts right of the middle.
        let right = Keymap.defaults.helpSections().map(\.heading).flatMap { Self.columns(of: $0, in: lines) }.filter { $0 > 55 }
        #expect(!right.isEmpty, "\(lines.joined(separator: "\n"))")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 120 })
    }

    @Test func endAndHomeReachBothEndsAndSayWhenThereIsNoFurther() throws {
        let size = Size(width: 80, height: 30)
        var s = Self.helpOpen(size)
        let top = Self.screen(s, size)
        _ = Update.apply(.action(.bottom), to: &s)
        let end = Self.screen(s, size)
        #expect(end != top)
        // The end of help (the prompts' Backspace) is on the last row inside the box.
        #expect(end[size.height - 3].contains("Backspace"), "\(end.joined(separator: "\n"))")
        _ = Update.apply(.action(.bottom), to: &s)
        #expect(s.notice?.text == "bottom: already at the end of help")
        // One line up moves at once (G did not park the view past the end).
        _ = Update.apply(.action(.up), to: &s)
        #expect(Self.screen(s, size)[size.height - 3].contains("Backspace") == false)
        _ = Update.apply(.action(.top), to: &s)
        #expect(Self.screen(s, size) == top)
        _ = Update.apply(.action(.pageUp), to: &s)
        #expect(s.notice?.text == "page up: already at the top of help")
        // Where all of help fits, moving says so.
        var wide = Self.helpOpen(Size(width: 200, height: 60))
        _ = Update.apply(.action(.bottom), to: &wide)
        #expect(wide.notice?.text == "bottom: help fits on the screen: nothing to scroll")
    }
}
