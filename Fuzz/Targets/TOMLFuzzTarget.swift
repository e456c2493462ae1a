import VantageCore

/// The TOML reader (themes, keymaps, vantage.toml, .vantage.toml, Cargo, Poetry, uv, pyproject).
let tomlFuzzTarget = FuzzTarget(name: "toml", seeds: ["Tests/VantageCoreTests/Fixtures/toml:*.toml", "themes", "keymaps"]) { input in
    _ = try? TOMLParser.parse(input.text, file: "fuzz.toml")
}
