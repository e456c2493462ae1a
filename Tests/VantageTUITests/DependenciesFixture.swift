import VantageCore

/// The rows of the golden `api` project's dependencies view: direct and transitive packages,
/// vulnerable and licence-less ones, a conflict, a stale lock, a package skipped by a marker,
/// and no outdated look-up (offline).
enum DependenciesFixture {
    static let api = DependencyDetails(
        packages: [
            .init(ecosystem: "npm", name: "express", version: "4.18.2", requirement: "^4.18.0", direct: true, dev: false,
                  licence: "MIT", severity: nil, source: "package-lock.json:12"),
            .init(ecosystem: "npm", name: "lodash", version: "4.17.4", requirement: "^4.17.0", direct: true, dev: false,
                  licence: "MIT", severity: "CRITICAL", source: "package-lock.json:40"),
            .init(ecosystem: "npm", name: "jest", version: "29.7.0", requirement: "^29.0.0", direct: true, dev: true,
                  licence: "MIT", severity: nil, source: "package-lock.json:58"),
            .init(ecosystem: "npm", name: "minimist", version: "0.0.8", requirement: nil, direct: false, dev: false,
                  licence: nil, severity: "HIGH", source: "package-lock.json:77"),
            .init(ecosystem: "npm", name: "qs", version: "6.11.0", requirement: nil, direct: false, dev: false,
                  licence: "BSD-3-Clause", severity: nil, source: "package-lock.json:91"),
        ],
        skipped: [.init(name: "pywin32", marker: #"sys_platform == "win32""#, reason: #"marker is false for system python3 3.11.7 (sys_platform="linux")"#)],
        conflicts: ["qs: ^6.11 (package.json) and <6 (tools/package.json): no version satisfies all"],
        lockProblems: ["package.json: lock package-lock.json stale (package.json is newer than package-lock.json)"],
        outdated: nil)
}
