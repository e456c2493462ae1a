import VantageCore

/// A `Dockerfile`: the command builds the image and runs it, named after the project.
enum DockerfileEvidence {
    static let fileName = "Dockerfile"

    static let entry = ProjectKindEntry(.docker, isPresent: { $0.contains(fileName) }, read: { _, _ in KindEvidence(kind: .docker) },
                                        recipe: LaunchRecipe(tools: [.init("docker", install: "install Docker (https://docs.docker.com/engine/install/)")]))

    /// `docker build -t NAME . && docker run --rm NAME`, with NAME lower-cased and made a valid image name.
    static func command(imageName: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        var image = String(imageName.lowercased().map { allowed.contains($0) ? $0 : "-" })
        while let first = image.first, !(first.isLetter || first.isNumber) { image.removeFirst() }
        if image.isEmpty { image = "app" }
        return "docker build -t \(image) . && docker run --rm \(image)"
    }
}
