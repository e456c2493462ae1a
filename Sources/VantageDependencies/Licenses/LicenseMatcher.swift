import Foundation

/// Identifies a licence text against the shipped SPDX texts: first exact equality after
/// normalisation (lower case, copyright lines, bullets, punctuation and placeholders removed,
/// whitespace collapsed), then a Sørensen–Dice coefficient over word bigrams of at least 0.98.
public struct LicenseMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        public var spdx: String
        /// 1.0 for an exact match after normalisation.
        public var score: Double
        public var exact: Bool
    }

    struct Template: Sendable { var spdx: String; var normalised: String; var bigrams: Set<String> }
    let templates: [Template]
    public static let threshold = 0.98
    public static let shared = LicenseMatcher()

    public init() {
        // The shipped licenses/*.txt, named by SPDX identifier, compiled in by the EmbedFiles plugin.
        templates = EmbeddedFiles.licenses.sorted { $0.key < $1.key }.map { spdx, text in
            let n = Self.normalise(text)
            return Template(spdx: spdx, normalised: n, bigrams: Self.bigrams(n))
        }
    }

    /// The SPDX identifiers shipped.
    public var known: [String] { templates.map(\.spdx) }

    public func identify(_ text: String) -> Match? {
        let n = Self.normalise(text)
        guard !n.isEmpty else { return nil }
        if let t = templates.first(where: { $0.normalised == n }) { return Match(spdx: t.spdx, score: 1, exact: true) }
        let b = Self.bigrams(n)
        var best: Match?
        for t in templates {
            let score = Self.dice(b, t.bigrams)
            if score >= Self.threshold, best == nil || score > best!.score { best = Match(spdx: t.spdx, score: score, exact: false) }
        }
        return best
    }

    static func normalise(_ text: String) -> String {
        var kept: [String] = []
        for raw in text.lowercased().split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            // Copyright statements ("Copyright (c) 2024 Ada", "© 2019 …"), not sentences that
            // merely begin with the word ("copyright notice and this permission notice …").
            if line.range(of: #"^(copyright\s*(\(c\)|©)?\s*[\d\[<]|copyright\s*(\(c\)|©)|\(c\)\s*\d|©)"#, options: .regularExpression) != nil
                || line == "all rights reserved." { continue }
            kept.append(line)
        }
        var s = kept.joined(separator: " ")
        // Apache-style appendices ("how to apply this licence") are often left out; compare the terms only.
        if let end = s.range(of: "end of terms and conditions") { s = String(s[..<end.upperBound]) }
        // Placeholders such as [year], <copyright holders>, [project].
        s = s.replacingOccurrences(of: #"\[[^\]]*\]|<[^>]*>"#, with: " ", options: .regularExpression)
        // "zlib license copyright (c) ..." on the title line.
        s = s.replacingOccurrences(of: #"copyright \(c\)"#, with: " ", options: .regularExpression)
        // Bullets and list numbers: "1.", "a)", "*", "-".
        s = s.replacingOccurrences(of: #"(^|\s)(\d+\.|[a-z]\)|\(\w\)|\*|-|•)(?=\s)"#, with: " ", options: .regularExpression)
        let words = s.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").joined(separator: " ")
    }

    static func bigrams(_ normalised: String) -> Set<String> {
        let w = normalised.split(separator: " ")
        guard w.count > 1 else { return Set(w.map(String.init)) }
        return Set((1..<w.count).map { "\(w[$0 - 1]) \(w[$0])" })
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
