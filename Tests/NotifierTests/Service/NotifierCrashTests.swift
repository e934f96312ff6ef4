import Database
import Foundation
import Messaging
import Schema
import Simulators
import Testing
import TestSupport
@testable import Notifier

private typealias H = NotifierHarness

/// The real `notifier` executable killed with SIGKILL while Slack holds its request, then started again:
/// every destination still gets the detection exactly once.
@Suite struct NotifierCrashTests {
    @Test func killedMidDeliveryAndRestartedDeliversOnce() async throws {
        let simulators = try await SimulatorServer.start()
        let harness = try NotifierHarness(simulators: simulators)
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(harness.prefix).yaml")
        try harness.yaml.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        try await harness.topology.declare(at: try harness.address)

        let frbId = H.freshId()
        simulators.slack.answerNext([.stall(.seconds(3))])
        let publisher = try harness.publisher()
        try await publisher.publish(try harness.message(H.stored(frbId: frbId, measurementId: H.freshId(), first: true)))
        await publisher.shutdown()

        let executable = ChildProcess.builtProduct("notifier")
        let first = try ChildProcess([executable, "--config", config.path])
        do {
            try await eventually("Slack is holding the notifier's post", within: .seconds(30)) { simulators.slack.requestsStarted >= 1 }
        } catch {
            await first.stop()
            Issue.record("the notifier never posted: \(first.output)")
            throw error
        }
        await first.stop(signal: SIGKILL)

        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL, maximumConnections: 1))
        let second = try ChildProcess([executable, "--config", config.path])
        try await eventually("every delivery settled", within: .seconds(60)) {
            try await pool.withConnection { db in
                try db.query("""
                    SELECT count(*) AS n FROM notifier_deliveries WHERE frb_id = $1 AND state = 'sent'
                      AND ledger_key IN ($2, $3, $4)
                    """, [frbId, "slack:frb:\(frbId)", "tns:frb:\(frbId)", "voevent:detection:\(frbId):127.0.0.1:\(simulators.vtpPort)"])
                    .first!.int("n") == 3
            }
        }
        await second.stop(signal: SIGTERM)
        await pool.close()

        #expect(simulators.slack.received.filter { ($0.json["text"] as? String) == "New FRB event (ID: \(frbId))" }.count == 1)
        #expect(simulators.tns.reports.filter { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }.count == 1)
        #expect(simulators.broker.received.filter { $0.ivorn.hasSuffix("#FRB\(frbId)") }.count == 1)
        await harness.cleanUp()
        await simulators.stop()
    }
}
