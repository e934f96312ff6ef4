import Foundation
import Hummingbird
import Synchronization

/// A stand-in for the MWA trigger web services (seed 001): `busy`, `obslist`, `vcsfree`, `triggerobs`,
/// `triggervcs` and `triggerbuffer` under `/trigger/`, answering with the documented shapes, checking
/// `project_id` against its `secure_key`, honouring `pretend`, and recording every call.
/// For tests and the local demo, not the product.
public final class MWASimulator: Sendable {
    /// One call as received: the service, and query and form parameters merged.
    public struct Call: Sendable {
        public let service: String
        public let parameters: [String: String]
        /// Which parameters came in the query string (the rest were in the body).
        public let queryNames: Set<String>
        public let receivedAt: ContinuousClock.Instant
    }

    private struct State {
        var calls: [Call] = []
        var busy = false
        /// How long the next trigger call is held, after it is recorded and before it is answered.
        var stallNextTrigger: Duration?
        var nextTriggerId: Int64 = 10_000
    }

    private let state = Mutex(State())
    /// Project ids and their secure keys.
    public let keys: [String: String]

    public init(keys: [String: String] = ["G0055": "simulated-secure-key"]) {
        self.keys = keys
    }

    public var calls: [Call] { state.withLock { $0.calls } }

    public func setBusy(_ busy: Bool) {
        state.withLock { $0.busy = busy }
    }

    /// Holds the next `trigger*` call for `duration` once it has arrived (and is recorded), as a slow MWA would.
    public func stallNextTrigger(_ duration: Duration) {
        state.withLock { $0.stallNextTrigger = duration }
    }

    public func addRoutes(to router: Router<some RequestContext>) {
        for service in ["busy", "obslist", "vcsfree", "triggerobs", "triggervcs", "triggerbuffer"] {
            router.get("trigger/\(service)") { request, _ in try await self.handle(service, request) }
            router.post("trigger/\(service)") { request, _ in try await self.handle(service, request) }
        }
    }

    private func handle(_ service: String, _ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { $1 })
        let form = FormBody.fields(String(buffer: body), contentType: request.headers[.contentType] ?? "")
        let parameters = query.merging(form) { $1 }
        let (busy, stall) = state.withLock { state -> (Bool, Duration?) in
            state.calls.append(Call(service: service, parameters: parameters, queryNames: Set(query.keys), receivedAt: .now))
            guard service.hasPrefix("trigger"), let stall = state.stallNextTrigger else { return (state.busy, nil) }
            state.stallNextTrigger = nil
            return (state.busy, stall)
        }
        if let stall { try await Task.sleep(for: stall) }
        switch service {
        case "busy":
            return Self.json(busy)
        case "vcsfree":
            return Self.json(busy ? 0 : 3600)
        case "obslist":
            let now = Self.gpsNow()
            return Self.json([[now - 100, now + 500, "scheduled", "planner", "G0008", "MWAX_CORRELATOR", now - 100]])
        default:
            return Self.json(trigger(service, parameters))
        }
    }

    private func trigger(_ service: String, _ parameters: [String: String]) -> [String: Any] {
        let projectId = parameters["project_id"] ?? "C001"
        guard let key = keys[projectId], parameters["secure_key"] == key else {
            return ["success": false, "errors": ["0": "secure_key for project \(projectId) is not valid"], "params": [:]]
        }
        let pretend = Self.truth(parameters["pretend"] ?? "True")
        var params = parameters.filter { $0.key != "secure_key" } as [String: Any]
        params["pretend"] = pretend
        let now = Self.gpsNow()
        let (triggerId, obsids) = state.withLock { state -> (Int64, [Int64]) in
            state.nextTriggerId += 1
            let first = (now / 8 + 2) * 8
            return (state.nextTriggerId, service == "triggerbuffer" ? [first - 160] : [first, first + 120])
        }
        let command = service == "triggerbuffer"
            ? "/home/mwa/MandC/obssched/triggerbuffer.py --start=\(parameters["start_time"] ?? "0") --end=\(parameters["end_time"] ?? "0")"
            : "schedule_observation.py --starttime=\(obsids[0]) --obsname=\(parameters["obsname"] ?? "trigger")"
        return [
            "success": true, "errors": [:], "params": params,
            "clear": pretend ? [:] : ["command": "clear_schedule.py --tryclear", "retcode": 0, "stdout": "", "stderr": ""],
            "schedule": ["commands": command, "retcode": 0,
                         "stdout": pretend ? "Pretending: commands not run" : "", "stderr": obsids.map { "INFO:Schedule metadata for \($0)" }.joined(separator: "\n")],
            "trigger_id": triggerId, "obsid_list": obsids,
        ]
    }

    /// As the service reads flags: true, yes, y, on or a non-zero integer.
    static func truth(_ text: String) -> Bool {
        ["true", "t", "yes", "y", "on"].contains(text.lowercased()) || (Int(text).map { $0 != 0 } ?? false)
    }

    static func gpsNow() -> Int64 {
        Int64(Date().timeIntervalSince1970 - 315_964_800 + 18)
    }

    private static func json(_ value: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
