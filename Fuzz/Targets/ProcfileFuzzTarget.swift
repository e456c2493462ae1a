import VantageFormats

let procfileFuzzTarget = FuzzTarget(name: "procfile", seeds: ["examples:Procfile", "Tests/VantageDetectorTests/Fixtures/scan-tree:Procfile"]) { input in
    _ = Procfile.parse(input.text, file: "Procfile")
}
