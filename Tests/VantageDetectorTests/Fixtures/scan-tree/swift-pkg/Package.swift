// swift-tools-version:5.9
import PackageDescription

// .package(url: "https://github.com/commented/out.git", from: "9.9.9"),
let package = Package(
    name: "Toolbox",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [.executableTarget(name: "toolbox")]
)
