import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import TelescopeTrigger

/// A real trigger meets a real observation of ours still running: TraceT's priority rule decides, from
/// the ledger, whether the telescope is taken from it.
@Suite struct PriorityOverrideServiceTests {
    @Test func aRealTriggerNeverInterruptsAHigherPriorityObservationButDoesALowerOne() async throws {
        let simulators = try await SimulatorServer.start()
        let high = FRBFollowUpTests.time(sourceHigh: true)
        let harness = try TriggerHarness(simulators: simulators, start: high.addingTimeInterval(1), frbPretend: false, frbPriority: 2)
        let (application, services) = try await buildApplication(configuration: harness.configuration, environment: harness.environment,
                                                                 clock: harness.clock, logger: harness.logger)
        let publisher = try harness.publisher()
        let running = "test-running:\(harness.prefix)"
        let (first, second) = (Int64.random(in: 1_000_000_000...4_000_000_000_000), Int64.random(in: 4_000_000_000_001...9_000_000_000_000))
        // A real voltage-capture observation of proposal "survey", priority 1, accepted just now for ten minutes.
        let action = MWAAction.observation(voltageCapture: true, MWAObservationRequest(
            projectId: "G0055", obsname: "survey", ra: [10], dec: [-20], freqspecs: ["145,24"], creator: "test", nobs: 1, exptime: 600, pretend: false))
        let actionJSON = String(decoding: try EventJSON.encoder().encode(action), as: UTF8.self)
        @Sendable func decision(_ frbId: Int64) async throws -> (status: String, callState: String, reason: String)? {
            try await services.pool.withConnection { db in
                try db.query("SELECT status, call_state, reason::text AS reason FROM trigger_decisions WHERE decision_key LIKE $1", ["frb:\(frbId)|%"])
                    .first.map { (try $0.string("status"), try $0.string("call_state"), try $0.string("reason")) }
            }
        }
        try await application.test(.live) { _ in
            try await services.pool.withConnection { db in
                try db.query("""
                    INSERT INTO trigger_decisions (decision_key, proposal_id, priority, position, status, reason, call_state, action, pretend)
                    VALUES ($1, 'survey', 1, '{"ra": 10, "dec": -20}', 'triggered', '[]', 'sent', $2::jsonb, false)
                    """, [running, actionJSON])
            }
            try await publisher.publish(try harness.message(FRBFollowUpTests.example(toa: high, frbId: first)))
            try await eventually("the first FRB is decided") { try await decision(first)?.status == "ignored" }
            let outranked = try #require(try await decision(first))
            #expect(outranked.reason.contains("Priority 2 does not outrank survey's priority 1.")
                    && outranked.reason.contains("Not interrupting our running observation."))
            #expect(simulators.mwa.calls.isEmpty)

            try await services.pool.withConnection { db in
                try db.query("UPDATE trigger_decisions SET priority = 3 WHERE decision_key = $1", [running])
            }
            try await publisher.publish(try harness.message(FRBFollowUpTests.example(toa: high, frbId: second)))
            // Recorded as triggered before the call is made: wait for the call's outcome.
            try await eventually("the second FRB's call is made") { try await decision(second)?.callState == "sent" }
            #expect(try #require(try await decision(second)).reason.contains("Priority 2 outranks survey's priority 3."))
            let call = try #require(simulators.mwa.calls.first { $0.service == "triggerbuffer" })
            #expect(call.parameters["pretend"] == "False")
            // Real calls are seen by every later real trigger: leave none behind.
            try await services.pool.withConnection { db in
                try db.query("DELETE FROM trigger_decisions WHERE decision_key = ANY($1::text[])",
                             ["{\(running),frb:\(first)|frb-mwa-\(harness.prefix),frb:\(second)|frb-mwa-\(harness.prefix)}"])
            }
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
