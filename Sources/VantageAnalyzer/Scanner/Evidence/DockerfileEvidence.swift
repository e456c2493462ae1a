import VantageCore

/// A `Dockerfile`: the command builds the image and runs it, named after the project.
enum DockerfileEvidence {
    static let fileName = "Dockerfile"

    static func read(folder: String, files: Set<String>, warnings: inout ScanWarnings) -> KindEvidence? {
        files.contains(fileName) ? KindEvidence(kind: .docker) : nil
    }

    /// `docker build -t NAME . && docker run --rm NAME`, with NAME lower-cased and made a valid image name.
    static func command(imageName: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        var image = String(imageName.lowercased().map { allowed.contains($0) ? $0 : "-" })
        while let first = image.first, !(first.isLetter || first.isNumber) { image.removeFirst() }
        if image.isEmpty { image = "app" }
        return "docker build -t \(image) . && docker run --rm \(image)"
    }
}
