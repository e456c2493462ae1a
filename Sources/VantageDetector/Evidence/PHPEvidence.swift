import Foundation
import VantageCore
import VantageFormats

/// PHP with Composer, `composer.json`: the name is the package's (`vendor/name` → `name`); the
/// command `composer start` when the file has a `start` script, else PHP's built-in server on
/// `public/` (or the folder, when `index.php` is there), which listens on `$PORT`: the `.env`
/// `PORT`, else 8000. Dependencies are `require` (platform ones such as `php`, `ext-*` left out).
enum PHPEvidence {
    static let defaultPort = 8000

    static let entry = ProjectKindEntry(.php, isPresent: { $0.contains(ComposerJSON.fileName) }, read: read,
                                        recipe: LaunchRecipe(tools: [.init("php", install: "install PHP (https://www.php.net/downloads; apt install php-cli)"),
                                                                     .init("composer", install: "install Composer (https://getcomposer.org/download/)")]))

    static func read(_ folder: FolderContents, _ warnings: inout ScanWarnings) -> KindEvidence {
        var evidence = KindEvidence(kind: .php, languages: [.php])
        let composer = warnings.reading { () throws(VantageError) in try ComposerJSON.read(folder.path(ComposerJSON.fileName)) }
        if let composer {
            warnings.add(contentsOf: composer.problems)
            evidence.name = composer.name.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            evidence.dependencies = composer.requirements.filter { !$0.isDev }
                .map { Dependency(ecosystem: "packagist", name: $0.name, version: $0.constraint) }
        }
        if composer?.scripts["start"] != nil {
            evidence.command = "composer start"
        } else if let root = servedFolder(folder) {
            evidence.command = "php -S 127.0.0.1:$PORT" + (root == "." ? "" : " -t \(root)")
            evidence.ports = [folder.envPort ?? defaultPort]
        }
        return evidence
    }

    /// The document root of the built-in server: `public` when `public/index.php` exists, `.` when
    /// `index.php` does, else none.
    static func servedFolder(_ folder: FolderContents) -> String? {
        if FileManager.default.fileExists(atPath: folder.path("public/index.php")) { return "public" }
        return folder.has("index.php") ? "." : nil
    }
}
