import Testing
@testable import IngestAPI

@Suite("VOEvent inspector")
struct VOEventInspectorTests {
    @Test("reads the essentials of the filled FRB detection template")
    func frbDetection() throws {
        let essentials = try VOEventInspector.inspect(VTPFixtures.bytes("01-Detection.filled-example.xml"))
        #expect(essentials == VOEventEssentials(
            ivorn: "ivo://example.org/craft#FRB1711171221/58074.5", role: "observation", version: "2.0",
            authority: "example.org", resource: "craft", stream: "example.org/craft", localID: "FRB1711171221/58074.5",
            date: "2017-11-17T12:30:00", sha256: "d3c6d340d6730519c792e8e370323ee8a104c31baff21a2052b47e98100d12ad"))
    }

    @Test("reads real GCN and LVC notices", arguments: [
        ("SWIFT00.xml", "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_772006-7987", "nasa.gsfc.gcn/SWIFT",
         "BAT_GRB_Pos_772006-7987", "2017-09-12T01:34:57", "330e51738536bc03b825b7d7de1a83bde77f994799cf62af2a7d8742a71e5aa4"),
        ("LVC_real_preliminary.xml", "ivo://gwnet/LVC#S230518h-1-Preliminary", "gwnet/LVC",
         "S230518h-1-Preliminary", "2023-05-18T13:38:18Z", "6cf52f9a3c49d4defa64bd0c3ecdda822e9498585961f321a887cbc0844611db"),
    ])
    func realNotices(file: String, ivorn: String, stream: String, localID: String, date: String, sha256: String) throws {
        let essentials = try VOEventInspector.inspect(VTPFixtures.bytes(file))
        #expect(essentials.ivorn == ivorn)
        #expect(essentials.stream == stream)
        #expect(essentials.localID == localID)
        #expect(essentials.role == "observation")
        #expect(essentials.date == date)
        #expect(essentials.sha256 == sha256)
    }

    @Test("role defaults to observation, Who/Date is optional, any namespace prefix is accepted")
    func defaults() throws {
        let xml = Array("""
            <ns0:VOEvent xmlns:ns0="http://www.ivoa.net/xml/VOEvent/v2.0" version="2.0" ivorn="ivo://burstwire.local#only-local-id"/>
            """.utf8)
        let essentials = try VOEventInspector.inspect(xml)
        #expect(essentials.role == "observation")
        #expect(essentials.date == nil)
        #expect(essentials.resource.isEmpty)
        #expect(essentials.stream == "burstwire.local")
        #expect(essentials.localID == "only-local-id")
    }

    @Test("refuses what is not a VOEvent 2.0 packet, saying why", arguments: [
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo://example.org/craft""#),
         #"ivorn "ivo://example.org/craft" has no #local_id"#),
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo://example.org/craft#""#),
         #"ivorn "ivo://example.org/craft#" has no #local_id"#),
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo:///craft#1""#), #"ivorn "ivo:///craft#1" has no authority"#),
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="http://example.org/craft#1""#),
         #"ivorn "http://example.org/craft#1" does not start with ivo://"#),
        (VTPFixtures.voevent(#"version="2.0" role="test" ivorn="ivo://[institute]/[instrument]#FRB1""#),
         #"ivorn authority "[institute]" is not an IVOA authority"#),
        (VTPFixtures.voevent(#"version="2.0" role="test""#), "the VOEvent has no ivorn attribute"),
        (VTPFixtures.voevent(#"version="2.0" role="observe" ivorn="ivo://HESS/GRB#GRB_ToO220413""#),
         #"role "observe" is not one of observation, prediction, utility, test"#),
        (VTPFixtures.voevent(#"version="1.1" role="test" ivorn="ivo://example.org/craft#1""#), #"version is "1.1", not "2.0""#),
        (VTPFixtures.voevent(#"role="test" ivorn="ivo://example.org/craft#1""#), "the VOEvent has no version attribute"),
        (Array(#"<voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v1.1" version="2.0" ivorn="ivo://a.b/c#1"/>"#.utf8),
         "the VOEvent element is in namespace http://www.ivoa.net/xml/VOEvent/v1.1, not http://www.ivoa.net/xml/VOEvent/v2.0"),
        (Array(#"<trn:Transport xmlns:trn="http://www.telescope-networks.org/xml/Transport/v1.1" role="ack"/>"#.utf8),
         "the root element is <trn:Transport>, not VOEvent"),
        ([], "the document is empty"),
        ([0x3C, 0xFF, 0xFE, 0x3E], "the document is not valid UTF-8"),
    ])
    func rejections(xml: [UInt8], reason: String) {
        let rejection = #expect(throws: VOEventRejection.self) { try VOEventInspector.inspect(xml) }
        #expect(rejection?.reason == reason)
    }

    @Test("refuses XML that is not well-formed, saying where", arguments: [
        VTPFixtures.voevent(#"version="2.0" ivorn="ivo://example.org/craft#1""#, body: "<Who></What>"),
        Array("<voe:VOEvent".utf8),
        Array("<voe:VOEvent version='2.0' ivorn='ivo://a.b/c#1'/>".utf8),
        VTPFixtures.voevent(#"version="2.0" ivorn="ivo://a.b/c#1""#) + Array("<extra/>".utf8),
    ])
    func malformed(xml: [UInt8]) {
        let rejection = #expect(throws: VOEventRejection.self) { try VOEventInspector.inspect(xml) }
        #expect(rejection?.reason.hasPrefix("the document is not well-formed XML (error at line ") == true)
    }

    @Test("a rejection after the IVORN was read carries it, for the nak's Origin")
    func rejectionCarriesIVORN() {
        let xml = VTPFixtures.voevent(#"version="2.0" role="observe" ivorn="ivo://HESS/GRB#GRB_ToO220413""#)
        #expect(throws: VOEventRejection(#"role "observe" is not one of observation, prediction, utility, test"#,
                                         ivorn: "ivo://HESS/GRB#GRB_ToO220413")) {
            try VOEventInspector.inspect(xml)
        }
    }

    @Test("refuses a packet over the size limit")
    func oversize() throws {
        let xml = try VTPFixtures.bytes("SWIFT00.xml")
        #expect(throws: VOEventRejection("the document is 7811 bytes, more than the limit of 4096")) {
            try VOEventInspector.inspect(xml, maximumBytes: 4096)
        }
    }

    @Test("refuses any DOCTYPE, so entity expansion never starts")
    func doctype() {
        let billionLaughs = Array("""
            <?xml version="1.0"?>
            <!-- lol -->
            <!DOCTYPE VOEvent [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" version="2.0" ivorn="ivo://a.b/c#&c;"/>
            """.utf8)
        let external = Array("""
            \u{FEFF}<!DOCTYPE VOEvent SYSTEM "file:///etc/passwd"><voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0"/>
            """.utf8)
        let reason = "the document has a DOCTYPE; a VOEvent needs none, and entity declarations are refused"
        #expect(throws: VOEventRejection(reason)) { try VOEventInspector.inspect(billionLaughs) }
        #expect(throws: VOEventRejection(reason)) { try VOEventInspector.inspect(external) }
    }

    @Test("an undeclared entity is malformed, not expanded")
    func undeclaredEntity() {
        let xml = VTPFixtures.voevent(#"version="2.0" ivorn="ivo://a.b/c#1""#, body: "<Who>&lol;</Who>")
        let rejection = #expect(throws: VOEventRejection.self) { try VOEventInspector.inspect(xml) }
        #expect(rejection?.reason.hasPrefix("the document is not well-formed XML") == true)
    }
}
