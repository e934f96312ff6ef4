import Foundation
import Testing
@testable import TelescopeTrigger

@Suite("AlertParser against TraceT's own parses")
struct AlertParserFixtureTests {
    /// TraceT's trigger-logic tests load these two as if parsed from SWIFT00.xml, but their numbers were edited by
    /// hand to steer the logic (duration 1.01 s and 0.222 s, rate significance 0), and their dump predates
    /// is_burst, lvc_instruments and the rename of lvc_significance. Their other fields are SWIFT00's parse.
    static let handEdited: [String: Set<String>] = [
        "SWIFT_Trigger.yaml": ["event_duration", "swift_rate_signif"],
        "SWIFT_pending.yaml": ["event_duration"],
    ]
    /// Keys that are inputs to TraceT's parse rather than results, or that its parse never sets.
    static let notCompared: Set<String> = ["packet", "xml", "trig_pairs", "lvc_prob_density_tile", "lvc_significance"]
    /// The packets TraceT's parser raises on too: an undeclared xsi prefix; 2019 mock LVC notices without Significant.
    static let refused = ["MS190410a-1-Preliminary.xml", "MS190410a-2-Initial.xml", "Swift_unknown_fail.xml"]

    @Test("the fixture folder holds TraceT's 17 expectations and 84 packets")
    func fixtureCounts() {
        #expect(TraceTFixtures.names(endingIn: ".yaml").count == 17)
        #expect(TraceTFixtures.names(endingIn: ".xml").count == 84)
    }

    @Test("every field TraceT wrote for a packet is what we parse", arguments: TraceTFixtures.names(endingIn: ".yaml"))
    func matchesTraceT(yamlName: String) throws {
        let expected = try TraceTFixtures.expectation(yamlName)
        let packetName = try #require((expected["xml"] as? String)?.components(separatedBy: "/").last)
        let actual = TraceTFixtures.traceTView(try TraceTFixtures.parse(packetName))
        let edited = Self.handEdited[yamlName] ?? []
        for key in expected.keys.sorted() where !Self.notCompared.contains(key) {
            #expect(actual.keys.contains(key), "\(yamlName): no field for \(key)")
            let want = try TraceTFixtures.normalised(key, expected[key])
            let got = actual[key] ?? nil
            if edited.contains(key) {
                #expect(!TraceTFixtures.same(got, want), "\(yamlName) \(key): hand-edited value reproduced")
            } else {
                #expect(
                    TraceTFixtures.same(got, want),
                    "\(yamlName) \(key): parsed \(String(describing: got)), TraceT \(String(describing: want))")
            }
        }
        // Keys TraceT's parse never sets are null in every dump that has them.
        #expect(expected["lvc_prob_density_tile"].map { $0 is NSNull } ?? true, "\(yamlName)")
        if edited.isEmpty {
            #expect(Set(actual.keys).subtracting(expected.keys).isEmpty, "\(yamlName): fields TraceT's dump lacks")
        }
    }

    @Test("every packet parses, or is refused with a reason exactly where TraceT's parser raises")
    func everyPacket() throws {
        var refused: [String] = []
        for name in TraceTFixtures.names(endingIn: ".xml") {
            do {
                let event = try TraceTFixtures.parse(name)
                #expect(event.telescope?.isEmpty == false, "\(name)")
                #expect(event.trigId != nil, "\(name)")
            } catch let error as AlertParseError {
                #expect(!error.reason.isEmpty, "\(name)")
                refused.append(name)
            }
        }
        #expect(refused == Self.refused)
    }

    @Test("refusals say why", arguments: [
        ("Swift_unknown_fail.xml", "the document is not well-formed XML"),
        ("MS190410a-1-Preliminary.xml", "no Significant Param, which TraceT requires"),
    ])
    func refusalReasons(name: String, reason: String) throws {
        let error = #expect(throws: AlertParseError.self) { try TraceTFixtures.parse(name) }
        #expect(error?.reason.hasPrefix(reason) == true, "\(error?.reason ?? "no error")")
    }
}
