import VantageCore
import VantageFormats

/// `.env` files: assignments, quoting, and the port they give.
let dotEnvFuzzTarget = FuzzTarget(name: "dotenv", seeds: ["examples:.env*", "Tests/VantageDetectorTests/Fixtures/scan-tree:.env*"]) { input in
    let file = DotEnvFile.parse(input.text, file: ".env")
    var problems: [VantageError] = []
    _ = file.port(problems: &problems)
    _ = try? DotEnvFile.assignments(input.text, file: ".env")
}
