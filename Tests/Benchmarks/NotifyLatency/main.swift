import CatalogStore
import Foundation
import HTTPClient
import struct HTTPClient.HTTPRequest
import Hummingbird
import IngestAPI
import Notifier
import ServiceRuntime
import Simulators
import TestSupport

// How long a first detection takes from ingest-api's 201 to Slack, TNS and a VOEvent broker, on loopback:
// `swift run -c release notify-latency [detections]`. ingest-api, catalog-store and the notifier run in
// this process against the local RabbitMQ and PostgreSQL; Slack, TNS and the VTP broker are the simulators.

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20 : 20
let simulators = try await SimulatorServer.start(tnsPendingPolls: 1)
let bus = TestBus("latency")
let media = FileManager.default.temporaryDirectory.appendingPathComponent(bus.prefix)
let (ingestPort, catalogPort, notifierPort, vtpPort) = (18_100, 18_101, 18_102, 18_198)
let yaml = bus.yaml(logLevel: "error") + """

    ingest:
      port: \(ingestPort)
      vtp_port: \(vtpPort)
      media_directory: \(media.path)
    catalog:
      port: \(catalogPort)
      media_base_url: http://127.0.0.1:\(ingestPort)/media/
    notifier:
      port: \(notifierPort)
      outbox_directory: \(media.path)/outbox
      tns_poll_seconds: 1

    """ + simulators.destinationsYAML(stream: bus.prefix)
let loader = ConfigurationLoader(environment: [:])
let (ingest, ingestServices) = try await IngestAPI.buildApplication(configuration: try loader.load(IngestConfiguration.self, yaml: yaml))
let (catalog, _) = try await CatalogStore.buildApplication(configuration: try loader.load(CatalogConfiguration.self, yaml: yaml))
let (notifier, _) = try await Notifier.buildApplication(configuration: try loader.load(NotifierConfiguration.self, yaml: yaml))
let running = [Task { try await ingest.runService(gracefulShutdownSignals: []) },
               Task { try await catalog.runService(gracefulShutdownSignals: []) },
               Task { try await notifier.runService(gracefulShutdownSignals: []) }]
let user = "latency-\(UUID().uuidString.prefix(6).lowercased())"
_ = try await ingestServices.identities.addUser(username: user, password: "latency benchmark password", scopes: [.ingest])
let token = try await ingestServices.identities.issueToken(username: user, name: "bench", scopes: [.ingest]).token
let http = HTTPClient()
try await Task.sleep(for: .seconds(2))

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

var slackTimes: [Double] = [], tnsTimes: [Double] = [], voeventTimes: [Double] = [], allTimes: [Double] = [], nameTimes: [Double] = []
for index in 0..<count {
    let body = """
        {"observation": {"beam_semi_major_axis": 0.2, "beam_semi_minor_axis": 0.3, "beam_rotation_angle": 45, "sampling_time": 0.1,
          "bandwidth": 300, "nchan": 3000, "centre_frequency": 1400, "npol": 2, "bits_per_sample": 8, "gain": 3, "tsys": 50, "backend": "Multibeam"},
         "radio": {"time_of_arrival": "2017-11-17T12:\(String(format: "%02d", index % 60)):38.87", "dm": 411.0, "dm_err": 1.0, "ra": 77.01461542,
          "ra_err": 0.05, "dec": 26.06069556, "dec_err": 0.05, "sn": 50, "width": 5, "flux": 35, "flux_err": 3, "source": "MB", "version": "v1.0"}}
        """
    let request = HTTPRequest(.post, URL(string: "http://127.0.0.1:\(ingestPort)/api/v1/frb/detections")!,
                              headers: ["Authorization": "Bearer \(token)"], body: .bytes(Array(body.utf8), contentType: "application/json"))
    let response = try await http.send(request, timeout: .seconds(10), retry: .none)
    let accepted = ContinuousClock.now
    guard response.status == 201, let frbId = (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])?["frb_id"] as? Int else {
        fatalError("ingest-api answered \(response.status): \(response.text)")
    }
    var slack: Double?, tns: Double?, voevent: Double?, name: Double?
    while slack == nil || tns == nil || voevent == nil || name == nil {
        let elapsed = seconds(ContinuousClock.now - accepted)
        if elapsed > 30 { fatalError("FRB \(frbId) not delivered within 30 s") }
        if slack == nil, simulators.slack.received.contains(where: { $0.json["text"] as? String == "New FRB event (ID: \(frbId))" }) { slack = elapsed }
        if tns == nil, simulators.tns.reports.contains(where: { $0.firstReport["internal_name"] as? String == "BURSTWIRE-\(frbId)" }) { tns = elapsed }
        if voevent == nil, simulators.broker.received.contains(where: { $0.ivorn.hasSuffix("#FRB\(frbId)") }) { voevent = elapsed }
        if name == nil, tns != nil, try await ingestServices.pool.withConnection({ db in
            try db.query("SELECT 1 FROM notifier_deliveries WHERE ledger_key = $1 AND state = 'sent'", ["tns:frb:\(frbId)"]).first != nil
        }) { name = elapsed }
        try await Task.sleep(for: .milliseconds(2))
    }
    slackTimes.append(slack!); tnsTimes.append(tns!); voeventTimes.append(voevent!); nameTimes.append(name!)
    allTimes.append(max(slack!, tns!, voevent!))
}

func summary(_ label: String, _ values: [Double]) {
    let sorted = values.sorted()
    let median = sorted[sorted.count / 2] * 1000, p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)] * 1000
    print(label.padding(toLength: 50, withPad: " ", startingAt: 0)
          + String(format: "median %7.1f ms   p90 %7.1f ms   max %7.1f ms", median, p90, sorted.last! * 1000))
}
print("notify-latency: \(count) first detections, from ingest-api's 201 (durable) to the simulated destination receiving it")
summary("Slack message (chat.postMessage)", slackTimes)
summary("TNS report submitted", tnsTimes)
summary("VOEvent acked by the VTP broker", voeventTimes)
summary("all three deliveries", allTimes)
summary("TNS name recorded (1 pending poll, 1 s interval)", nameTimes)
for task in running { task.cancel() }
for task in running { _ = await task.result }
await simulators.stop()
try? FileManager.default.removeItem(at: media)
