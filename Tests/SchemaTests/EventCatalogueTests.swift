import Foundation
import Schema
import Testing
import TestSupport

/// The checked-in JSON Schema documents, found from this file's path so the tests run from any directory.
enum SchemaFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Shared/Schema/json-schema", isDirectory: true)

    static func url(for type: EventType) -> URL {
        directory.appendingPathComponent("\(type.rawValue).schema.json")
    }

    static func validator(for type: EventType) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(contentsOf: url(for: type))
    }
}

/// Parses encoded bytes without the library's conventions, to see exactly what is on the wire.
func rawJSON(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
}

@Suite("Event catalogue")
struct EventCatalogueTests {
    @Test("example encodes, validates against its schema and round-trips", arguments: EventType.all)
    func exampleMatchesSchemaAndRoundTrips(type: EventType) throws {
        let example = try #require(Examples.example(for: type), "no example for \(type)")
        let bytes = try example.encoded()

        let violations = try SchemaFiles.validator(for: type).validate(rawJSON(bytes))
        #expect(violations.isEmpty, "\(type): \(violations)")
        #expect(try example.decodesToItself())

        let header = try EventHeader.decode(from: bytes)
        #expect(header.type == type)
    }

    @Test func everyTypeHasExactlyOneSchemaFileAndNoOtherFileExists() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SchemaFiles.directory.path)
        let expected = EventType.all.map { "\($0.rawValue).schema.json" }
        #expect(Set(files) == Set(expected))
        #expect(files.count == expected.count)
    }

    @Test func everyTypeHasOneExample() {
        let exampleTypes = Examples.all.map(\.eventType)
        #expect(Set(exampleTypes) == Set(EventType.all))
        #expect(exampleTypes.count == EventType.all.count)
    }

    @Test func typesAreUniqueAndVersioned() {
        #expect(Set(EventType.all).count == EventType.all.count)
        for type in EventType.all {
            #expect(type.version == 1, "\(type)")
            #expect(type.rawValue.wholeMatch(of: #/[a-z]+(\.[a-z]+)+\.v[0-9]+/#) != nil, "\(type)")
        }
        #expect(EventType(rawValue: "frb.event.received.v12").version == 12)
        #expect(EventType(rawValue: "frb.event.received").version == nil)
        #expect(EventType.frbEventStored.description == "frb.event.stored.v1")
    }

    @Test("schema names its own type", arguments: EventType.all)
    func schemaNamesItsType(type: EventType) throws {
        guard case .object(let schema) = try SchemaFiles.validator(for: type).root,
              case .object(let properties)? = schema["properties"],
              case .object(let typeProperty)? = properties["type"]
        else {
            Issue.record("\(type): schema has no properties.type")
            return
        }
        #expect(typeProperty["const"] == .string(type.rawValue))
        #expect(schema["title"] == .string(type.rawValue))
    }
}
