import Foundation
import Hummingbird

/// What the simulators received, as JSON at `GET /simulator/record`, so a demo or a fault test running
/// the services as separate processes can see (and count) every external effect. Secure keys and
/// tokens are left out.
enum SimulatorRecord {
    static func addRoute(to router: Router<some RequestContext>, slack: SlackSimulator, tns: TNSSimulator, mwa: MWASimulator,
                         broker: VTPBrokerSimulator) {
        router.get("simulator/record") { _, _ -> Response in
            let record: [String: Any] = [
                "slack": slack.received.map { received -> [String: Any] in
                    let json = received.json
                    return ["route": received.route, "ts": received.ts, "text": json["text"] ?? NSNull(),
                            "thread_ts": json["thread_ts"] ?? NSNull(), "blocks": json["blocks"] ?? NSNull()]
                },
                "tns": tns.reports.map { ["report_id": $0.reportId, "objname": $0.objname, "internal_name": $0.firstReport["internal_name"] ?? NSNull()] },
                "mwa": mwa.calls.map { ["service": $0.service, "parameters": $0.parameters.filter { $0.key != "secure_key" }] },
                "voevents": broker.received.map { ["ivorn": $0.ivorn, "bytes": $0.xml.count] },
            ]
            let body = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
