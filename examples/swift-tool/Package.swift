// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "swift-tool",
    targets: [
        .executableTarget(name: "swift-tool", path: "Sources/swift-tool"),
    ]
)
