import Foundation

/// Finds secret-looking strings in one line, conservatively: tools that cry wolf get switched off.
///
/// - AWS access key ids (`AKIA` + 16 upper-case letters or digits);
/// - private key headers (`-----BEGIN ... PRIVATE KEY-----`);
/// - a string literal of 4+ characters assigned to a name such as `password`, `api_key`, `secret`,
///   `token` (templating such as `"${PASSWORD}"` and obvious placeholders such as `"<your key>"` or
///   `"example"` are left alone; a default password such as `"changeme"` is still a password);
/// - a quoted token of 32+ characters from the base64/hex alphabet with letters and digits and a
///   Shannon entropy of at least 4.5 bits per character.
enum SecretDetector {
    struct Hit: Equatable {
        var what: String
    }

    private static let awsKey = try! NSRegularExpression(pattern: #"\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"#)
    private static let privateKey = try! NSRegularExpression(
        pattern: #"-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----"#)
    private static let assignment = try! NSRegularExpression(
        pattern: #"(?i)\b(password|passwd|pwd|secret|secret_key|client_secret|api_?key|api-key|access_?token|auth_?token|private_key|token)["']?\s*(:=|=|:)\s*["']([^"'\s]{4,})["']"#)
    private static let quotedToken = try! NSRegularExpression(pattern: #"["']([A-Za-z0-9+/=_\-]{32,})["']"#)

    private static let placeholderMarks = ["${", "{{", "<", "%(", "%s", "xxx", "XXX", "example", "your", "dummy",
                                           "placeholder", "redacted", "*****", "env(", "environ", "getenv"]

    private static let awsPrefixes = ["akia", "asia", "abia", "acca"].map { Array($0.utf8) }
    private static let keyHeader = [Array("-----begin".utf8)]
    private static let secretNames = ["pass", "pwd", "secret", "key", "token"].map { Array($0.utf8) }

    static func scan(_ line: String, entropyCheck: Bool) -> Hit? {
        // Cheap byte checks first: the expressions only run on lines that could match them.
        let lower = Array(line.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let quoted = lower.contains(0x22) || lower.contains(0x27)
        let range = NSRange(line.startIndex..., in: line)
        if ByteSearch.containsAny(lower, awsPrefixes), awsKey.firstMatch(in: line, range: range) != nil {
            return Hit(what: "an AWS access key id")
        }
        if ByteSearch.containsAny(lower, keyHeader), privateKey.firstMatch(in: line, range: range) != nil {
            return Hit(what: "a private key")
        }
        if quoted, ByteSearch.containsAny(lower, secretNames), let m = assignment.firstMatch(in: line, range: range),
           let v = Range(m.range(at: 3), in: line) {
            let value = String(line[v])
            let name = Range(m.range(at: 1), in: line).map { String(line[$0]) } ?? "secret"
            if !placeholderMarks.contains(where: { value.contains($0) }), Set(value).count > 2 {
                return Hit(what: "a literal \(name.lowercased())")
            }
        }
        if entropyCheck, quoted, lower.count >= 34 {
            for m in quotedToken.matches(in: line, range: range) {
                guard let r = Range(m.range(at: 1), in: line) else { continue }
                let token = line[r]
                if looksRandom(token) { return Hit(what: "a high-entropy token") }
            }
        }
        return nil
    }

    /// Letters and digits mixed, and at least 4.5 bits of entropy per character.
    static func looksRandom(_ token: Substring) -> Bool {
        var hasDigit = false, hasLetter = false
        var counts: [Character: Int] = [:]
        for c in token {
            if c.isNumber { hasDigit = true } else if c.isLetter { hasLetter = true }
            counts[c, default: 0] += 1
        }
        guard hasDigit, hasLetter else { return false }
        let n = Double(token.count)
        let entropy = counts.values.reduce(0.0) { h, k in
            let p = Double(k) / n
            return h - p * log2(p)
        }
        return entropy >= 4.5
    }
}

/// Substring search on bytes.
enum ByteSearch {
    static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            needles.contains { n in
                guard let first = n.first, h.count >= n.count else { return false }
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
