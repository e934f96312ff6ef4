import Foundation
import Testing
@testable import TelescopeTrigger

/// A small packet in GCN's shape; each expectation below was checked against TraceT's parse of the same text.
private func packet(
    _ ivorn: String, role: String = "observation", params: String = "<Param name=\"TrigID\" value=\"7\"/>",
    description: String = "<Description>notice</Description>", system: String = "UTC-FK5-GEO",
    error: String = "<Error2Radius>0.5</Error2Radius>", tail: String = ""
) -> [UInt8] {
    Array("""
        <voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0" ivorn="\(ivorn)" role="\(role)" version="2.0">
          <Who><Date>2023-05-18T13:00:00</Date></Who>
          <What>\(params)\(description)</What>
          <WhereWhen><ObsDataLocation><ObservationLocation><AstroCoords coord_system_id="\(system)">
            <Time><TimeInstant><ISOTime>2023-05-18T12:59:08.5</ISOTime></TimeInstant></Time>
            <Position2D unit="deg"><Value2><C1>10.5</C1><C2>-20.25</C2></Value2>\(error)</Position2D>
          </AstroCoords></ObservationLocation></ObsDataLocation></WhereWhen>\(tail)
        </voe:VOEvent>
        """.utf8)
}

private func params(_ pairs: KeyValuePairs<String, String>) -> String {
    pairs.map { "<Param name=\"\($0.key)\" value=\"\($0.value)\"/>" }.joined()
}

@Suite("AlertParser: TraceT's rules and quirks")
struct AlertParserQuirkTests {
    @Test("a lost star tracker lock ignores the notice and marks its event type")
    func starTrackerLost() throws {
        let lost = try TraceTFixtures.parse("SWIFT04.xml")
        #expect(lost.eventType == "BAT_GRB_Pos SWIFT lost star tracker")
        #expect(lost.ignore)
        #expect(lost.sourceType == "GRB")
        #expect(lost.role == "observation")
        #expect(try TraceTFixtures.parse("SWIFT_not_Lost_starlock.xml").ignore == false)
    }

    @Test("a sub-sub-threshold Swift notice of a flare star is no flare star; its IVORN types and ids it oddly")
    func subSubThreshold() throws {
        let event = try TraceTFixtures.parse("Swift_CFTUC_sub_sub_threshold.xml")
        #expect(event.sourceName == "CF Tuc")
        #expect(event.sourceType == nil)
        #expect(event.eventType == "BAT_Known_Pos_-")
        #expect(event.trigId == "-2032248730")
        #expect(event.ignore)
        #expect(event.role == nil)  // an ignored pair returns before the role is read
    }

    @Test("MAXI names are trimmed and matched as substrings; a name written without its space is missed")
    func maxiNames() throws {
        let atMic = try TraceTFixtures.parse("MAXI_ATMic.xml")
        #expect(atMic.sourceName == "AT Mic")
        #expect(atMic.sourceType == "FS")
        #expect(atMic.ignore)  // MAXI_Known_source_Pos is not a pair TraceT follows
        let hr1099 = try TraceTFixtures.parse("MAXI_HR1099_stupid_name.xml")
        #expect(hr1099.sourceName == "flare from HR1099")
        #expect(hr1099.sourceType == nil)
    }

    @Test("an unknown IVORN names the telescope by its path; a Fermi alert is ignored before its params")
    func unknownAndIgnoredStreams() throws {
        let counterpart = try TraceTFixtures.parse("group_04_04_COUNTERPART.xml")
        #expect(counterpart.telescope == "COUNTERPART")
        #expect(counterpart.eventType == "Position")
        #expect(counterpart.ignore)
        let alert = try TraceTFixtures.parse("Fermi00.xml")
        #expect(alert.eventType == "GBM_Alert")
        #expect(alert.ignore)
        #expect(alert.sequenceNum == nil && alert.role == nil)
        #expect(alert.raHMS == "0:00:00" && alert.decDMS == "0:00:00")
    }

    @Test("LVC: a burst is ignored and skips the probabilities; a retraction carries none and no message")
    func lvcBurstAndRetraction() throws {
        let burst = try TraceTFixtures.parse("LVC_real_burst.xml")
        #expect(burst.isBurst == true && burst.ignore)
        #expect(burst.lvcFalseAlarmRate == nil)
        #expect(burst.lvcSkymapFits == "https://gracedb.ligo.org/api/superevents/S230531f/files/olib.multiorder.fits,0")
        let retraction = try TraceTFixtures.parse("LVC_real_retraction.xml")
        #expect(retraction.eventType == "Retraction" && !retraction.ignore)
        #expect(retraction.lvcIncludesNeutronStarProbability == nil && retraction.lvcRetractionMessage == nil)
        #expect(retraction.ra == nil && retraction.raHMS == nil)
        #expect(try TraceTFixtures.parse("LVC_real_early_warning_single_instrument.xml").lvcInstruments == "H1")
    }

    @Test("a test packet keeps its role and is timed six minutes before now")
    func testRole() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let xml = packet("ivo://nasa.gsfc.gcn/Antares_Alert#1", role: "test", params: params(["TrigID": "7", "ranking": "2"]))
        let event = try AlertParser.parse(xml, now: now)
        #expect(event.role == "test")
        #expect(event.eventObserved == now.addingTimeInterval(-360))
        #expect(!event.ignore)
    }

    @Test("isRealAlert ignores only when empty: Python's `not \"false\"` is False", arguments: [("", true), ("false", false)])
    func isRealAlert(value: String, ignored: Bool) throws {
        let xml = packet("ivo://nasa.gsfc.gcn/Antares_Alert#1", params: params(["TrigID": "7", "ranking": "2", "isRealAlert": value]))
        #expect(try AlertParser.parse(xml).ignore == ignored)
    }

    @Test("LVC Significant is Python's bool() of its text, so \"false\" is true")
    func lvcSignificant() throws {
        let values: KeyValuePairs = [
            "GraceID": "S1", "HasNS": "0.5", "FAR": "1e-9", "Significant": "false", "EventPage": "u", "BNS": "0.1",
            "NSBH": "0.2", "BBH": "0.3", "Terrestrial": "0.4", "Instruments": "H1,L1,V1",
        ]
        let event = try AlertParser.parse(packet("ivo://gwnet/LVC#S1-1-Preliminary", params: params(values)))
        #expect(event.lvcSignificant == true)
        #expect(event.lvcFalseAlarmRate == 1e-9)
        #expect(event.trigId == "S1" && event.sourceType == "GW")
    }

    @Test("without any id TraceT makes up a 12-digit one; H.E.S.S. takes the Swift id it cites")
    func trigIds() throws {
        let made = try AlertParser.parse(packet("ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1-1", params: params(["GRB_Identified": "true"])))
        #expect(made.selfGeneratedTrigId)
        #expect(made.trigId?.count == 12 && made.trigId?.allSatisfy(\.isNumber) == true)
        let citation = "<Citations><EventIVORN cite=\"followup\">ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1102329-658</EventIVORN></Citations>"
        let hess = try AlertParser.parse(packet(
            "ivo://HESS/GRB#x", params: params(["observation_duration": "60", "significance": "0.5"]), tail: citation))
        #expect(hess.trigId == "1102329" && !hess.selfGeneratedTrigId)
        #expect(hess.eventType == "GRB_To" && hess.sourceType == "GRB" && hess.eventDuration == 60)
    }

    @Test("a position without an error radius is no position")
    func positionNeedsError() throws {
        let event = try AlertParser.parse(packet("ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1-1", error: ""))
        #expect(event.ra == nil && event.dec == nil && event.err == nil && event.raHMS == nil)
        #expect(event.eventObserved == Date(timeIntervalSince1970: 1_684_414_748.5))
    }

    @Test("event types cut at the first digit as Python's loop does", arguments: [
        ("ivo://nasa.gsfc.gcn/SWIFT#Position", "SWIFT", "Positio"),  // no digit: the last letter goes too
        ("ivo://example.org/Thing#12_", "Thing", "12"),  // a digit first: Python's s[-1] is the "_"
        ("ivo://nasa.gsfc.gcn/SWIFT#XRT_Pos_1-1", "SWIFT", "XRT_Pos"),
    ])
    func eventTypes(ivorn: String, telescope: String, eventType: String) throws {
        let event = try AlertParser.parse(packet(ivorn))
        #expect(event.telescope == telescope)
        #expect(event.eventType == eventType)
    }

    @Test("a GRB by name alone, when Swift has no GRB_Identified")
    func grbByName() throws {
        let why = "<Why><Inference><Name>GRB 230101A</Name></Inference></Why>"
        let event = try AlertParser.parse(packet("ivo://nasa.gsfc.gcn/SWIFT#XRT_Pos_1-1", tail: why))
        #expect(event.sourceName == "GRB 230101A" && event.sourceType == "GRB" && event.grbIdent == nil)
    }

    @Test("refused where TraceT raises", arguments: [
        (packet("ivo://nasa.gsfc.gcn/Fermi#GBM_Flt_Pos_1", system: "TT-ICRS-TOPO"), "coord_system_id \"TT-ICRS-TOPO\""),
        (packet("ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_1-1", description: ""), "the SWIFT packet has no What/Description"),
        (packet("ivo://nasa.gsfc.gcn/Fermi#GBM_Flt_Pos_1"), "no Sequence_Num Param"),
        (packet("ivo://nasa.gsfc.gcn/Antares_Alert#1", params: params(["TrigID": "7", "ranking": "2.5"])),
         "Param ranking value \"2.5\" is not a number"),
    ])
    func refusals(xml: [UInt8], reason: String) throws {
        let error = #expect(throws: AlertParseError.self) { try AlertParser.parse(xml) }
        #expect(error?.reason.hasPrefix(reason) == true, "\(error?.reason ?? "no error")")
    }
}
