import Foundation
import Schema
import Testing
import TestSupport

/// Proves the validator rejects what it must, so a passing catalogue test means something.
@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
    let validator = JSONSchemaValidator(schema: .object([
        "type": .string("object"),
        "required": .array([.string("id"), .string("time")]),
        "properties": .object([
            "id": .object(["type": .string("integer"), "minimum": .number(1)]),
            "time": .object(["type": .string("string"), "format": .string("date-time")]),
            "kind": .object(["type": .string("string"), "enum": .array([.string("frb"), .string("voevent")])]),
            "tags": .object(["type": .string("array"), "items": .object(["$ref": .string("#/$defs/Tag")])]),
            "note": .object(["type": .array([.string("string"), .string("null")])]),
            "position": .object(["anyOf": .array([
                .object(["$ref": .string("#/$defs/Position")]), .object(["type": .string("null")]),
            ])]),
            "version": .object(["const": .string("1.0")]),
        ]),
        "additionalProperties": .bool(false),
        "$defs": .object([
            "Tag": .object(["type": .string("string")]),
            "Position": .object([
                "type": .string("object"),
                "properties": .object(["dec": .object(["type": .string("number"), "maximum": .number(90)])]),
                "additionalProperties": .bool(false),
            ]),
        ]),
    ]))

    private func valid(_ extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(["id": .number(3), "time": .string("2026-11-21T03:37:52.123Z")].merging(extra) { $1 })
    }

    @Test func acceptsAValidInstance() throws {
        let instance = valid([
            "kind": .string("frb"), "tags": .array([.string("a")]), "note": .null,
            "position": .object(["dec": .number(-45)]), "version": .string("1.0"),
        ])
        #expect(try validator.validate(instance) == [])
    }

    @Test func rejectsAMissingRequiredKey() throws {
        #expect(try validator.validate(.object(["id": .number(3)])) == [": missing required key \"time\""])
    }

    @Test func rejectsAWrongType() throws {
        #expect(try validator.validate(valid(["id": .string("3")])) == ["/id: expected integer, got string"])
        #expect(try validator.validate(valid(["id": .number(3.5)])) == ["/id: expected integer, got number"])
        #expect(try validator.validate(valid(["tags": .array([.number(1)])])) == ["/tags/0: expected string, got number"])
        #expect(try validator.validate(valid(["note": .bool(true)])) == ["/note: expected string or null, got boolean"])
        #expect(try validator.validate(.array([])).contains(": expected object, got array"))
    }

    @Test func rejectsOtherViolations() throws {
        #expect(try validator.validate(valid(["extra": .null])) == [": key \"extra\" is not allowed"])
        #expect(try validator.validate(valid(["kind": .string("grb")])).count == 1)
        #expect(try validator.validate(valid(["version": .string("2.0")])).count == 1)
        #expect(try validator.validate(valid(["id": .number(0)])).count == 1)
        #expect(try validator.validate(valid(["time": .string("2026-11-21 03:37:52")])).count == 1)
        #expect(try validator.validate(valid(["position": .object(["dec": .number(91)])]))
            == ["/position: matches none of the anyOf alternatives"])
    }

    @Test func throwsOnKeywordsItDoesNotSupport() {
        let unsupported = JSONSchemaValidator(schema: .object(["type": .string("string"), "pattern": .string("^a")]))
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try unsupported.validate(.string("a")) }
        let remote = JSONSchemaValidator(schema: .object(["$ref": .string("https://example.org/schema")]))
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try remote.validate(.null) }
    }

    @Test("a broken example fails its real schema", arguments: [EventType.frbMeasurementStored, .triggerDecided])
    func realSchemasRejectBrokenExamples(type: EventType) throws {
        let bytes = try #require(Examples.example(for: type)).encoded()
        guard case .object(var envelope) = try rawJSON(bytes), case .object(var data)? = envelope["data"] else {
            Issue.record("unexpected shape")
            return
        }
        let validator = try SchemaFiles.validator(for: type)
        let firstRequired = data.keys.sorted()[0]
        data[firstRequired] = nil
        data["unexpected_key"] = .bool(true)
        envelope["data"] = .object(data)
        envelope["time"] = .number(0)
        let violations = try validator.validate(.object(envelope))
        #expect(violations.contains("/data: missing required key \"\(firstRequired)\""))
        #expect(violations.contains("/data: key \"unexpected_key\" is not allowed"))
        #expect(violations.contains("/time: expected string, got number"))
    }
}
