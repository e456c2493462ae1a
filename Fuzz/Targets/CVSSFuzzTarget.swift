import VantageDependencies

/// CVSS 2, 3.x and 4.0 vectors, each input scored by all three.
let cvssFuzzTarget = FuzzTarget(name: "cvss", seeds: ["Fuzz/Seeds/cvss"]) { input in
    let vector = input.text
    _ = CVSS2.baseScore(vector)
    _ = CVSS3.baseScore(vector)
    _ = CVSS4.baseScore(vector)
}
