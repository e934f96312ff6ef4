import Foundation
import Yams

/// Reads a service's configuration: a YAML file from `config/`, then environment variables
/// `BURSTWIRE_<SECTION>_<KEY>` over it (upper snake case of the YAML keys), then decodes the result.
/// `BURSTWIRE_<SECTION>_<KEY>_FILE` reads the value from a file, for secrets mounted by an orchestrator.
/// Any problem throws a `ConfigurationError` naming the key, so services fail fast at start.
public struct ConfigurationLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The file to read: `BURSTWIRE_CONFIG`, else `config/burstwire.yaml` under the working directory.
    public var defaultPath: String {
        environment["BURSTWIRE_CONFIG"] ?? "config/burstwire.yaml"
    }

    public func load<T: Decodable>(_ type: T.Type, path: String? = nil) throws -> T {
        let path = path ?? defaultPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(key: "", reason: "cannot read configuration file \(path) (set BURSTWIRE_CONFIG)")
        }
        return try load(type, yaml: text)
    }

    public func load<T: Decodable>(_ type: T.Type, yaml: String) throws -> T {
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node([(Node, Node)]())
        } catch {
            throw ConfigurationError(key: "", reason: "the YAML file is not valid: \(Self.describe(yamlError: error))")
        }
        guard case .mapping(var sections) = root else {
            throw ConfigurationError(key: "", reason: "the YAML file must be a mapping of sections")
        }
        try applyEnvironment(to: &sections)
        do {
            return try YAMLDecoder().decode(type, from: camelCased(.mapping(sections)))
        } catch let error as DecodingError {
            throw Self.describe(error)
        }
    }

    /// Overlays BURSTWIRE_<SECTION>_<KEY>[_FILE] onto the sections that exist in the file.
    private func applyEnvironment(to sections: inout Node.Mapping) throws {
        let names = sections.keys.compactMap(\.string).sorted { $0.count > $1.count }
        for (variable, raw) in environment.sorted(by: { $0.key < $1.key }) where variable.hasPrefix("BURSTWIRE_") {
            let rest = variable.dropFirst("BURSTWIRE_".count)
            guard let section = names.first(where: { rest.hasPrefix($0.uppercased() + "_") }) else { continue }
            var key = rest.dropFirst(section.count + 1).lowercased()
            var value = raw
            if key.hasSuffix("_file") {
                key = String(key.dropLast("_file".count))
                guard let contents = try? String(contentsOfFile: raw, encoding: .utf8) else {
                    throw ConfigurationError(key: "\(section).\(key)", reason: "cannot read the file named by \(variable)")
                }
                value = contents.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard !key.isEmpty else { continue }
            var body = sections[Node(section)]?.mapping ?? Node.Mapping([])
            body[Node(key)] = Node(value, .implicit, .plain)
            sections[Node(section)] = .mapping(body)
        }
    }

    /// snake_case keys become camelCase so Swift properties decode without per-type CodingKeys.
    private func camelCased(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            return Node(mapping.map { (Node(Self.camelCase($0.key.string ?? "")), camelCased($0.value)) })
        case .sequence(let sequence):
            return Node(sequence.map(camelCased))
        default:
            return node
        }
    }

    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_")
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, c in
            if c.isUppercase { result += "_" + c.lowercased() } else { result.append(c) }
        }
    }

    static func describe(_ error: DecodingError) -> ConfigurationError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            (codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? snakeCase($0.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ConfigurationError(key: path(context.codingPath, key), reason: "is required but missing")
        case .valueNotFound(let type, let context):
            return ConfigurationError(key: path(context.codingPath), reason: "is required (expected \(type))")
        case .typeMismatch(let type, let context):
            return ConfigurationError(key: path(context.codingPath), reason: "has the wrong type (expected \(type))")
        case .dataCorrupted(let context):
            return ConfigurationError(key: path(context.codingPath), reason: "is invalid: \(context.debugDescription)")
        @unknown default:
            return ConfigurationError(key: "", reason: "cannot be decoded")
        }
    }

    /// Where and what, never the offending line: Yams' own description quotes it, and that line may hold a secret.
    static func describe(yamlError error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, let offset, _, _):
            "\(problem)\(offset.map { " at byte \($0)" } ?? "")"
        default:
            "it cannot be parsed"
        }
    }
}
