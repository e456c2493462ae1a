let package = Package(name: "dep")
