import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import Testing
@testable import ServiceRuntime
import TestSupport

@Suite struct OperationsRoutesTests {
    struct ReadyBody: Decodable {
        struct State: Decodable { let status: String; let detail: String? }
        let status: String
        let checks: [String: State]
    }

    func application(readiness: Readiness) -> some ApplicationProtocol {
        let router = Router()
        OperationsRoutes.add(to: router, readiness: readiness, metrics: Observability.bootstrapMetrics())
        return Application(router: router)
    }

    @Test func liveAndReadyReportEachDependency() async throws {
        let readiness = Readiness()
        readiness.register("broker") { .up() }
        readiness.register("database") { .down("database unreachable") }
        readiness.register("slow") {
            try? await Task.sleep(for: .seconds(10))
            return .up()
        }
        try await application(readiness: readiness).test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/json")
                let body = try JSONDecoder().decode(ReadyBody.self, from: Data(buffer: response.body))
                #expect(body.status == "not_ready")
                #expect(body.checks["broker"]?.status == "up")
                #expect(body.checks["database"]?.detail == "database unreachable")
                #expect(body.checks["slow"]?.detail == "check timed out")
            }
        }
    }

    @Test func aCheckThatIgnoresCancellationStillReportsDownInTime() async throws {
        let readiness = Readiness()
        readiness.register("stuck") {
            // Like a call blocked in a C library: deaf to cancellation, never finishing within the probe.
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: 60)
                    continuation.resume()
                }
            }
            return .up()
        }
        readiness.register("broker") { .up() }
        let started = ContinuousClock.now
        let states = await readiness.evaluate(timeout: .milliseconds(200))
        // Not a timing benchmark: only that the probe answered long before the stuck check could.
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(states["stuck"] == .down("check timed out") && states["broker"] == .up())
    }

    @Test func readyWithRealBrokerDatabaseAndMigrations() async throws {
        let metrics = Observability.bootstrapMetrics()
        let address = try TestInfrastructure.brokerAddress
        let queue = TestInfrastructure.uniqueName("ops")
        let topology = BrokerTopology(exchange: "\(queue).events", deadLetterExchange: "\(queue).dlx", queues: [.init(name: queue, bindings: ["#"])])
        let publisher = EventPublisher(configuration: .init(address: address, topology: topology))
        let pool = DatabasePool(configuration: .init(conninfo: TestInfrastructure.databaseURL))
        let migrator = Migrator(component: queue, migrations: [Migration(version: 1, name: "noop", sql: "SELECT 1")])
        let readiness = Readiness()
        readiness.register(publisher: publisher)
        readiness.register(database: pool)
        readiness.register(migrations: migrator, pool: pool)

        try await publisher.publish(OutgoingMessage(exchange: topology.exchange, routingKey: "frb.event.received.v1", body: Array("{}".utf8), messageID: "x"))
        let router = Router()
        OperationsRoutes.add(to: router, readiness: readiness, metrics: metrics)
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONDecoder().decode(ReadyBody.self, from: Data(buffer: response.body))
                #expect(body.checks["migrations"]?.status == "down")
                #expect(body.checks["broker"]?.status == "up")
            }
            try await migrator.migrate(pool)
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode(ReadyBody.self, from: Data(buffer: response.body))
                #expect(body.status == "ready")
                #expect(body.checks.count == 3)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("burstwire_messages_published_total"))
                #expect(text.contains("burstwire_publish_confirm_seconds"))
            }
        }
        await publisher.shutdown()
        await pool.close()
        try await BrokerAdmin(address: address).deleteQueue(queue)
        try await BrokerAdmin(address: address).deleteQueue(queue + ".dlq")
    }
}
