import Foundation
import Schema
import Testing

@Suite("Envelope and JSON conventions")
struct EnvelopeTests {
    let rating = Event(
        id: "0b7e4f0a-8c55-4d5e-9a61-3f6f9b2d7c10", source: "/burstwire/ingest-api",
        time: utc("2026-11-21T03:37:52.123Z"), subject: "frb/3",
        data: SlackRatingReceived(
            frbId: 3, slackUserId: "U0123ABCD", slackUserName: "jdoe", rating: .reject, actionTs: "1700000005.000200"))

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test func envelopeCarriesCloudEventsAttributes() throws {
        guard case .object(let envelope) = try rawJSON(rating.encode()) else {
            Issue.record("envelope is not an object")
            return
        }
        #expect(envelope["specversion"] == .string("1.0"))
        #expect(envelope["id"] == .string("0b7e4f0a-8c55-4d5e-9a61-3f6f9b2d7c10"))
        #expect(envelope["source"] == .string("/burstwire/ingest-api"))
        #expect(envelope["type"] == .string("slack.rating.received.v1"))
        #expect(envelope["time"] == .string("2026-11-21T03:37:52.123Z"))
        #expect(envelope["datacontenttype"] == .string("application/json"))
        #expect(envelope["subject"] == .string("frb/3"))
        #expect(envelope["traceparent"] == nil)
        #expect(Set(envelope.keys) == ["specversion", "id", "source", "type", "time", "datacontenttype", "subject", "data"])
    }

    @Test func defaultIdIsALowercaseUUIDAndTimeIsKeptToTheMillisecond() {
        let event = Event(source: "/burstwire/test", time: Date(timeIntervalSince1970: 1_795_000_000.123_456_7), data: rating.data)
        #expect(UUID(uuidString: event.id) != nil)
        #expect(event.id == event.id.lowercased())
        #expect(event.time == Date(timeIntervalSince1970: 1_795_000_000.123))
        #expect(Event(source: "/burstwire/test", data: rating.data).id != event.id)
    }

    @Test func mismatchedTypeFailsToDecode() throws {
        let bytes = try rating.encode()
        do {
            _ = try Event<TNSNameAssigned>.decode(from: bytes)
            Issue.record("a slack.rating.received.v1 message decoded as tns.name.assigned.v1")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("slack.rating.received.v1"))
            #expect(context.debugDescription.contains("tns.name.assigned.v1"))
        }

        let renamed = text(bytes).replacingOccurrences(of: "slack.rating.received.v1", with: "slack.rating.received.v2")
        #expect(throws: DecodingError.self) { try Event<SlackRatingReceived>.decode(from: Array(renamed.utf8)) }
    }

    @Test func otherSpecVersionsAndContentTypesFailToDecode() throws {
        let json = text(try rating.encode())
        for (from, to) in [("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""),
                           ("\"datacontenttype\":\"application/json\"", "\"datacontenttype\":\"text/xml\"")] {
            #expect(json.contains(from))
            let changed = Array(json.replacingOccurrences(of: from, with: to).utf8)
            #expect(throws: DecodingError.self) { try Event<SlackRatingReceived>.decode(from: changed) }
        }
    }

    @Test func headerIsReadBeforeThePayload() throws {
        let header = try EventHeader.decode(from: rating.encode())
        #expect(header.type == .slackRatingReceived)
        #expect(header.id == rating.id)
        #expect(header.source == "/burstwire/ingest-api")
        #expect(header.time == rating.time)
        #expect(header.subject == "frb/3")
        #expect(header.traceparent == nil)

        let unknown = text(try rating.encode()).replacingOccurrences(of: "slack.rating.received.v1", with: "future.thing.v3")
        #expect(try EventHeader.decode(from: Array(unknown.utf8)).type.rawValue == "future.thing.v3")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersMakeEncodingThrow(value: Double) {
        var measurement = Examples.measurement
        measurement.dm = value
        let event = Event(source: "/burstwire/test", data: FRBMeasurementReceived(measurement: measurement))
        #expect(throws: EncodingError.self) { try event.encode() }

        let upload = Event(source: "/burstwire/test", data: TransientUploadReceived(
            transients: ["x": YSETransient(name: "x", extras: ["mw_ebv": .number(value)])], receivedAt: Date()))
        #expect(throws: EncodingError.self) { try upload.encode() }
    }

    @Test func datesHaveMillisecondsAndZ() throws {
        let event = Event(source: "/burstwire/test", data: FRBMeasurementReceived(measurement: Examples.measurement))
        guard case .object(let envelope) = try rawJSON(event.encode()),
              case .string(let time)? = envelope["time"],
              case .object(let data)? = envelope["data"],
              case .object(let measurement)? = data["measurement"]
        else {
            Issue.record("unexpected shape")
            return
        }
        let pattern = #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#
        #expect(time.wholeMatch(of: pattern) != nil, "\(time)")
        #expect(measurement["received_at"] == .string("2026-11-21T03:37:52.123Z"))
    }

    @Test func datesDecodeWithoutFractionalSeconds() throws {
        let json = text(try rating.encode()).replacingOccurrences(of: "2026-11-21T03:37:52.123Z", with: "2026-11-21T03:37:52Z")
        let decoded = try Event<SlackRatingReceived>.decode(from: Array(json.utf8))
        #expect(decoded.time == utc("2026-11-21T03:37:52.000Z"))
    }

    @Test func keysAreSnakeCase() throws {
        let event = Event(source: "/burstwire/catalog-store", data: FRBMeasurementStored(
            measurement: Examples.measurement, frb: Examples.namedFRB, observation: Examples.observation,
            isFirstMeasurement: true, imageUrls: Examples.imageUrls))
        let json = text(try event.encode())
        for key in ["is_first_measurement", "image_urls", "ra_hms", "dec_dms", "ra_pos_error", "dm_err", "rm_err",
                    "fluence_err", "error_ellipse", "received_at", "frb_id", "measurement_id", "observation_id",
                    "time_of_arrival", "tns_name", "beam_semi_major_axis", "bits_per_sample", "centre_frequency",
                    "content_type", "byte_count", "original_filename", "sha256"] {
            #expect(json.contains("\"\(key)\":"), "missing key \(key)")
        }
        var keys: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                keys += members.keys
                members.values.forEach(collect)
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(try rawJSON(event.encode()))
        let notSnake = keys.filter { $0.wholeMatch(of: #/[a-z][a-z0-9]*(_[a-z0-9]+)*/#) == nil }
        #expect(notSnake.isEmpty, "\(notSnake)")
    }

    @Test func clientKeysInsideMapsAreKeptVerbatim() throws {
        let bytes = try #require(Examples.example(for: .transientUploadReceived)).encoded()
        let json = text(bytes)
        for key in ["\"2019np\":", "\"ZTF\":", "\"TNS_flags\":", "\"mw_ebv\":", "\"diffimg\":", "\"mjdmatchmin\":"] {
            #expect(json.contains(key), "missing \(key)")
        }
    }

    @Test func slashesAreNotEscaped() throws {
        #expect(text(try rating.encode()).contains("\"/burstwire/ingest-api\""))
    }

    @Test func outputIsStableWithSortedKeys() throws {
        let json = text(try rating.encode())
        let order = ["\"data\"", "\"datacontenttype\"", "\"id\"", "\"source\"", "\"specversion\"", "\"subject\"", "\"time\"", "\"type\""]
        let positions = order.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(try rating.encode() == rating.encode())
    }

    @Test func triggerCompletedNeverCarriesTheSecureKey() throws {
        let event = try #require(Examples.example(for: .triggerCompleted) as? Event<TriggerCompleted>)
        #expect(event.data.requestParameters["secure_key"] == nil)
        #expect(event.data.requestParameters["project_id"] == "G0055")
        let json = text(try event.encode())
        #expect(!json.contains("secure_key"))
        #expect(!json.contains("must-not-travel"))

        let leaked = json.replacingOccurrences(of: "\"project_id\":", with: "\"secure_key\":\"x\",\"project_id\":")
        let violations = try SchemaFiles.validator(for: .triggerCompleted).validate(rawJSON(Array(leaked.utf8)))
        #expect(violations == ["/data/request_parameters/secure_key: no value is allowed here"])
    }

    @Test func jsonValueRoundTripsEveryKind() throws {
        let value = JSONValue.object([
            "null": .null, "bool": .bool(false), "number": .number(-1.5e-3), "string": .string("Ä/\"x\""),
            "array": .array([.number(1), .string("two"), .array([])]), "Mixed_Case": .object([:]),
        ])
        let encoded = try EventJSON.encoder().encode(value)
        #expect(try EventJSON.decoder().decode(JSONValue.self, from: encoded) == value)
    }
}
