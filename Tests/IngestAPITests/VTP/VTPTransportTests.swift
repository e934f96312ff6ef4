import Foundation
import Testing
import VOEvent
@testable import IngestAPI

@Suite("VTP Transport messages")
struct VTPTransportTests {
    /// The TimeStamp of the Comet samples, 2026-11-21T00:38:24Z.
    static let sampleTime = Date(timeIntervalSince1970: 1_795_221_504)

    @Test("an ack is byte for byte what Comet 3.1.0 prints")
    func ackMatchesComet() throws {
        let ack = VTPTransport.ack(origin: "ivo://example.org/craft#FRB1711171221/58074.5", localIVO: "ivo://test.local/broker",
                                   timestamp: Self.sampleTime)
        #expect(ack == (try VTPFixtures.bytes("ack.xml")))
    }

    @Test("a nak is byte for byte what Comet 3.1.0 prints")
    func nakMatchesComet() throws {
        let nak = VTPTransport.nak(origin: "ivo://example.org/craft#FRB1711171221/58074.5", localIVO: "ivo://test.local/broker",
                                   reason: "Event rejected: Previously seen by this broker", timestamp: Self.sampleTime)
        #expect(nak == (try VTPFixtures.bytes("nak.xml")))
    }

    @Test("ack and nak have the samples' elements, attributes and namespace")
    func structure() throws {
        let sampleAck = try TransportReply(parsing: VTPFixtures.bytes("ack.xml"))
        let sampleNak = try TransportReply(parsing: VTPFixtures.bytes("nak.xml"))
        let ack = try TransportReply(parsing: VTPTransport.ack(origin: "ivo://a.b/c#1", localIVO: "ivo://burstwire.local/ingest"))
        let nak = try TransportReply(parsing: VTPTransport.nak(origin: "ivo://a.b/c#1", localIVO: "ivo://burstwire.local/ingest",
                                                               reason: "no"))
        for (built, sample) in [(ack, sampleAck), (nak, sampleNak)] {
            #expect(built.rootName == sample.rootName)
            #expect(built.rootNamespace == VTPTransport.namespace)
            #expect(built.rootNamespace == sample.rootNamespace)
            #expect(Set(built.rootAttributes.keys) == Set(sample.rootAttributes.keys))
            #expect(built.elements == sample.elements)
        }
        #expect(ack.role == "ack")
        #expect(nak.role == "nak")
        #expect(nak.elements == ["Origin", "Response", "TimeStamp", "Meta", "Meta/Result"])
        #expect(nak.text("Meta/Result") == "no")
        #expect(ack.text("Origin") == "ivo://a.b/c#1")
        #expect(ack.text("Response") == "ivo://burstwire.local/ingest")
    }

    @Test("TimeStamp is UTC to the second")
    func timestamp() throws {
        let ack = try TransportReply(parsing: VTPTransport.ack(origin: "ivo://a.b/c#1", localIVO: "ivo://x.y/z",
                                                               timestamp: Date(timeIntervalSince1970: 1_700_000_000.75)))
        #expect(ack.text("TimeStamp") == "2023-11-14T22:13:20Z")
    }

    @Test("text is escaped as lxml escapes it, and characters XML cannot carry are replaced")
    func escaping() throws {
        #expect(XMLEscaping.text("a<b>&c\r\n\td\u{1}é") == "a&lt;b&gt;&amp;c&#13;\n\td\u{FFFD}é")
        let nak = try TransportReply(parsing: VTPTransport.nak(origin: "ivo://a.b/c#1&2", localIVO: "ivo://x.y/z",
                                                               reason: "bad <Who> & \u{0}"))
        #expect(nak.text("Meta/Result") == "bad <Who> & \u{FFFD}")
        #expect(nak.text("Origin") == "ivo://a.b/c#1&2")
    }

    @Test("a nak without a reason has no Meta, as Comet's")
    func nakWithoutReason() throws {
        let nak = try TransportReply(parsing: VTPTransport.nak(origin: "ivo://a.b/c#1", localIVO: "ivo://x.y/z", reason: ""))
        #expect(nak.elements == ["Origin", "Response", "TimeStamp"])
    }

    @Test("frames carry a 4-byte big-endian length")
    func framing() throws {
        #expect(VTPFrame.framed([]) == [0, 0, 0, 0])
        #expect(VTPFrame.framed(Array(repeating: 7, count: 258)).prefix(4) == [0, 0, 1, 2])
        let ack = try VTPFixtures.bytes("ack.xml")
        #expect(VTPFrame.framed(ack) == [0x00, 0x00, 0x01, 0xFB] + ack)
    }
}
