import Foundation
import Schema
import Testing
import Yams
@testable import TelescopeTrigger

/// TraceT's own test data from `Tests/Fixtures/data`: its proposal fixtures (`mwa/fixtures`, Django fixture
/// lists) and its test events (`voevents/tracet`, where a `.yaml` beside a packet is TraceT's parse of it).
enum RulesFixtures {
    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Rules
        .deletingLastPathComponent()  // TelescopeTriggerTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/data")

    /// A fixed "now" for rules that do not depend on the event's age.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: data.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The Django fixture's `trigger_app.proposalsettings` fields become our proposals file (snake_case keys
    /// as they are). The `telescopeprojectid` entry, which holds the project's password, is left behind.
    static func proposal(_ name: String) throws -> ProposalSettings {
        let root = try #require(try Yams.compose(yaml: text("mwa/fixtures/\(name).yaml"))?.sequence)
        let entry = try #require(root.first { $0.mapping?["model"]?.string == "trigger_app.proposalsettings" })
        let fields = try #require(entry.mapping?["fields"])
        let file = Node([(Node("proposals"), Node([fields]))])
        return try #require(Proposals.load(yaml: Yams.serialize(node: file)).proposals.first)
    }

    /// TraceT's parse of a test event (keys telescope, event_type, trig_id, ...) as an `AlertEvent`.
    static func event(_ name: String) throws -> AlertEvent {
        let values = try #require(try Yams.load(yaml: text("voevents/tracet/\(name).yaml")) as? [String: Any])
        func double(_ key: String) -> Double? {
            switch values[key] {
            case let value as Double: value
            case let value as Int: Double(value)
            case let value as String: Double(value)
            default: nil
            }
        }
        func string(_ key: String) -> String? {
            values[key].flatMap { $0 is NSNull ? nil : "\($0)" }
        }
        func bool(_ key: String) -> Bool? {
            (values[key] as? Bool) ?? string(key).flatMap { Bool($0.lowercased()) }
        }
        var event = AlertEvent()
        event.telescope = string("telescope")
        event.eventType = string("event_type")
        event.trigId = string("trig_id")
        event.selfGeneratedTrigId = bool("self_generated_trig_id") ?? false
        event.sequenceNum = values["sequence_num"] as? Int
        event.role = string("role")
        event.sourceType = string("source_type")
        event.sourceName = string("source_name")
        event.ra = double("ra")
        event.dec = double("dec")
        event.err = double("err")
        event.raHMS = string("ra_hms")
        event.decDMS = string("dec_dms")
        event.eventObserved = values["event_observed"] as? Date
        event.eventDuration = double("event_duration")
        event.ignore = bool("ignore") ?? false
        event.fermiMostLikelyIndex = double("fermi_most_likely_index")
        event.fermiDetectionProb = double("fermi_detection_prob")
        event.swiftRateSignif = double("swift_rate_signif")
        event.hessSignificance = double("hess_significance")
        event.antaresRanking = values["antares_ranking"] as? Int
        event.grbIdent = bool("grb_ident")
        event.isBurst = bool("is_burst")
        event.lvcFalseAlarmRate = double("lvc_false_alarm_rate")
        event.lvcBinaryNeutronStarProbability = double("lvc_binary_neutron_star_probability")
        event.lvcNeutronStarBlackHoleProbability = double("lvc_neutron_star_black_hole_probability")
        event.lvcBinaryBlackHoleProbability = double("lvc_binary_black_hole_probability")
        event.lvcTerrestialProbability = double("lvc_terrestial_probability")
        event.lvcIncludesNeutronStarProbability = double("lvc_includes_neutron_star_probability")
        event.lvcRetractionMessage = string("lvc_retraction_message")
        event.lvcSkymapFile = string("lvc_skymap_file")
        event.lvcSkymapFits = string("lvc_skymap_fits")
        event.lvcEventURL = string("lvc_event_url")
        event.lvcInstruments = string("lvc_instruments")
        event.lvcSignificant = bool("lvc_significant")
        return event
    }

    /// Events that have only an XML packet in the fixtures, with the values TraceT's parser takes from it
    /// (read off the packet by hand, so these tests do not depend on our XML parser).
    static func swift(trigId: String, type: String, ra: Double, dec: Double, err: Double,
                      duration: Double? = nil, rateSignif: Double? = nil) -> AlertEvent {
        alert("SWIFT", type, trigId: trigId, sourceType: "GRB", ra: ra, dec: dec, err: err) {
            $0.eventDuration = duration
            $0.swiftRateSignif = rateSignif
        }
    }

    /// Fermi GBM flight positions: Most_Likely_Index 4 with probability 94 in every TraceT test packet.
    static func fermi(trigId: String, ra: Double, dec: Double, err: Double, duration: Double) -> AlertEvent {
        alert("Fermi", "GBM_Flt_Pos", trigId: trigId, sourceType: "GRB", ra: ra, dec: dec, err: err) {
            $0.eventDuration = duration
            $0.fermiMostLikelyIndex = 4
            $0.fermiDetectionProb = 94
        }
    }

    static func alert(_ telescope: String, _ type: String, trigId: String, sourceType: String, ra: Double? = nil, dec: Double? = nil,
                      err: Double? = nil, configure: (inout AlertEvent) -> Void = { _ in }) -> AlertEvent {
        var event = AlertEvent()
        event.telescope = telescope
        event.eventType = type
        event.trigId = trigId
        event.role = "observation"
        event.sourceType = sourceType
        event.ra = ra
        event.dec = dec
        event.err = err
        configure(&event)
        return event
    }
}

extension Decision {
    /// Whether some line of the reason log says this.
    func logged(_ text: String) -> Bool {
        log.contains { $0.message.contains(text) }
    }
}
