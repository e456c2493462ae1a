/// A theme maps every semantic role to a colour. Loaded from `themes/*.toml` (see ThemeLoader).
public struct Theme: Sendable, Equatable {
    public enum Variant: String, Sendable { case dark, light }

    public var name: String
    public var variant: Variant
    public var colors: [StyleRole: ThemeColor]
    /// Where it was loaded from, for messages ("builtin" when compiled in).
    public var source: String

    public init(name: String, variant: Variant, colors: [StyleRole: ThemeColor], source: String = "builtin") {
        self.name = name
        self.variant = variant
        self.colors = colors
        self.source = source
    }

    public func color(for role: StyleRole) -> ThemeColor {
        colors[role] ?? (role == .background ? .terminalDefault : colors[.text] ?? .terminalDefault)
    }
}
