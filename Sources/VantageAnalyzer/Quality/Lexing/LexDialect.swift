/// The tokenizer variant a language uses. The shared rules follow lizard's token
/// pattern (so that token boundaries, and therefore counts, agree with it); each
/// dialect adds its own literals and comments.
enum LexDialect: Sendable {
    case python, swift, clike, java, go, rust, javascript

    var emitsSpaces: Bool { self == .python }
}
