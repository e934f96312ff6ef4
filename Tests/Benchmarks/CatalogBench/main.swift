import CatalogStore
import Database
import Foundation
import Hummingbird
import Messaging
import Schema
import ServiceRuntime
import TestSupport

// Stored events/s of catalog-store from a pre-filled queue of FRB measurement events:
// `swift run -c release catalog-bench [count]` (scripts/bench-catalog runs it).

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let bus = TestBus("catbench")
let configuration = try ConfigurationLoader(environment: [:]).load(CatalogConfiguration.self, yaml: bus.yaml(amqp: ["prefetch: 2000"]) + """

    catalog:
      port: 0
      batch_size: 500
    """)
let topology = ServiceQueues.topology(configuration.amqp)
let address = try configuration.amqp.brokerAddress()
let base = Int64.random(in: 1_000_000_000...8_000_000_000_000)

func message<P: EventPayload>(_ payload: P) throws -> OutgoingMessage {
    let event = Event(source: "/catalog-bench", data: payload)
    return OutgoingMessage(exchange: topology.exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: event.id)
}

// Fill the queue: one observation and FRB, then `count` measurements of it.
try await topology.declare(at: address)
let publisher = EventPublisher(configuration: .init(address: address, topology: topology, confirmTimeout: .seconds(60)))
let observation = FRBObservation(observationId: base, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
                                 bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "Multibeam")
try await publisher.publish(message(FRBObservationReceived(observation: observation)))
try await publisher.publish(message(FRBEventReceived(frb: FRBRecord(frbId: base, observationId: base, timeOfArrival: Date(), repeater: false))))
let fillStart = ContinuousClock.now
for chunk in stride(from: 0, to: count, by: 1000) {
    let batch = try (chunk..<min(chunk + 1000, count)).map { i in
        try message(FRBMeasurementReceived(measurement: RadioMeasurement(
            measurementId: base + Int64(i), frbId: base, ra: 77.0 + Double(i % 1000) / 1e4, dec: 26.0, raHms: "5h08m00s", decDms: "26d00m00s",
            raPosError: 0.05, decPosError: 0.05, gl: 177.7, gb: -8.5, source: .multibeam, version: "v1.0", dm: 411 + Double(i % 100),
            dmErr: 1, sn: 50, width: 5, receivedAt: Date())))
    }
    try await publisher.publish(batch)
}
let fillSeconds = Double((ContinuousClock.now - fillStart).components.seconds) + Double((ContinuousClock.now - fillStart).components.attoseconds) / 1e18
await publisher.shutdown()

// Drain it: start catalog-store and time until every measurement is stored and acknowledged.
let (application, services) = try await buildApplication(configuration: configuration)
let start = ContinuousClock.now
let running = Task { try await application.runService() }
let admin = BrokerAdmin(address: address)
while true {
    let stored = try await services.pool.withConnection { db in
        try db.query("SELECT count(*) AS n FROM catalog_radio_measurements WHERE frb_id = $1", [base]).first!.int("n")
    }
    if stored >= Int64(count) { break }
    try await Task.sleep(for: .milliseconds(100))
}
let elapsed = ContinuousClock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
running.cancel()
_ = await running.result
for queue in topology.queues {
    try? await admin.deleteQueue(queue.name)
    try? await admin.deleteQueue(queue.deadLetterQueue)
}
print("catalog-bench: \(count) FRB measurement events pre-filled in \(String(format: "%.1f", fillSeconds)) s (confirmed publishes)")
print(String(format: "stored end to end (consume, one transaction per batch, stored event published, ack): %.2f s, %.0f events/s (%.2f× the 10 000/s target)",
             seconds, Double(count) / seconds, Double(count) / seconds / 10_000))
