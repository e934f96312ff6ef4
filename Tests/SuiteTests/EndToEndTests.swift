import Astro
import Database
import Foundation
import HTTPClient
import Schema
import Simulators
import Testing
import TestSupport
import VOEvent

/// The whole chain, as a user meets it: upload_cand.py's requests in, then the catalogue, Slack, TNS, a
/// VOEvent broker and the MWA out — and a Swift BAT VOEvent arriving over VTP. All four services run
/// against the real broker and database; the outside world is the simulators.
@Suite(.serialized) struct EndToEndTests {
    static let fixtures = TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/IngestAPITests/Fixtures")

    /// A moment when the example FRB's position is above 30° at the MWA.
    static func sourceHigh() -> Date {
        let position = EquatorialPosition(rightAscensionDegrees: 77.01461542, declinationDegrees: 26.06069556)
        var date = Date(timeIntervalSince1970: 1_763_683_200)
        while Site.mwa.horizontalPosition(of: position, at: date.addingTimeInterval(50)).altitude.degrees <= 30 { date.addTimeInterval(600) }
        return date
    }

    @Test func anUploadIsStoredAnnouncedNamedAndFollowedUpOnce() async throws {
        let toa = Self.sourceHigh()
        let suite = try await SuiteHarness.start(triggerClockStart: toa.addingTimeInterval(2))
        // upload_cand.py's own inputs, the time of arrival moved to `toa` (the plots beside the radio YAML).
        let toaText = EventTimestamp.string(from: toa)!.replacingOccurrences(of: "Z", with: "")
        let radio = try String(contentsOf: Self.fixtures.appendingPathComponent("radio_example.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "2017-11-17T12:21:38.87", with: toaText)
        try radio.write(to: suite.work.appendingPathComponent("radio.yaml"), atomically: true, encoding: .utf8)
        for plot in ["example_search.png", "example_image.png", "example_histogram.png"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(plot), to: suite.work.appendingPathComponent(plot))
        }
        let upload = try await runProcess(
            ["python3", Self.fixtures.appendingPathComponent("upload_cand_requests.py").path, "http://127.0.0.1:\(SuiteHarness.ports.ingest)",
             "--first", Self.fixtures.appendingPathComponent("observation_example.yaml").path, suite.work.appendingPathComponent("radio.yaml").path],
            environment: ["FRB_USER": suite.user, "FRB_PASS": suite.password])
        #expect(upload.status == 0 && upload.standardError.contains("radio_measurement_create 201"), "\(upload.standardError)")
        let frbId = try #require(Int64(upload.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))

        // Everything, visible through the read API.
        try await eventually("the FRB is stored, named, announced and followed up", within: .seconds(40)) {
            let detail = try await suite.read("frbs/\(frbId)")
            let frb = detail["frb"] as? [String: Any]
            let channels = Set((detail["notifications"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "sent" }.compactMap { $0["channel"] as? String })
            return frb?["tns_name"] != nil && channels.isSuperset(of: ["slack", "tns", "voevent"]) && !(detail["trigger_calls"] as? [Any] ?? []).isEmpty
        }
        let detail = try await suite.read("frbs/\(frbId)")
        let frb = try #require(detail["frb"] as? [String: Any])
        let tnsName = try #require(frb["tns_name"] as? String)
        #expect(tnsName.hasPrefix("FRB 20"))
        let measurements = try #require(detail["measurements"] as? [[String: Any]])
        #expect(measurements.count == 1 && measurements.first?["dm"] as? Double == 411 && measurements.first?["sn"] as? Double == 50)

        // Slack: one announcement with the rating buttons.
        let announcements = suite.simulators.slack.received.filter { $0.json["text"] as? String == "New FRB event (ID: \(frbId))" }
        #expect(announcements.count == 1)
        // TNS: one report under our internal name, and the name it gave is the one the catalogue keeps.
        #expect(suite.simulators.tns.reports.filter { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }.count == 1)
        // The VOEvent: delivered once, valid against the VOEvent 2.0 schema, held by the catalogue as sent.
        let packets = suite.simulators.broker.received.filter { $0.ivorn.hasSuffix("#FRB\(frbId)") }
        #expect(packets.count == 1)
        let packet = try #require(packets.first)
        #expect(try await schemaViolations(String(decoding: packet.xml, as: UTF8.self)) == nil)
        let voevents = try #require(detail["voevents"] as? [[String: Any]])
        #expect(voevents.contains { $0["ivorn"] as? String == packet.ivorn && $0["direction"] as? String == "sent" })

        // The MWA: one pretend buffer dump whose GPS window holds the predicted arrival in the MWA band.
        let dumps = suite.simulators.mwa.calls.filter { $0.service == "triggerbuffer" }
        #expect(dumps.count == 1)
        let dump = try #require(dumps.first)
        let arrival = DispersionMeasure(parsecsPerCubicCentimetre: 411)
        let top = GPSTime(utc: toa.addingTimeInterval(arrival.delaySeconds(lowGHz: 0.20032, highGHz: 1.4))).seconds
        let bottom = GPSTime(utc: toa.addingTimeInterval(arrival.delaySeconds(lowGHz: 0.1696, highGHz: 1.4))).seconds
        let (start, end) = (try #require(Double(dump.parameters["start_time"] ?? "")), try #require(Double(dump.parameters["end_time"] ?? "")))
        #expect(start <= top && bottom <= end && dump.parameters["pretend"] == "True" && dump.parameters["project_id"] == "G0055")
        #expect(dump.parameters["secure_key"] == "simulated-secure-key")
        // The decision log and the call, stored.
        let decisions = try #require(detail["trigger_decisions"] as? [[String: Any]])
        let decision = try #require(decisions.first)
        #expect(decisions.count == 1 && decision["status"] as? String == "triggered")
        let log = (decision["reason"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(log.contains { $0.hasPrefix("At DM 411.0 the burst seen at 1400.0 MHz reaches 200.32 MHz 41.62 s later") })
        #expect(log.contains { $0.hasPrefix("The MWA accepted triggerbuffer") })
        let calls = try #require(detail["trigger_calls"] as? [[String: Any]])
        #expect(calls.count == 1 && calls.first?["endpoint"] as? String == "triggerbuffer" && calls.first?["success"] as? Bool == true)
        #expect(!String(describing: calls).contains("simulated-secure-key"))
        await suite.stop()
    }

    @Test func aSwiftBATVOEventOverVTPIsStoredAndJudged() async throws {
        let packetFile = TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/Fixtures/data/voevents/tracet/SWIFT#BAT_GRB_Pos_1163119-055.xml")
        // The real packet under a fresh trigger number, so the shared database holds no earlier copy of it.
        let trigger = String(Int.random(in: 2_000_000...9_999_999))
        let xml = Array(try String(contentsOf: packetFile, encoding: .utf8).replacingOccurrences(of: "1163119", with: trigger).utf8)
        let ivorn = "ivo://nasa.gsfc.gcn/SWIFT#BAT_GRB_Pos_\(trigger)-055"
        #expect(String(decoding: xml, as: UTF8.self).contains("ivorn=\"\(ivorn)\""))
        let suite = try await SuiteHarness.start(triggerClockStart: Date())
        let answer = try await VTPClient(host: "127.0.0.1", port: SuiteHarness.ports.vtp).send(xml)
        #expect(answer == .ack)

        let encoded = ivorn.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ivorn
        try await eventually("the VOEvent is in the catalogue", within: .seconds(20)) {
            try await suite.get("http://127.0.0.1:\(SuiteHarness.ports.catalog)/api/v1/voevents/xml?ivorn=\(encoded)").status == 200
        }
        let stored = try await suite.get("http://127.0.0.1:\(SuiteHarness.ports.catalog)/api/v1/voevents/xml?ivorn=\(encoded)")
        #expect(stored.body == xml)
        let listing = try await suite.read("voevents?stream=nasa.gsfc.gcn/SWIFT")
        let items = listing["results"] as? [[String: Any]] ?? []
        #expect(items.contains { $0["ivorn"] as? String == ivorn })
        // TraceT's rules judged it for the GRB proposal: the decision and its reason log reach the catalogue,
        // and a triggering decision observed it exactly once.
        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 1))
        let proposal = "grb-\(suite.bus.prefix)"
        @Sendable func decision() async throws -> (status: String, reason: String)? {
            try await pool.withConnection { db in
                try db.query("SELECT status, reason::text AS reason FROM catalog_trigger_decisions WHERE ivorn = $1 AND proposal_id = $2",
                             [ivorn, proposal]).first.map { (try $0.string("status"), try $0.string("reason")) }
            }
        }
        try await eventually("the trigger decision is in the catalogue", within: .seconds(20)) { try await decision() != nil }
        let judged = try #require(try await decision())
        // Rate significance 22.91 σ, duration 0.512 s inside the proposal's 0.256–1.024 s: TraceT triggers.
        #expect(judged.status == "triggered")
        #expect(judged.reason.contains("Event duration between 0.256 and 1.024 s so triggering"))
        try await eventually("the observation is requested") { suite.simulators.mwa.calls.contains { $0.service == "triggervcs" } }
        try await Task.sleep(for: .milliseconds(500))
        let observations = suite.simulators.mwa.calls.filter { $0.service == "triggervcs" }
        #expect(observations.count == 1)
        #expect(observations.first?.parameters["ra"] == "271.4672" && observations.first?.parameters["dec"] == "-47.0704")
        #expect(observations.first?.parameters["obsname"] == "SWIFT_\(trigger)" && observations.first?.parameters["pretend"] == "True")
        await pool.close()
        await suite.stop()
    }
}
