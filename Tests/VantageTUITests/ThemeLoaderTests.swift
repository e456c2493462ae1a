import Foundation
import Testing
import VantageCore
@testable import VantageTUI

@Suite("ThemeLoader")
struct ThemeLoaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shipped = ["dark", "light", "high-contrast", "solarized-dark", "solarized-light"]

    @Test(arguments: shipped)
    func shippedThemeLoadsWithEveryRole(name: String) throws {
        let theme = try ThemeLoader.load(contentsOf: Self.repository.appendingPathComponent("themes/\(name).toml").path)
        #expect(theme.name == name)
        for role in StyleRole.allCases { #expect(theme.colors[role] != nil, "\(role)") }
        #expect(theme.variant == (name.contains("light") ? .light : .dark))
    }

    @Test func darkAndLightUseTheTerminalBackground() throws {
        for name in ["dark", "light"] {
            let theme = try ThemeLoader.load(contentsOf: Self.repository.appendingPathComponent("themes/\(name).toml").path)
            #expect(theme.colors[.background] == .terminalDefault)
        }
    }

    /// The binary carries the shipped files as they are (the EmbedFiles build plugin): same names,
    /// same bytes, for every theme and keymap in the repository.
    @Test func embeddedDefaultsEqualTheShippedFiles() throws {
        for (folder, embedded) in [("themes", EmbeddedFiles.themes), ("keymaps", EmbeddedFiles.keymaps)] {
            let dir = Self.repository.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }
            #expect(Set(embedded.keys) == Set(files.map { String($0.dropLast(5)) }), "\(folder)/")
            for file in files {
                let onDisk = try Data(contentsOf: dir.appendingPathComponent(file))
                #expect(embedded[String(file.dropLast(5))].map { Data($0.utf8) } == onDisk, "\(folder)/\(file) differs from the copy in the binary")
            }
        }
        #expect(Set(EmbeddedFiles.themes.keys) == Set(Self.shipped))
        // Every shipped theme and keymap parses, so the compiled-in fallbacks never fail.
        for name in Self.shipped { #expect(ThemeLoader.builtin(name).source == "builtin:themes/\(name).toml") }
        for (name, text) in EmbeddedFiles.keymaps { _ = try KeymapLoader.parse(text, file: "builtin:keymaps/\(name).toml") }
    }

    @Test func everyColourFormIsRead() throws {
        var text = "variant = \"dark\"\n[colors]\n"
        let roles = StyleRole.allCases.filter { !$0.rawValue.hasPrefix("node.") }
        let forms = ["\"default\"", "\"#0a0B0c\"", "17", "\"bright-blue\"", "\"red\""]
        for (i, role) in roles.enumerated() { text += "\(role.rawValue) = \(forms[i % forms.count])\n" }
        text += "[colors.node]\n"
        for role in StyleRole.allCases where role.rawValue.hasPrefix("node.") { text += "\(role.rawValue.dropFirst(5)) = 255\n" }
        let theme = try ThemeLoader.parse(text, file: "mine.toml")
        #expect(theme.name == "mine")
        try #require(roles.count > 0)
        #expect(theme.colors[roles[0]] == .terminalDefault)
        try #require(roles.count > 1)
        #expect(theme.colors[roles[1]] == .rgb(0x0a, 0x0b, 0x0c))
        try #require(roles.count > 2)
        #expect(theme.colors[roles[2]] == .indexed(17))
        try #require(roles.count > 3)
        #expect(theme.colors[roles[3]] == .indexed(12))
        try #require(roles.count > 4)
        #expect(theme.colors[roles[4]] == .indexed(1))
        #expect(theme.colors[.nodeAdvisor] == .indexed(255))
    }

    @Test func dottedNodeKeysWorkLikeTheSubtable() throws {
        var text = "variant = \"light\"\n[colors]\n"
        for role in StyleRole.allCases { text += "\(role.rawValue) = \"default\"\n" }
        let theme = try ThemeLoader.parse(text, file: "dotted.toml")
        #expect(theme.colors.count == StyleRole.allCases.count)
    }

    @Test func namesResolveFromUserDirThenShippedThenBuiltin() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let config = tmp.appendingPathComponent("config"), share = tmp.appendingPathComponent("share")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share.appendingPathComponent("themes"), withIntermediateDirectories: true)
        let dark = EmbeddedFiles.themes["dark"]!
        try dark.replacingOccurrences(of: "name = \"dark\"", with: "name = \"user-dark\"")
            .write(to: config.appendingPathComponent("themes/dark.toml"), atomically: true, encoding: .utf8)
        try dark.replacingOccurrences(of: "name = \"dark\"", with: "name = \"ocean\"")
            .write(to: share.appendingPathComponent("themes/ocean.toml"), atomically: true, encoding: .utf8)
        let locator = ConfigLocator(userConfigDirectory: config.path, shareDirectories: [share.path])
        #expect(try ThemeLoader.resolve("dark", locator: locator).name == "user-dark")
        #expect(try ThemeLoader.resolve("ocean", locator: locator).name == "ocean")
        #expect(try ThemeLoader.resolve("solarized-light", locator: locator).source == "builtin:themes/solarized-light.toml")
        let path = share.appendingPathComponent("themes/ocean.toml").path
        #expect(try ThemeLoader.resolve(path, locator: locator).name == "ocean")
        #expect(throws: VantageError.self) { try ThemeLoader.resolve("nope", locator: locator) }
        #expect(locator.available(.theme).contains("ocean"))
    }

    @Test func locatorReadsXDGConfigAndVantageShare() {
        let env = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg", "VANTAGE_SHARE": "/share/vantage"]
        let locator = ConfigLocator.fromEnvironment(env, executablePath: Self.repository.appendingPathComponent(".build/debug/vantage").path)
        #expect(locator.userConfigDirectory == "/cfg/vantage")
        #expect(locator.shareDirectories.first == "/share/vantage")
        // The repository the binary was built in is found by walking up from the executable.
        #expect(locator.shareDirectories.contains(Self.repository.path))
        let noXDG = ConfigLocator.fromEnvironment(["HOME": "/home/u"], executablePath: "/nonexistent/bin/vantage")
        #expect(noXDG.userConfigDirectory == "/home/u/.config/vantage")
        #expect(noXDG.shareDirectories.isEmpty)
    }

    @Test func pairsForTheToggle() throws {
        let locator = ConfigLocator(userConfigDirectory: "/nonexistent", shareDirectories: [])
        var pair = try ThemeLoader.resolvePair("solarized-dark", locator: locator)
        #expect(pair.current.name == "solarized-dark")
        #expect(pair.light.name == "solarized-light")
        pair.toggle()
        #expect(pair.current.name == "solarized-light")
        let plain = try ThemeLoader.resolvePair(nil, locator: locator)
        #expect(plain.current.name == "dark")
        #expect(plain.light.name == "light")
        let hc = try ThemeLoader.resolvePair("high-contrast", locator: locator)
        #expect(hc.other.name == "light")
    }
}
