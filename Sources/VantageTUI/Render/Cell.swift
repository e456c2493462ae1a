/// One terminal cell: a grapheme, its display width, and its style.
/// A wide grapheme (width 2) occupies its cell and a continuation cell to its right whose
/// `symbol` is empty and `width` is 0; writers skip continuation cells.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var width: UInt8
    public var style: CellStyle

    public init(_ symbol: String = " ", width: UInt8 = 1, style: CellStyle = .plain) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    static let continuation = Cell("", width: 0)
    public var isContinuation: Bool { width == 0 }
}
