import Astro
import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import TelescopeTrigger

/// A stored VOEvent judged by TraceT's rules and, when they say observe, requested from the MWA once.
@Suite struct AlertTriggerServiceTests {
    @Test func aFermiGRBIsObservedOnceWithVoltageCapture() async throws {
        let simulators = try await SimulatorServer.start()
        // Fermi's position (RA 241.6°, Dec +48.4°) only just rises over the MWA: pick a moment it is 12° up.
        let position = EquatorialPosition(rightAscensionDegrees: 241.6167, declinationDegrees: 48.4167)
        var moment = Date(timeIntervalSince1970: 1_763_683_200)
        while Site.mwa.horizontalPosition(of: position, at: moment).altitude.degrees < 12 { moment.addTimeInterval(120) }
        let harness = try TriggerHarness(simulators: simulators, start: moment)
        let (application, services) = try await buildApplication(configuration: harness.configuration, environment: harness.environment,
                                                                 clock: harness.clock, logger: harness.logger)
        let publisher = try harness.publisher()
        let trigId = String(Int.random(in: 100_000_000...999_999_999))
        let original = try String(contentsOf: TestInfrastructure.repositoryRoot.appendingPathComponent("Tests/Fixtures/data/voevents/tracet/Fermi_GRB.xml"),
                                  encoding: .utf8)
        let xml = original.replacingOccurrences(of: "533367528", with: trigId)
        let ivorn = "ivo://nasa.gsfc.gcn/Fermi#GBM_Flt_Pos_2017-11-26T05:38:43.71_\(trigId)_46-276"
        #expect(xml.contains(ivorn))
        let packet = VOEventPacket(ivorn: ivorn, role: .observation, xml: xml, sha256: "x", receivedVia: .vtp, receivedAt: moment)
        let summary = VOEventSummary(stream: "nasa.gsfc.gcn/Fermi", localId: "GBM_Flt_Pos")
        let message = try harness.message(VOEventStored(voevent: packet, summary: summary))
        try await application.test(.live) { _ in
            try await publisher.publish(message)
            try await eventually("the observation was requested") { simulators.mwa.calls.contains { $0.service == "triggervcs" } }
            let call = try #require(simulators.mwa.calls.first { $0.service == "triggervcs" })
            #expect(call.parameters["ra"] == "241.6167" && call.parameters["dec"] == "48.4167")
            #expect(call.parameters["pretend"] == "True" && call.parameters["freqspecs"] == "121,24" && call.parameters["vcsmode"] == "True")
            #expect(call.parameters["obsname"] == "Fermi_\(trigId)" && call.queryNames == ["project_id", "obsname"])
            try await eventually("the call's outcome is recorded") {
                try await services.pool.withConnection { db in
                    try db.query("SELECT call_state, status FROM trigger_decisions WHERE decision_key LIKE $1", ["alert:Fermi:\(trigId)|%"])
                        .first.map { $0["call_state"] == "sent" && $0["status"] == "triggered" } ?? false
                }
            }
            let reason = try await services.pool.withConnection { db in
                try db.query("SELECT reason::text AS reason FROM trigger_decisions WHERE decision_key LIKE $1", ["alert:Fermi:\(trigId)|%"]).first!.string("reason")
            }
            #expect(reason.contains("Fermi GRB probability greater than 50.0") && reason.contains("The MWA accepted triggervcs"))
            // Delivered again: the same group, the same event, no second observation.
            try await publisher.publish(message)
            try await Task.sleep(for: .seconds(1))
            #expect(simulators.mwa.calls.filter { $0.service == "triggervcs" }.count == 1)
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
