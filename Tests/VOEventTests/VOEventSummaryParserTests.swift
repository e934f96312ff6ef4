import Foundation
import Schema
import Testing
import VOEvent

/// Real packets from `Tests/Fixtures/data` (a copy of the project's shared test data): TraceT's test events (`voevents/tracet`, where the `.yaml`
/// beside a packet holds TraceT's own parse of it) and the FRB VOEvent templates (`voevent-schema`).
enum VOEventFixtures {
    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // VOEventTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/data")
    static let tracet = data.appendingPathComponent("voevents/tracet")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: data.appendingPathComponent(relativePath)))
    }

    static func summary(_ relativePath: String) throws -> VOEventSummary {
        try VOEventSummaryParser.summary(of: bytes(relativePath))
    }
}

/// Dates are compared to a microsecond: whole seconds plus a decimal fraction need not round to the same Double.
private func isClose(_ date: Date?, _ secondsSince1970: TimeInterval) -> Bool {
    guard let date else { return false }
    return abs(date.timeIntervalSince1970 - secondsSince1970) < 1e-6
}

@Suite("VOEvent summary parser")
struct VOEventSummaryParserTests {
    @Test("reads a Swift BAT position notice: header, position, flattened params")
    func swiftBATNotice() throws {
        let summary = try VOEventFixtures.summary("voevents/tracet/SWIFT#BAT_GRB_Pos_1163119-055.xml")
        #expect(summary.stream == "nasa.gsfc.gcn/SWIFT")
        #expect(summary.localId == "BAT_GRB_Pos_1163119-055")
        #expect(summary.authorIvorn == "ivo://nasa.gsfc.tan/gcn")
        #expect(summary.authorShortName == "VO-GCN")
        #expect(isClose(summary.date, 1_680_724_698))  // 2023-04-05T19:58:18, no zone: UTC
        // The VOEvent-level Description is blank, so What's is used, not Who's or a Group's.
        #expect(summary.description == "Type=61: The Swift-BAT instrument position notice.")
        let position = try #require(summary.position)
        #expect(position.ra == 271.4672)
        #expect(position.dec == -47.0704)
        #expect(position.errorRadius == 0.05)
        #expect(position.coordSystem == "UTC-FK5-GEO")
        #expect(isClose(position.time, 1_680_724_683.5))  // 2023-04-05T19:58:03.50
        #expect(summary.params.count == 81)
        #expect(summary.params.first == VOEventParam(name: "Packet_Type", value: "61"))
        #expect(summary.params.contains(VOEventParam(name: "Rate_Signif", value: "22.91", unit: "sigma", ucd: "stat.snr")))
        #expect(summary.params.contains(VOEventParam(name: "Merit_Val3", value: "-1", unit: "dn", group: "Merit_Values")))
        #expect(summary.params.contains(
            VOEventParam(name: "Sun_RA", value: "14.53", unit: "deg", ucd: "pos.eq.ra", group: "Obs_Support_Info")))
        // A Param after a Group is back at the top level.
        #expect(summary.params.contains(VOEventParam(name: "Coords_Type", value: "1", unit: "dn")))
        #expect(summary.citations.isEmpty)
    }

    /// ra, dec, err and event_observed from the `.yaml` TraceT wrote for each packet.
    @Test("agrees with TraceT's position and event time", arguments: [
        ("Antares_1438351269.xml", 156.957, -21.274, 0.325, 1_574_805_334.0),
        ("Fermi_GRB.xml", 241.6167, 48.4167, 4.7333, 1_511_674_723.71),
        ("HD_8537_FLARE_STAR_TEST.xml", 20.7863, 7.4438, 0.05, 1_518_130_739.55),
        ("HESS_test_event.xml", 320.7943, -0.2232, 0.05, 1_649_783_208.8),
        ("IceCube_134191_017593623_0.xml", 143.4519, 3.7891, 0.9201, 1_592_232_557.37),
        ("SWIFT#BAT_GRB_Pos_1163119-055.xml", 271.4672, -47.0704, 0.05, 1_680_724_683.5),
        ("SWIFT00.xml", 45.0, -80.0, 0.05, 1_505_180_056.93),
        ("SWIFT_BAT_Lightcurve.xml", 18.4033, 44.4885, 0.05, 1_677_563_450.25),
        ("SWIFT_Point_Dir_Change.xml", 11.5836, -72.6159, 0.0, 1_511_857_358.0),
        ("fermi_GBM_00.xml", 322.13, 56.49, 24.62, 1_682_328_402.92),
    ])
    func traceTExpectations(file: String, ra: Double, dec: Double, errorRadius: Double, time: TimeInterval) throws {
        let position = try #require(try VOEventFixtures.summary("voevents/tracet/\(file)").position)
        #expect(position.ra == ra)
        #expect(position.dec == dec)
        #expect(position.errorRadius == errorRadius)
        #expect(position.coordSystem == "UTC-FK5-GEO")
        #expect(isClose(position.time, time))
    }

    @Test("an LVC notice has no Position2D, so no position; its header and grouped params are read")
    func lvcEarlyWarning() throws {
        let summary = try VOEventFixtures.summary("voevents/tracet/LVC_real_early_warning.xml")
        #expect(summary.stream == "gwnet/LVC")
        #expect(summary.localId == "S230518h-1-EarlyWarning")
        #expect(summary.position == nil)  // TraceT's yaml: ra, dec, err null
        #expect(isClose(summary.date, 1_684_959_753))  // 2023-05-24T20:22:33Z
        #expect(summary.authorShortName == nil)
        #expect(summary.description == "Early warning report of a candidate gravitational wave event")
        #expect(summary.params.count == 21)
        #expect(summary.params.contains(VOEventParam(name: "GraceID", value: "S230518h", ucd: "meta.id")))
        #expect(summary.params.contains { $0.group == "Classification" })
    }

    @Test("reads citations in order, and drops the empty EventIVORN of GCN's Antares notices")
    func citations() throws {
        #expect(try VOEventFixtures.summary("voevents/tracet/Fermi_GRB.xml").citations == [
            VOEventCitation(ivorn: "ivo://nasa.gsfc.gcn/Fermi#GBM_Alert_2017-11-26T05:38:43.71_533367528_1-272", cite: .followup),
        ])
        #expect(try VOEventFixtures.summary("voevents/tracet/LVC_real_update.xml").citations == [
            VOEventCitation(ivorn: "ivo://gwnet/LVC#S230518h-2-Initial", cite: .supersedes),
            VOEventCitation(ivorn: "ivo://gwnet/LVC#S230518h-1-Preliminary", cite: .supersedes),
        ])
        #expect(try VOEventFixtures.summary("voevents/tracet/Antares_1438351269.xml").citations.isEmpty)
    }

    @Test("FRB example: a local id with a slash, Params with Description children, six-digit fractions")
    func frbDetection() throws {
        let summary = try VOEventFixtures.summary("voevent-schema/01-Detection.filled-example.xml")
        #expect(summary.stream == "example.org/craft")
        #expect(summary.localId == "FRB1711171221/58074.5")
        #expect(summary.authorIvorn == "ivo://example.org/contact")
        #expect(summary.authorShortName == nil)
        #expect(summary.description == nil)
        #expect(isClose(summary.date, 1_510_921_800))  // 2017-11-17T12:30:00
        #expect(summary.position == VOEventPosition(
            ra: 77.01461542, dec: 26.06069556, errorRadius: 0.05, coordSystem: "UTC-FK5-GEO", time: summary.position?.time))
        #expect(isClose(summary.position?.time, 1_510_921_298.87))  // 2017-11-17T12:21:38.870000
        #expect(summary.params.count == 20)
        #expect(summary.params.contains(VOEventParam(name: "beam", value: "1", group: "observatory parameters")))
        #expect(summary.params.contains(
            VOEventParam(name: "dm", value: "411.0", unit: "pc/cm^3", ucd: "phys.dispMeasure", group: "event parameters")))
    }

    @Test("dates with Z and with milliseconds")
    func dateForms() throws {
        let antares = try VOEventFixtures.summary("voevents/tracet/Antares_observation.xml")
        #expect(isClose(antares.date, 1_455_795_247))  // 2016-02-18T11:34:07Z
        #expect(isClose(antares.position?.time, 1_455_795_242))  // 2016-02-18T11:34:02Z
        // The ObservatoryLocation's AstroCoords (0, 0) precede the event's and must not be taken for it.
        #expect(antares.position?.ra == 12.3456)
        let millis = try VOEventFixtures.summary("voevents/tracet/Antares_1438351269.xml")
        #expect(isClose(millis.date, 1_574_805_348.081))  // 2019-11-26T21:55:48.081
    }

    @Test("any namespace prefix, a <Value> child, the VOEvent-level Description first, zone offsets, microseconds")
    func inlineDocument() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ns0:VOEvent xmlns:ns0="http://www.ivoa.net/xml/VOEvent/v2.0" version="2.0" role="test" \
            ivorn="ivo://burstwire.local#only-local-id">
              <ns0:Who><ns0:Date>2024-03-01T01:30:00.25+02:00</ns0:Date></ns0:Who>
              <What>
                <Param name="flux" unit="Jy"><Value> 1.5 </Value></Param>
                <Param value="nameless"/>
                <Group name="g"><Param name="inner" value="attribute"><Value>child</Value></Param></Group>
                <Description>What's own</Description>
              </What>
              <WhereWhen><ObsDataLocation><ObservationLocation><AstroCoords>
                <Time><TimeInstant><ISOTime>2019-04-10T00:30:29.095986</ISOTime></TimeInstant></Time>
                <Position2D><Value2><C1>0</C1><C2>-90</C2></Value2></Position2D>
              </AstroCoords></ObservationLocation></ObsDataLocation></WhereWhen>
              <Citations><EventIVORN cite="retraction">ivo://burstwire.local#earlier</EventIVORN></Citations>
              <Description><![CDATA[Packet <level>]]></Description>
            </ns0:VOEvent>
            """
        let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
        #expect(summary.stream == "burstwire.local")
        #expect(summary.localId == "only-local-id")
        #expect(isClose(summary.date, 1_709_249_400.25))  // 2024-02-29T23:30:00.25Z
        #expect(summary.params == [
            VOEventParam(name: "flux", value: "1.5", unit: "Jy"),
            VOEventParam(name: "inner", value: "attribute", group: "g"),
        ])
        #expect(summary.description == "Packet <level>")
        #expect(summary.citations == [VOEventCitation(ivorn: "ivo://burstwire.local#earlier", cite: .retraction)])
        // No unit means degrees; no coord_system_id, no Error2Radius.
        #expect(summary.position == VOEventPosition(ra: 0, dec: -90, time: summary.position?.time))
        #expect(isClose(summary.position?.time, 1_554_856_229.095986))  // microseconds survive
    }

    @Test("every TraceT packet but the deliberately broken one is summarised")
    func allTraceTPackets() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: VOEventFixtures.tracet.path)
            .filter { $0.hasSuffix(".xml") && $0 != "Swift_unknown_fail.xml" }
        #expect(files.count == 83)
        for file in files {
            let summary = try VOEventFixtures.summary("voevents/tracet/\(file)")
            #expect(!summary.stream.isEmpty && !summary.localId.isEmpty, "\(file)")
            #expect(summary.date != nil, "\(file)")
        }
    }

    @Test("refuses real files it cannot summarise, saying why", arguments: [
        // The root's xsi:schemaLocation uses a prefix the document never declares.
        ("voevents/tracet/Swift_unknown_fail.xml", "the document is not well-formed XML"),
        // The published templates start with a title line before the XML declaration.
        ("voevent-schema/frb-voevent-templates/templates/04-Retraction.xml", "the document is not well-formed XML"),
        ("voevent-schema/vtp/ack.xml", "the root element is <Transport>, not VOEvent"),
        ("voevent-schema/frb-voevent-templates/templates_wellformed/01-Detection.xml",
         #"Who/Date "[YYYY-MM-DDThh:mm:ss]" is not an ISO 8601 date and time"#),
    ])
    func refusesFiles(file: String, reason: String) throws {
        let bytes = try VOEventFixtures.bytes(file)
        let error = #expect(throws: VOEventParseError.self) { try VOEventSummaryParser.summary(of: bytes) }
        #expect(error?.reason.hasPrefix(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("refuses documents it cannot summarise, saying why", arguments: [
        ("", "the document is empty"),
        (#"<VOEvent ivorn="ivo://a.b/c#1"><Who>"#, "the document is not well-formed XML (error at line "),
        (#"<VOEvent version="2.0"/>"#, "the VOEvent has no ivorn attribute"),
        (#"<VOEvent ivorn="ivo://example.org/craft"/>"#,
         #"ivorn "ivo://example.org/craft" is not of the form ivo://authority/resource#local_id"#),
        (#"<VOEvent ivorn="ivo:///craft#1"/>"#, #"ivorn "ivo:///craft#1" needs both an authority and a #local_id"#),
        (#"<VOEvent ivorn="ivo://a.b/c#1"><Who><Date>2023-02-30T00:00:00</Date></Who></VOEvent>"#,
         #"Who/Date "2023-02-30T00:00:00" is not an ISO 8601 date and time"#),
        (#"<VOEvent ivorn="ivo://a.b/c#1"><Citations><EventIVORN cite="[citation relation]">ivo://a.b/c#0</EventIVORN></Citations></VOEvent>"#,
         #"EventIVORN ivo://a.b/c#0 has cite "[citation relation]", not followup, supersedes or retraction"#),
        (position(#"<Position2D unit="deg"><Value2><C1>10</C1></Value2></Position2D>"#),
         "Position2D has only one of C1 and C2"),
        (position(#"<Position2D unit="deg"><Value2><C1>[RA in degrees]</C1><C2>1</C2></Value2></Position2D>"#),
         #"C1 "[RA in degrees]" is not a number"#),
        (position(#"<Position2D unit="rad"><Value2><C1>1</C1><C2>1</C2></Value2></Position2D>"#),
         #"Position2D unit is "rad", not deg"#),
    ])
    func refusesDocuments(xml: String, reason: String) {
        let error = #expect(throws: VOEventParseError.self) { try VOEventSummaryParser.summary(of: Array(xml.utf8)) }
        #expect(error?.reason.hasPrefix(reason) == true, "\(error?.reason ?? "no error")")
    }
}

/// A minimal packet whose observation coordinates are `position2D`.
private func position(_ position2D: String) -> String {
    """
    <VOEvent ivorn="ivo://a.b/c#1"><WhereWhen><ObsDataLocation><ObservationLocation>\
    <AstroCoords coord_system_id="UTC-FK5-GEO">\(position2D)</AstroCoords>\
    </ObservationLocation></ObsDataLocation></WhereWhen></VOEvent>
    """
}
