import Foundation
import Schema

/// A JSON Schema (draft 2020-12) validator for exactly the keywords the checked-in schemas use,
/// so the catalogue tests can prove every example matches its schema. Any other keyword throws,
/// which keeps this validator and the schemas in step.
public struct JSONSchemaValidator {
    public struct SchemaError: Error, CustomStringConvertible {
        public let description: String
    }

    public let root: JSONValue

    public init(schema: JSONValue) {
        root = schema
    }

    public init(contentsOf url: URL) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// One message per violation, each starting with the JSON pointer of the offending value;
    /// empty when `instance` is valid.
    public func validate(_ instance: JSONValue) throws -> [String] {
        var violations: [String] = []
        try check(instance, against: root, at: "", violations: &violations)
        return violations
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, violations: inout [String]) throws {
        let keywords: [String: JSONValue]
        switch schema {
        case .bool(true):
            return
        case .bool(false):
            violations.append("\(path): no value is allowed here")
            return
        case .object(let object):
            keywords = object
        default:
            throw SchemaError(description: "schema at \(path) is neither an object nor a boolean")
        }

        for (keyword, argument) in keywords.sorted(by: { $0.key < $1.key }) {
            switch keyword {
            case "$schema", "$id", "title", "description", "$defs":
                continue
            case "$ref":
                try check(value, against: resolve(argument), at: path, violations: &violations)
            case "type":
                let names: [String]
                switch argument {
                case .string(let name): names = [name]
                case .array(let items): names = try items.map { try string($0, keyword) }
                default: throw SchemaError(description: "type must be a string or an array of strings")
                }
                if try !names.contains(where: { try Self.value(value, hasType: $0) }) {
                    violations.append("\(path): expected \(names.joined(separator: " or ")), got \(Self.typeName(value))")
                }
            case "properties":
                guard case .object(let members) = value else { continue }
                for (name, subschema) in try object(argument, keyword) {
                    if let member = members[name] {
                        try check(member, against: subschema, at: "\(path)/\(name)", violations: &violations)
                    }
                }
            case "required":
                guard case .object(let members) = value, case .array(let names) = argument else { continue }
                for name in try names.map({ try string($0, keyword) }) where members[name] == nil {
                    violations.append("\(path): missing required key \"\(name)\"")
                }
            case "additionalProperties":
                guard case .object(let members) = value else { continue }
                let declared = try keywords["properties"].map { try object($0, "properties") } ?? [:]
                for (name, member) in members where declared[name] == nil {
                    if argument == .bool(false) {
                        violations.append("\(path): key \"\(name)\" is not allowed")
                    } else {
                        try check(member, against: argument, at: "\(path)/\(name)", violations: &violations)
                    }
                }
            case "items":
                guard case .array(let elements) = value else { continue }
                for (index, element) in elements.enumerated() {
                    try check(element, against: argument, at: "\(path)/\(index)", violations: &violations)
                }
            case "enum":
                guard case .array(let allowed) = argument else { throw SchemaError(description: "enum must be an array") }
                if !allowed.contains(value) {
                    violations.append("\(path): \(value) is not one of \(allowed)")
                }
            case "const":
                if value != argument {
                    violations.append("\(path): \(value) is not \(argument)")
                }
            case "format":
                guard argument == .string("date-time") else {
                    throw SchemaError(description: "unsupported format \(argument) at \(path)")
                }
                if case .string(let text) = value, !Self.isDateTime(text) {
                    violations.append("\(path): \"\(text)\" is not an RFC 3339 date-time")
                }
            case "minimum", "maximum":
                guard case .number(let bound) = argument else { throw SchemaError(description: "\(keyword) must be a number") }
                if case .number(let number) = value, keyword == "minimum" ? number < bound : number > bound {
                    violations.append("\(path): \(number) is outside the \(keyword) \(bound)")
                }
            case "anyOf":
                guard case .array(let branches) = argument else { throw SchemaError(description: "anyOf must be an array") }
                var matched = false
                for branch in branches where !matched {
                    var branchViolations: [String] = []
                    try check(value, against: branch, at: path, violations: &branchViolations)
                    matched = branchViolations.isEmpty
                }
                if !matched {
                    violations.append("\(path): matches none of the anyOf alternatives")
                }
            default:
                throw SchemaError(description: "unsupported keyword \"\(keyword)\" at \(path)")
            }
        }
    }

    private func resolve(_ reference: JSONValue) throws -> JSONValue {
        let prefix = "#/$defs/"
        guard case .string(let text) = reference, text.hasPrefix(prefix),
              case .object(let rootKeywords) = root, case .object(let defs)? = rootKeywords["$defs"],
              let target = defs[String(text.dropFirst(prefix.count))]
        else { throw SchemaError(description: "cannot resolve $ref \(reference); only local #/$defs/ references are supported") }
        return target
    }

    private func string(_ value: JSONValue, _ keyword: String) throws -> String {
        guard case .string(let text) = value else { throw SchemaError(description: "\(keyword) expects strings") }
        return text
    }

    private func object(_ value: JSONValue, _ keyword: String) throws -> [String: JSONValue] {
        guard case .object(let members) = value else { throw SchemaError(description: "\(keyword) expects an object") }
        return members
    }

    private static func value(_ value: JSONValue, hasType name: String) throws -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("number", .number),
             ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let number)):
            return number.isFinite && number.rounded() == number
        case ("null", _), ("boolean", _), ("string", _), ("number", _), ("array", _), ("object", _), ("integer", _):
            return false
        default:
            throw SchemaError(description: "unknown type \"\(name)\"")
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// RFC 3339 date-time shape, checked independently of the library's own parser.
    private static func isDateTime(_ text: String) -> Bool {
        text.wholeMatch(of: #/\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)/#) != nil
    }
}

/// The checked-in JSON Schema of each event type, for tests that check what services really publish.
public enum EventSchemas {
    public static var directory: URL {
        TestInfrastructure.repositoryRoot.appendingPathComponent("Shared/Schema/json-schema", isDirectory: true)
    }

    /// Violations of the message body against the schema of its routing key; empty when it conforms.
    public static func violations(of body: [UInt8], type: String) throws -> [String] {
        let validator = try JSONSchemaValidator(contentsOf: directory.appendingPathComponent("\(type).schema.json"))
        return try validator.validate(JSONDecoder().decode(JSONValue.self, from: Data(body)))
    }
}
