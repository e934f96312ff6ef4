import Astro
import Database
import Foundation
import HummingbirdTesting
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import TelescopeTrigger

/// A GRB whose duration falls in a proposal's pending window waits for a human: the decision is
/// recorded with the observation it would ask for, an approval request goes out, and only an approval
/// sends it — once, however often the answer arrives.
@Suite struct ApprovalServiceTests {
    /// A Fermi GRB (1.536 s, in TraceT's default pending window 1.025–2.056 s) with a fresh trig id, at a
    /// moment its position is 12° above the MWA's horizon.
    struct PendingGRB: Sendable {
        let moment: Date
        let trigId = String(Int.random(in: 100_000_000...999_999_999))
        let stored: VOEventStored

        init() throws {
            let position = EquatorialPosition(rightAscensionDegrees: 241.6167, declinationDegrees: 48.4167)
            var moment = Date(timeIntervalSince1970: 1_763_683_200)
            while Site.mwa.horizontalPosition(of: position, at: moment).altitude.degrees < 12 { moment.addTimeInterval(120) }
            self.moment = moment
            let trigId = self.trigId
            let original = try String(contentsOf: TestInfrastructure.repositoryRoot
                .appendingPathComponent("Tests/Fixtures/data/voevents/tracet/Fermi_GRB.xml"), encoding: .utf8)
            let xml = original.replacingOccurrences(of: "533367528", with: trigId)
                .replacingOccurrences(of: "value=\"0.512\"", with: "value=\"1.536\"")
            let ivorn = "ivo://nasa.gsfc.gcn/Fermi#GBM_Flt_Pos_2017-11-26T05:38:43.71_\(trigId)_46-276"
            let packet = VOEventPacket(ivorn: ivorn, role: .observation, xml: xml, sha256: "x", receivedVia: .vtp, receivedAt: moment)
            stored = VOEventStored(voevent: packet, summary: VOEventSummary(stream: "nasa.gsfc.gcn/Fermi", localId: "GBM_Flt_Pos"))
        }

        func message(_ harness: TriggerHarness) throws -> OutgoingMessage { try harness.message(stored) }
    }

    /// The pending decision is announced, then put to a human.
    private func approvalRequest(from observer: EventConsumer) async throws -> TriggerApprovalRequested {
        let events = try await collect(2, from: observer)
        let request = try #require(events.first { $0.routingKey == EventType.triggerApprovalRequested.rawValue })
        #expect(events.map(\.routingKey) == [EventType.triggerDecided.rawValue, EventType.triggerApprovalRequested.rawValue])
        return try Event<TriggerApprovalRequested>.decode(from: request.body).data
    }

    /// A pending GRB's decision as the service left it, waiting for its human, and the means to answer it.
    struct AwaitingApproval: Sendable {
        let simulators: SimulatorServer
        let harness: TriggerHarness
        let grb: PendingGRB
        let publisher: EventPublisher
        let ledger: LedgerRows
        let request: TriggerApprovalRequested

        func answer(approved: Bool, by approver: String, decisionId: Int64? = nil, id: String = UUID().uuidString.lowercased()) async throws {
            try await publisher.publish(try harness.message(TriggerApprovalReceived(
                decisionId: decisionId ?? request.decisionId, proposalId: nil, approver: approver, approved: approved, receivedAt: Date()), id: id))
        }

        var observations: Int { simulators.mwa.calls.filter { $0.service == "triggervcs" }.count }
    }

    /// Runs the service against the simulators, sends a pending GRB, waits for its approval request and
    /// hands over; stops everything afterwards.
    private func withAwaitingApproval(_ body: @Sendable (AwaitingApproval) async throws -> Void) async throws {
        let simulators = try await SimulatorServer.start()
        let grb = try PendingGRB()
        let harness = try TriggerHarness(simulators: simulators, start: grb.moment)
        let (application, services) = try await buildApplication(configuration: harness.configuration, environment: harness.environment,
                                                                 clock: harness.clock, logger: harness.logger)
        let publisher = try harness.publisher()
        let observer = try await harness.observer()
        try await application.test(.live) { _ in
            try await publisher.publish(try grb.message(harness))
            let request = try await approvalRequest(from: observer)
            await observer.stop()
            try await body(AwaitingApproval(simulators: simulators, harness: harness, grb: grb, publisher: publisher,
                                            ledger: LedgerRows(pool: services.pool), request: request))
        }
        await publisher.shutdown()
        await harness.cleanUp()
        await simulators.stop()
    }

    @Test func anApprovedPendingGRBIsObservedOnce() async throws {
        try await withAwaitingApproval { scene in
            let (grb, ledger, request) = (scene.grb, scene.ledger, scene.request)
            #expect(request.subject.trigId == grb.trigId && request.proposalId == "grb-\(scene.harness.prefix)")
            #expect(request.summary.contains("waiting for a human's decision"))
            let pending = try await ledger.fermi(grb.trigId)
            #expect(pending.status == "pending" && pending.callState == "awaiting")
            try await Task.sleep(for: .milliseconds(500))
            #expect(scene.observations == 0)

            let click = UUID().uuidString.lowercased()
            try await scene.answer(approved: true, by: "slack:U1 (ada)", id: click)
            try await eventually("the approved observation was requested") { scene.observations == 1 }
            let call = try #require(scene.simulators.mwa.calls.first { $0.service == "triggervcs" })
            #expect(call.parameters["ra"] == "241.6167" && call.parameters["pretend"] == "True" && call.parameters["obsname"] == "Fermi_\(grb.trigId)")
            try await eventually("the outcome is recorded") { try await ledger.fermi(grb.trigId).callState == "sent" }
            let done = try await ledger.fermi(grb.trigId)
            #expect(done.status == "triggered" && done.reason.contains("Approved by slack:U1 (ada).") && done.reason.contains("The MWA accepted triggervcs"))

            // The same click delivered again, a late rejection and the alert redelivered change nothing.
            try await scene.answer(approved: true, by: "slack:U1 (ada)", id: click)
            try await scene.answer(approved: false, by: "slack:U2 (bo)")
            try await scene.publisher.publish(try grb.message(scene.harness))
            try await Task.sleep(for: .seconds(1))
            #expect(scene.observations == 1)
            #expect(try await ledger.fermi(grb.trigId).status == "triggered")
        }
    }

    @Test func aRejectedPendingGRBIsCancelledAndNeverObserved() async throws {
        try await withAwaitingApproval { scene in
            let (grb, ledger) = (scene.grb, scene.ledger)
            try await scene.answer(approved: false, by: "slack:U2 (bo)")
            try await eventually("the decision is cancelled") { try await ledger.fermi(grb.trigId).status == "cancelled" }
            // A later approval of the rejected decision sends nothing.
            try await scene.answer(approved: true, by: "slack:U1 (ada)")
            try await Task.sleep(for: .seconds(1))
            #expect(scene.observations == 0)
            let row = try await ledger.fermi(grb.trigId)
            #expect(row.callState == "none" && row.reason.contains("Rejected by slack:U2 (bo).") && !row.reason.contains("Approved"))

            // An answer to a decision that does not exist is kept in the dead-letter queue, not dropped.
            let queue = try #require(scene.harness.topology.queues.first { $0.name.hasSuffix("telescope-trigger") })
            let parked = EventConsumer(configuration: .init(address: try scene.harness.address, queue: queue.deadLetterQueue,
                                                            topology: scene.harness.topology))
            let unknown = "approval-of-nothing-\(grb.trigId)"
            try await scene.answer(approved: true, by: "slack:U3 (cy)", decisionId: Int64.max - 1, id: unknown)
            let dead = try await collect(1, from: parked)
            #expect(dead.first?.messageID == unknown)
            dead.forEach { parked.ack($0) }
            await parked.stop()
        }
    }
}

/// Decisions read back from the trigger ledger.
struct LedgerRows: Sendable {
    let pool: DatabasePool

    /// The one decision on a Fermi trigger.
    func fermi(_ trigId: String) async throws -> (status: String, callState: String, reason: String) {
        try await pool.withConnection { db in
            let row = try #require(try db.query("""
                SELECT status, call_state, reason::text AS reason FROM trigger_decisions WHERE decision_key LIKE $1
                """, ["alert:Fermi:\(trigId)|%"]).first)
            return (try row.string("status"), try row.string("call_state"), try row.string("reason"))
        }
    }
}
