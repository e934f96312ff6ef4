import Astro
import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import TelescopeTrigger

/// telescope-trigger against the real broker and database and the MWA simulator.
@Suite struct FRBTriggerServiceTests {
    @Test func aNewFRBTriggersTheBufferOnceAndSaysWhy() async throws {
        let simulators = try await SimulatorServer.start()
        let high = FRBFollowUpTests.time(sourceHigh: true)
        let harness = try TriggerHarness(simulators: simulators, start: high.addingTimeInterval(1))
        let (application, _) = try await buildApplication(configuration: harness.configuration, environment: harness.environment,
                                                          clock: harness.clock, logger: harness.logger)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        let frbId = Int64.random(in: 1_000_000_000...9_000_000_000_000)
        let stored = FRBFollowUpTests.example(toa: high, frbId: frbId)
        let message = try harness.message(stored)
        try await application.test(.live) { _ in
            try await publisher.publish(message)
            // The MWA call, then the decision with the MWA's answer (the decision was durable in the ledger before the call).
            let events = try await collect(2, from: observer, within: .seconds(30))
            #expect(events.map(\.routingKey) == ["trigger.completed.v1", "trigger.decided.v1"])
            for event in events {
                #expect(try EventSchemas.violations(of: event.body, type: event.routingKey).isEmpty, "\(event.routingKey)")
                #expect(!String(decoding: event.body, as: UTF8.self).contains(harness.secureKey), "the secure key stays off the bus")
            }
            let final = try Event<TriggerDecided>.decode(from: events[1].body).data
            #expect(final.status == .triggered && final.subject.frbId == frbId)
            #expect(final.reason.contains { $0.message.contains("S/N 50.0 ≥ 10.0") })
            #expect(final.reason.contains { $0.message.contains("The MWA accepted triggerbuffer") })
            let completed = try Event<TriggerCompleted>.decode(from: events[0].body).data
            #expect(completed.endpoint == .triggerbuffer && completed.success && completed.pretend && completed.triggerId != nil)
            #expect(completed.requestParameters["secure_key"] == nil && completed.requestParameters["project_id"] == "G0055")

            let calls = simulators.mwa.calls
            #expect(calls.map(\.service) == ["busy", "triggerbuffer"], "busy is asked first")
            let buffer = try #require(calls.last)
            #expect(buffer.queryNames == ["project_id"], "only project_id travels in the URL; the secure key in the body")
            #expect(buffer.parameters["secure_key"] == harness.secureKey && buffer.parameters["pretend"] == "True")
            let arrival = FRBFollowUp.plan(stored, proposal: FRBFollowUpTests.proposal, now: harness.start).arrival!
            let (start, end) = (Double(buffer.parameters["start_time"]!)!, Double(buffer.parameters["end_time"]!)!)
            #expect(start <= GPSTime(utc: arrival.lowerBound).seconds && end >= GPSTime(utc: arrival.upperBound).seconds)

            // The same event again: the decision stands and nothing is sent.
            try await publisher.publish(message)
            try await publisher.publish(try harness.message(stored))
            // Each redelivery re-announces the recorded decision (same event id) and calls nothing.
            let again = try await collect(2, from: observer, within: .seconds(30))
            #expect(again.map(\.messageID) == [events[1].messageID, events[1].messageID])
            #expect(simulators.mwa.calls.filter { $0.service == "triggerbuffer" }.count == 1)
        }
        #expect(!harness.logs.text.isEmpty && !harness.logs.text.contains(harness.secureKey), "the secure key never reaches a log")
        await publisher.shutdown()
        await observer.stop()
        await harness.cleanUp()
        await simulators.stop()
    }

    @Test func aBusyTelescopeIsALoggedDecisionNotAnError() async throws {
        let simulators = try await SimulatorServer.start()
        simulators.mwa.setBusy(true)
        let high = FRBFollowUpTests.time(sourceHigh: true)
        let harness = try TriggerHarness(simulators: simulators, start: high.addingTimeInterval(1))
        let (application, services) = try await buildApplication(configuration: harness.configuration, environment: harness.environment,
                                                                 clock: harness.clock, logger: harness.logger)
        let publisher = try harness.publisher()
        let frbId = Int64.random(in: 1_000_000_000...9_000_000_000_000)
        let stored = FRBFollowUpTests.example(toa: high, frbId: frbId)
        try await application.test(.live) { _ in
            try await publisher.publish(try harness.message(stored))
            try await eventually("the decision is recorded") {
                try await services.pool.withConnection { db in
                    try db.query("SELECT status FROM trigger_decisions WHERE decision_key LIKE $1", ["frb:\(frbId)|%"]).first?["status"] == "ignored"
                }
            }
            let reason = try await services.pool.withConnection { db in
                try db.query("SELECT reason::text AS reason FROM trigger_decisions WHERE decision_key LIKE $1", ["frb:\(frbId)|%"]).first!.string("reason")
            }
            #expect(reason.contains("The MWA is busy: project G0055 may not interrupt the schedule"))
            #expect(simulators.mwa.calls.map(\.service) == ["busy"])
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }
}
