import Foundation
import Testing
@testable import VantageTUI

/// Every shipped theme is readable (WCAG 2): text at least 4.5:1 against its background and on the
/// selection, muted text and every coloured word (states, graph labels, clusters) at least 3:1. A
/// theme drawn on the terminal's own background (`default`) is checked against black when dark and
/// white when light: the background its variant is chosen for.
@Suite("Theme contrast")
struct ThemeContrastTests {
    static let shipped: [String] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The roles drawn as words on the background, with the ratio each needs.
    static let needs: [(StyleRole, Double)] = StyleRole.allCases.compactMap { role in
        switch role {
        case .background, .border, .selection: return nil
        case .text: return (role, 4.5)
        default: return (role, 3)
        }
    }

    @Test func everyShippedThemeIsFound() {
        #expect(Self.shipped.count >= 5, "\(Self.shipped)")
        #expect(Set(Self.shipped).isSuperset(of: ["dark", "light", "high-contrast", "solarized-dark", "solarized-light"]))
    }

    @Test(arguments: shipped)
    func textAndColouredWordsStandOutFromTheBackground(_ name: String) throws {
        let theme = ThemeLoader.builtin(name)
        #expect(theme.name == name)
        let background = Contrast.rgb(theme.color(for: .background)) ?? (theme.variant == .dark ? (0, 0, 0) : (255, 255, 255))
        #expect(Contrast.isDark(background) == (theme.variant == .dark), "\(name): the variant matches its background")
        for (role, need) in Self.needs {
            let fg = try #require(Contrast.rgb(theme.color(for: role)), "\(name): \(role) has a colour")
            let ratio = Contrast.ratio(fg, background)
            #expect(ratio >= need, "\(name): \(role.rawValue) is \(String(format: "%.2f", ratio)):1 on its background; needs \(need):1")
        }
        if let selection = Contrast.rgb(theme.color(for: .selection)), let text = Contrast.rgb(theme.color(for: .text)) {
            let ratio = Contrast.ratio(text, selection)
            #expect(ratio >= 4.5, "\(name): text on the selection is \(String(format: "%.2f", ratio)):1; needs 4.5:1")
        }
    }

    @Test func theRatioIsWCAGs() {
        #expect(abs(Contrast.ratio((0, 0, 0), (255, 255, 255)) - 21) < 0.001)
        #expect(Contrast.ratio((0x77, 0x77, 0x77), (255, 255, 255)) >= 4.47 && Contrast.ratio((0x77, 0x77, 0x77), (255, 255, 255)) < 4.5)
        #expect(Contrast.isDark((0x00, 0x2b, 0x36)) && !Contrast.isDark((0xfd, 0xf6, 0xe3)))
    }
}
