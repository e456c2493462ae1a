import Foundation
import VantageProbes

/// Picks ports for launches: the preferred one when it is free, else the next free one that is
/// neither handed to another project of this supervisor nor declared by another project of the
/// workspace (so moving python-web off a busy 4102 never takes go-service's 4103).
public struct PortAllocator: Sendable {
    public struct Assignment: Sendable, Equatable {
        public var preferred: Int
        public var assigned: Int
        /// Who held the preferred port, when it was busy.
        public var holder: String?
        public var wasReassigned: Bool { preferred != assigned }
    }

    /// Ports handed out and not yet released, with the project that holds each.
    public private(set) var reserved: [Int: String] = [:]

    public init() {}

    public mutating func assign(preferred: Int, to project: String, avoiding declaredByOthers: Set<Int> = [],
                                isFree: (Int) -> Bool = PortProbe.isFree) -> Assignment? {
        var candidate = preferred
        var holder: String?
        var first = true
        while candidate <= 65535 {
            let takenByUs = reserved[candidate].map { $0 != project } ?? false
            let someoneElses = candidate != preferred && declaredByOthers.contains(candidate)
            if !takenByUs && !someoneElses && isFree(candidate) {
                reserved[candidate] = project
                return Assignment(preferred: preferred, assigned: candidate, holder: holder)
            }
            if first {
                let owner = PortOwner.find(port: candidate)
                if let other = reserved[candidate], other != project {
                    holder = [owner.flatMap { $0.pid == nil ? nil : $0.description }, "project \(other)"].compactMap { $0 }.joined(separator: ", ")
                } else if let owner { holder = owner.description }
                first = false
            }
            candidate += 1
        }
        return nil
    }

    public mutating func release(_ ports: [Int], from project: String) {
        for p in ports where reserved[p] == project { reserved[p] = nil }
    }

    public mutating func reserve(_ port: Int, for project: String) { reserved[port] = project }
}
