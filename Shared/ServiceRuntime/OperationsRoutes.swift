import Foundation
import Hummingbird
import Prometheus

/// The operations endpoints every Burstwire service serves:
/// `GET /health/live` (the process answers), `GET /health/ready` (JSON, each dependency's state;
/// 503 until all are up) and `GET /metrics` (Prometheus text format).
public enum OperationsRoutes {
    struct ReadinessReport: Encodable {
        let status: String
        let checks: [String: DependencyState]
    }

    public static func add<Context: RequestContext>(to router: Router<Context>, readiness: Readiness, metrics: PrometheusCollectorRegistry) {
        router.get("/health/live") { _, _ in
            jsonResponse(#"{"status":"live"}"#, status: .ok)
        }
        router.get("/health/ready") { _, _ in
            let checks = await readiness.evaluate()
            let ready = checks.values.allSatisfy(\.isUp)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = try encoder.encode(ReadinessReport(status: ready ? "ready" : "not_ready", checks: checks))
            return jsonResponse(String(decoding: body, as: UTF8.self), status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
    }

    static func jsonResponse(_ body: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
