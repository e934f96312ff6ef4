import Foundation
import Yams
@testable import TelescopeTrigger

/// TraceT's test events (`Tests/Fixtures/data/voevents/tracet`) and the `.yaml` beside some of them: TraceT's own
/// `parsed_VOEvent.__dict__` for a packet, dumped by its test suite.
enum TraceTFixtures {
    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Alerts
        .deletingLastPathComponent()  // TelescopeTriggerTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/data")
    static let events = data.appendingPathComponent("voevents/tracet")

    /// Sorted names in the events folder ending in `suffix`; empty if the folder is missing, which the count tests catch.
    static func names(endingIn suffix: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: events.path)) ?? []
        return all.filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func packet(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: events.appendingPathComponent(name)))
    }

    static func parse(_ name: String) throws -> AlertEvent {
        try AlertParser.parse(packet(name))
    }

    /// Timestamps stay text, so event_observed can be compared to the microsecond rather than through a Double.
    static func expectation(_ yamlName: String) throws -> [String: Any] {
        let text = try String(contentsOf: events.appendingPathComponent(yamlName), encoding: .utf8)
        let loaded = try Yams.load(yaml: text, Resolver.default.removing(.timestamp))
        return loaded as? [String: Any] ?? [:]
    }

    /// The event under TraceT's names and in its types: grb_ident is the raw "true"/"false", is_burst the Group
    /// value, event_observed microseconds since 1970.
    static func traceTView(_ event: AlertEvent) -> [String: Any?] {
        [
            "telescope": event.telescope, "event_type": event.eventType, "trig_id": event.trigId,
            "self_generated_trig_id": event.selfGeneratedTrigId, "sequence_num": event.sequenceNum, "role": event.role,
            "source_type": event.sourceType, "source_name": event.sourceName, "ra": event.ra, "dec": event.dec,
            "err": event.err, "ra_hms": event.raHMS, "dec_dms": event.decDMS,
            "event_observed": event.eventObserved.map { Int64(($0.timeIntervalSince1970 * 1_000_000).rounded()) },
            "event_duration": event.eventDuration, "ignore": event.ignore,
            "fermi_most_likely_index": event.fermiMostLikelyIndex, "fermi_detection_prob": event.fermiDetectionProb,
            "swift_rate_signif": event.swiftRateSignif, "hess_significance": event.hessSignificance,
            "antares_ranking": event.antaresRanking, "grb_ident": event.grbIdent.map { $0 ? "true" : "false" },
            "is_burst": event.isBurst == true ? "Burst" : nil, "lvc_false_alarm_rate": event.lvcFalseAlarmRate,
            "lvc_binary_neutron_star_probability": event.lvcBinaryNeutronStarProbability,
            "lvc_neutron_star_black_hole_probability": event.lvcNeutronStarBlackHoleProbability,
            "lvc_binary_black_hole_probability": event.lvcBinaryBlackHoleProbability,
            "lvc_terrestial_probability": event.lvcTerrestialProbability,
            "lvc_includes_neutron_star_probability": event.lvcIncludesNeutronStarProbability,
            "lvc_retraction_message": event.lvcRetractionMessage, "lvc_skymap_file": event.lvcSkymapFile,
            "lvc_skymap_fits": event.lvcSkymapFits, "lvc_event_url": event.lvcEventURL,
            "lvc_instruments": event.lvcInstruments, "lvc_significant": event.lvcSignificant,
        ]
    }

    /// A yaml value in the view's terms: TraceT keeps the false alarm rate as text, and YAML dates as
    /// "2017-11-26 05:38:43.710000+00:00" (fraction and zone as Python prints them).
    static func normalised(_ key: String, _ value: Any?) throws -> Any? {
        guard let value, !(value is NSNull) else { return nil }
        switch (key, value) {
        case ("lvc_false_alarm_rate", let text as String):
            return Double(text)
        case ("event_observed", let text as String):
            return try microseconds(pythonUTC: text)
        default:
            return value
        }
    }

    /// Read apart from the parser's own ISO reader, so a calendar slip there cannot hide on both sides.
    static func microseconds(pythonUTC text: String) throws -> Int64 {
        let pattern = #/(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{6}))?\+00:00/#
        guard let match = text.wholeMatch(of: pattern) else { throw AlertParseError("unexpected yaml date \(text)") }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3),
            hour: Int(match.4), minute: Int(match.5), second: Int(match.6))
        guard let whole = utc.date(from: parts) else { throw AlertParseError("unexpected yaml date \(text)") }
        return Int64(whole.timeIntervalSince1970) * 1_000_000 + Int64(match.7.map { Int($0) ?? 0 } ?? 0)
    }

    /// Equal, with numbers (YAML ints and floats alike) within a relative 1e-12.
    static func same(_ actual: Any?, _ expected: Any?) -> Bool {
        switch (actual, expected) {
        case (nil, nil):
            return true
        case let (actual as Bool, expected as Bool):
            return actual == expected
        case let (actual as String, expected as String):
            return actual == expected
        case let (actual as Int64, expected as Int64):
            return actual == expected
        case (let actual?, let expected?):
            guard let a = number(actual), let b = number(expected) else { return false }
            return abs(a - b) <= 1e-12 * max(1, abs(b))
        default:
            return false
        }
    }

    private static func number(_ value: Any) -> Double? {
        switch value {
        case let value as Double: value
        case let value as Int: Double(value)
        default: nil
        }
    }
}
