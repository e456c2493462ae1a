// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "SwiftApp",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.58.0"),
        .package(url: "https://github.com/apple/swift-log", .upToNextMinor(from: "1.5.0")),
        .package(url: "https://github.com/vapor/vapor.git", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", exact: "0.10.0"),
        .package(url: "https://github.com/example/edge.git", branch: "main"),
        .package(path: "../LocalKit"),
    ],
    targets: [.executableTarget(name: "SwiftApp")]
)
