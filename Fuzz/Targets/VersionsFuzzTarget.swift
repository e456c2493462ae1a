import VantageDependencies

/// Version requirements and versions of every ecosystem: the first line is a requirement, the
/// second a version; the requirement is parsed and checked against the version, and the two
/// lines are compared as versions of each scheme.
let versionsFuzzTarget = FuzzTarget(name: "versions", seeds: ["Fuzz/Seeds/versions"]) { input in
    let lines = input.text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    let requirement = lines.first ?? "", version = lines.count > 1 ? lines[1] : "1.0.0"
    for ecosystem in Ecosystem.allCases {
        if let constraint = try? VersionConstraint.parse(requirement, ecosystem: ecosystem) {
            _ = constraint.isSatisfied(by: version)
            _ = constraint.isSatisfied(by: version, includePrereleases: true)
        }
        let scheme = VersionScheme.forEcosystem(ecosystem)
        if let a = scheme.parse(requirement), let b = scheme.parse(version) { _ = a.compare(to: b) }
        _ = scheme.sorted([requirement, version, "1.0.0"])
    }
}
