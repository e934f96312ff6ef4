import Astro
import Foundation
import Hummingbird
import Messaging
import Schema
import ServiceRuntime
import Simulators
import TelescopeTrigger
import TestSupport

// Latency from a stored FRB entering telescope-trigger's queue to its MWA trigger request leaving, at a
// steady rate: `swift run -c release trigger-latency [events] [rate]`. The MWA is the simulator; the
// clock is set to a moment when the example FRB is high over the MWA, so every event triggers.

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let rate = CommandLine.arguments.count > 2 ? Double(CommandLine.arguments[2]) ?? 100 : 100
let simulators = try await SimulatorServer.start()
let bus = TestBus("trglat")
let rules = FileManager.default.temporaryDirectory.appendingPathComponent("\(bus.prefix).yaml")
try """
    frb_proposals:
      - proposal_id: frb-mwa
        project_id: G0055
        secure_key_env: BENCH_MWA_KEY
        pretend: true
    """.write(to: rules, atomically: true, encoding: .utf8)
let configuration = try ConfigurationLoader(environment: [:]).load(TriggerConfiguration.self, yaml: bus.yaml(logLevel: "error") + """

    trigger:
      port: 0
      rules_file: \(rules.path)
    mwa:
      base_url: \(simulators.mwaBaseURL)
    """)

// A moment when RA 77°, Dec +26° stands high over the MWA.
let position = EquatorialPosition(rightAscensionDegrees: 77.01461542, declinationDegrees: 26.06069556)
var high = Date(timeIntervalSince1970: 1_763_683_200)
while Site.mwa.horizontalPosition(of: position, at: high.addingTimeInterval(50)).altitude.degrees < 40 { high.addTimeInterval(300) }
let wall = Date()
let start = high
let (application, _) = try await buildApplication(configuration: configuration, environment: ["BENCH_MWA_KEY": "simulated-secure-key"],
                                                  clock: { start.addingTimeInterval(Date().timeIntervalSince(wall)) })
let running = Task { try await application.runService(gracefulShutdownSignals: []) }
let topology = ServiceQueues.topology(configuration.amqp)
let publisher = EventPublisher(configuration: .init(address: try configuration.amqp.brokerAddress(), topology: topology))
try await Task.sleep(for: .seconds(2))

let base = Int64.random(in: 1_000_000_000...8_000_000_000_000)
var sent: [ContinuousClock.Instant] = []
let interval = Duration.seconds(1 / rate)
var next = ContinuousClock.now
for index in 0..<count {
    let toa = start.addingTimeInterval(Date().timeIntervalSince(wall) - 1)
    let measurement = RadioMeasurement(
        measurementId: base + Int64(index), frbId: base + Int64(index), ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5s",
        decDms: "26d03m38.5s", raPosError: 0.05, decPosError: 0.05, gl: 177.77, gb: -8.52, source: .multibeam, version: "bench",
        dm: 411, dmErr: 1, sn: 50, width: 5, receivedAt: toa)
    let observation = FRBObservation(observationId: 1, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
                                     bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "bench")
    let stored = FRBMeasurementStored(measurement: measurement, frb: FRBRecord(frbId: base + Int64(index), observationId: 1, timeOfArrival: toa, repeater: false),
                                      observation: observation, isFirstMeasurement: true, imageUrls: FRBImageURLs())
    let event = Event(source: "/trigger-latency", data: stored)
    let message = OutgoingMessage(exchange: topology.exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: event.id)
    try await Task.sleep(until: next)
    sent.append(.now)
    try await publisher.publish(message)
    next += interval
}
while simulators.mwa.calls.filter({ $0.service == "triggerbuffer" }).count < count {
    try await Task.sleep(for: .milliseconds(20))
}
let arrivals = simulators.mwa.calls.filter { $0.service == "triggerbuffer" }.map(\.receivedAt)
let latencies = zip(sent, arrivals).map { pair -> Double in
    let d = pair.1 - pair.0
    return (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) * 1000
}.sorted()
print("trigger-latency: \(count) stored FRBs at \(Int(rate))/s, from entering the queue to the triggerbuffer request reaching the MWA")
print(String(format: "p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (target p99 ≤ 50 ms: %@)",
             latencies[count / 2], latencies[count * 9 / 10], latencies[min(count - 1, count * 99 / 100)], latencies.last!,
             latencies[min(count - 1, count * 99 / 100)] <= 50 ? "met" : "not met"))
running.cancel()
_ = await running.result
await publisher.shutdown()
await simulators.stop()
try? FileManager.default.removeItem(at: rules)
