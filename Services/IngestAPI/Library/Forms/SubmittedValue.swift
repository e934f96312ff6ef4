import Foundation
import Yams

/// One submitted value, from a form (always text) or a JSON/YAML document (typed), so one set of
/// field rules validates every interface the way Django REST framework validated both.
enum SubmittedValue: Equatable {
    case null
    case bool(Bool)
    /// A number as the document typed it; `text` is its spelling, for text fields given a number.
    case number(Double, text: String)
    case string(String)
    case mapping([String: SubmittedValue])
    case sequence([SubmittedValue])

    /// Python's name for the type, as Django REST framework's messages use it.
    var pythonTypeName: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .number(let value, _): value.rounded() == value ? "int" : "float"
        case .string: "str"
        case .mapping: "dict"
        case .sequence: "list"
        }
    }

    /// A YAML node as PyYAML's `safe_load` would type it (YAML 1.1 booleans, `.inf`, `~`);
    /// timestamps stay text so the date-time rule parses them like any other input.
    init(yaml node: Node) {
        switch node {
        case .mapping(let mapping):
            var values: [String: SubmittedValue] = [:]
            for (key, value) in mapping {
                values[key.string ?? ""] = SubmittedValue(yaml: value)
            }
            self = .mapping(values)
        case .sequence(let sequence):
            self = .sequence(sequence.map(SubmittedValue.init(yaml:)))
        case .alias:
            // `Yams.compose` replaces aliases by the nodes they name; an unresolved one is no value.
            self = .null
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: self = .null
            case .bool: self = node.bool.map(SubmittedValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map { .number(Double($0), text: scalar.string) } ?? .string(scalar.string)
            case .float: self = node.float.map { .number($0, text: scalar.string) } ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        }
    }
}

extension SubmittedValue: Decodable {
    /// JSON's types; integers keep their exact spelling, other numbers Swift's shortest one.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            self = .number(Double(integer), text: String(integer))
        } else if let number = try? container.decode(Double.self) {
            self = .number(number, text: String(number))
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let mapping = try? container.decode([String: SubmittedValue].self) {
            self = .mapping(mapping)
        } else {
            self = .sequence(try container.decode([SubmittedValue].self))
        }
    }
}
