import Database
import Foundation
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import TelescopeTrigger

/// The real `telescope-trigger` executable killed with SIGKILL while the MWA holds its trigger call, then
/// started again: the call may have been accepted, so it is never sent a second time — the redelivered
/// FRB's decision reports the unknown outcome instead.
@Suite struct TriggerCrashTests {
    @Test func killedMidCallTheTriggerIsNeverSentAgain() async throws {
        let simulators = try await SimulatorServer.start()
        // Any altitude: the real executable runs on the wall clock, and the FRB arrives now.
        let harness = try TriggerHarness(simulators: simulators, start: Date(), frbHorizonLimit: -90)
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(harness.prefix).yaml")
        try harness.yaml.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        try await harness.topology.declare(at: try harness.address)
        let observer = try await harness.observer()

        simulators.mwa.stallNextTrigger(.seconds(5))
        let frbId = Int64.random(in: 1_000_000_000...9_000_000_000_000)
        let publisher = try harness.publisher()
        try await publisher.publish(try harness.message(FRBFollowUpTests.example(toa: Date(), frbId: frbId)))
        await publisher.shutdown()

        let executable = ChildProcess.builtProduct("telescope-trigger")
        let first = try ChildProcess([executable, "--config", config.path], environment: harness.environment)
        do {
            try await eventually("the MWA is holding the trigger call", within: .seconds(30)) {
                simulators.mwa.calls.contains { $0.service == "triggerbuffer" }
            }
        } catch {
            await first.stop()
            Issue.record("telescope-trigger never called: \(first.output)")
            throw error
        }
        await first.stop(signal: SIGKILL)

        let second = try ChildProcess([executable, "--config", config.path], environment: harness.environment)
        let decided = try await collect(1, from: observer, within: .seconds(30))
        let decision = try Event<TriggerDecided>.decode(from: try #require(decided.first).body).data
        #expect(decision.subject.frbId == frbId && decision.status == .error)
        #expect(decision.reason.last?.message == "An earlier MWA call was interrupted; its outcome is unknown, so it is not sent again.")
        try await Task.sleep(for: .seconds(2))
        #expect(simulators.mwa.calls.filter { $0.service == "triggerbuffer" }.count == 1)
        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 1))
        let state = try await pool.withConnection { db in
            try db.query("SELECT call_state FROM trigger_decisions WHERE decision_key LIKE $1", ["frb:\(frbId)|%"]).first?.string("call_state")
        }
        #expect(state == "claimed")
        await pool.close()
        await second.stop(signal: SIGTERM)
        await observer.stop()
        await harness.cleanUp()
        await simulators.stop()
    }
}
