import VantageCore

/// Semantic colour roles. Widgets ask for a role, never for a colour; a theme maps roles to colours.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case background, text, muted, accent, border, selection, ok, warn, error
    // One per knowledge-graph node kind.
    case nodeProject = "node.project"
    case nodeLanguage = "node.language"
    case nodeDependency = "node.dependency"
    case nodeContainer = "node.container"
    case nodePort = "node.port"
    case nodeError = "node.error"
    case nodeSolution = "node.solution"
    case nodeHotspot = "node.hotspot"
    case nodeAdvisor = "node.advisor"
    // A small palette for graph clusters (communities), used in turn: cluster 0 is `cluster.a`.
    case clusterA = "cluster.a"
    case clusterB = "cluster.b"
    case clusterC = "cluster.c"
    case clusterD = "cluster.d"
    case clusterE = "cluster.e"
    case clusterF = "cluster.f"

    public static let clusterPalette: [StyleRole] = [.clusterA, .clusterB, .clusterC, .clusterD, .clusterE, .clusterF]

    /// The colour of graph cluster `index` (the palette repeats beyond its six roles).
    public static func cluster(_ index: Int) -> StyleRole { clusterPalette[((index % 6) + 6) % 6] }
    case nodeVulnerability = "node.vulnerability"

    public static func node(_ kind: GraphNodeKind) -> StyleRole {
        switch kind {
        case .project: return .nodeProject
        case .language: return .nodeLanguage
        case .dependency: return .nodeDependency
        case .container: return .nodeContainer
        case .port: return .nodePort
        case .error: return .nodeError
        case .solution: return .nodeSolution
        case .hotspot: return .nodeHotspot
        case .advisor: return .nodeAdvisor
        case .vulnerability: return .nodeVulnerability
        }
    }
}

/// How a cell is drawn: foreground and background roles plus attributes. Resolved to real
/// colours only by the terminal backend, once, through the active theme and colour depth.
public struct CellStyle: Hashable, Sendable {
    public var fg: StyleRole
    /// `nil` draws on the theme's background (which may be the terminal's own default).
    public var bg: StyleRole?
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: StyleRole = .text, bg: StyleRole? = nil, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = CellStyle()
    public static func role(_ r: StyleRole) -> CellStyle { CellStyle(fg: r) }
    public var bolded: CellStyle { var s = self; s.bold = true; return s }
    public func on(_ bg: StyleRole) -> CellStyle { var s = self; s.bg = bg; return s }
}
