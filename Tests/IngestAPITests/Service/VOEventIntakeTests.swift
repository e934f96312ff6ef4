import Foundation
import Hummingbird
import HummingbirdTesting
@testable import IngestAPI
import Messaging
import Schema
import Testing
import TestSupport

/// VOEvents over HTTP and VTP: valid packets are published once and acknowledged after the confirm;
/// duplicates (same IVORN or bytes) are acknowledged but not published again; invalid ones are refused.
@Suite struct VOEventIntakeTests {
    /// A real packet with its IVORN made unique to this run, since ingest remembers every IVORN it accepted.
    static func uniquePacket(_ name: String) throws -> [UInt8] {
        let text = String(decoding: try VTPFixtures.bytes(name), as: UTF8.self)
        let start = try #require(text.range(of: "ivorn=\""))
        let end = try #require(text[start.upperBound...].firstIndex(of: "\""))
        return Array((text[..<end] + "_" + TestInfrastructure.uniqueName("run") + text[end...]).utf8)
    }

    @Test func httpAcceptsOncePerPacket() async throws {
        let harness = try IngestHarness()
        let (application, _) = try await harness.build()
        let observer = try await harness.observer()
        let xml = try Self.uniquePacket("SWIFT00.xml")
        let headers: HTTPFields = [.contentType: "application/xml", .authorization: harness.basicAuthorization]
        try await application.test(.router) { client in
            for expected in ["accepted", "duplicate"] {
                try await client.execute(uri: "/api/v1/voevents", method: .post, headers: headers, body: ByteBuffer(bytes: xml)) { response in
                    #expect(response.status == .accepted)
                    let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                    #expect(object?["status"] == expected)
                }
            }
            try await client.execute(uri: "/api/v1/voevents", method: .post, headers: headers,
                                     body: ByteBuffer(bytes: VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo://example/stream""#))) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("local"))
            }
            try await client.execute(uri: "/api/v1/voevents", method: .post,
                                     headers: [.contentType: "application/json", .authorization: harness.basicAuthorization],
                                     body: ByteBuffer(bytes: xml)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
        let events = try await collect(1, from: observer)
        #expect(try EventSchemas.violations(of: events[0].body, type: events[0].routingKey).isEmpty)
        let packet = try Event<VOEventReceived>.decode(from: events[0].body).data.voevent
        #expect(packet.receivedVia == .http && packet.xml == String(decoding: xml, as: UTF8.self))
        await #expect(throws: TimedOut.self) { _ = try await collect(1, from: observer, within: .seconds(1)) }
        await observer.stop()
        await harness.cleanUp()
    }

    @Test func vtpAcksNaksAndDeduplicates() async throws {
        let harness = try IngestHarness()
        let (application, services) = try await harness.build()
        let observer = try await harness.observer()
        let xml = try Self.uniquePacket("LVC_real_preliminary.xml")
        try await application.test(.live) { _ in
            let port = try #require(await services.vtpPort)
            for _ in 0..<2 {
                let exchange = try await VTPTestClient.submit(xml, port: port)
                let reply = try TransportReply(parsing: try #require(exchange.onlyReply))
                #expect(reply.role == "ack")
                #expect(reply.text("Response") == "ivo://burstwire.local/ingest")
            }
            let bad = try await VTPTestClient.submit(Array("<not-a-voevent/>".utf8), port: port)
            let nak = try TransportReply(parsing: try #require(bad.onlyReply))
            #expect(nak.role == "nak")
            #expect(nak.text("Meta/Result")?.isEmpty == false)
        }
        let events = try await collect(1, from: observer)
        #expect(try EventSchemas.violations(of: events[0].body, type: events[0].routingKey).isEmpty)
        let packet = try Event<VOEventReceived>.decode(from: events[0].body).data.voevent
        #expect(packet.receivedVia == .vtp && packet.remoteAddress?.contains("127.0.0.1") == true)
        await #expect(throws: TimedOut.self) { _ = try await collect(1, from: observer, within: .seconds(1)) }
        await observer.stop()
        await harness.cleanUp()
    }
}
