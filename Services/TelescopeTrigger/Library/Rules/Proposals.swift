import Foundation
import Yams

/// The VOEvent proposals file, `proposals: [...]`, with snake_case keys like every Burstwire YAML file.
struct Proposals: Decodable, Sendable, Equatable {
    var proposals: [ProposalSettings]

    /// TraceT judges a group for every proposal, lowest `priority` first; ties keep file order.
    var byPriority: [ProposalSettings] {
        proposals.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map(\.element)
    }

    init(proposals: [ProposalSettings]) {
        self.proposals = proposals
    }

    /// Keys are camel-cased before decoding (`pending_min_duration_1` → `pendingMinDuration1`, as the
    /// configuration loader does), so the Swift names need no per-key mapping.
    static func load(yaml: String) throws -> Proposals {
        let root = try Yams.compose(yaml: yaml) ?? Node([(Node, Node)]())
        return try YAMLDecoder().decode(Proposals.self, from: camelCased(root))
    }

    private static func camelCased(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            return Node(mapping.map { (Node(camelCase($0.key.string ?? "")), camelCased($0.value)) })
        case .sequence(let sequence):
            return Node(sequence.map(camelCased))
        default:
            return node
        }
    }

    private static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_")
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
