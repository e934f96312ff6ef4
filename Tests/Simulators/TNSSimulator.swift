import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A stand-in for the Transient Name Server's bot API (`set/bulk-report`, `get/bulk-report-reply`,
/// `get/search`): it checks the bot's `tns_marker` User-Agent and API key, answers a new report with a
/// report id, answers the reply endpoint 404 while "processing" (a set number of times), then with the
/// name under feedback key "100", and can answer 429 with `x-rate-limit-reset` or 5xx on request.
/// For tests and the local demo, not the product.
public final class TNSSimulator: Sendable {
    public struct Report: Sendable {
        public let reportId: String
        public let data: [UInt8]
        public let userAgent: String?
        public let objname: String

        /// The report's `data` JSON.
        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any] ?? [:] }
        /// `frb_report."0"`.
        public var firstReport: [String: Any] { ((json["frb_report"] as? [String: Any])?["0"] as? [String: Any]) ?? [:] }
    }

    public enum Answer: Sendable {
        case status(Int)
        case rateLimited(resetSeconds: Int)
        /// Does the work, then answers with this status anyway: a report that landed though the caller cannot know.
        case processedThenStatus(Int)
    }

    private struct State {
        var reports: [Report] = []
        var replyCalls: [String: Int] = [:]
        var answers: [(path: String?, answer: Answer)] = []
        var calls: [String] = []
    }

    private let state = Mutex(State())
    public let apiKey: String
    public let botId: String
    public let botName: String
    /// How many reply polls answer 404 before the name is given.
    public let pendingPolls: Int

    public init(apiKey: String = "simulated-key", botId: String = "123456", botName: String = "burstwire_bot", pendingPolls: Int = 2) {
        self.apiKey = apiKey
        self.botId = botId
        self.botName = botName
        self.pendingPolls = pendingPolls
    }

    public var reports: [Report] { state.withLock { $0.reports } }
    /// Every call, as "path status", in order.
    public var calls: [String] { state.withLock { $0.calls } }

    /// Answers the next requests (to `path`, e.g. "set/bulk-report", or to any path) in order.
    public func answerNext(_ answers: [Answer], on path: String? = nil) {
        state.withLock { $0.answers += answers.map { (path, $0) } }
    }

    /// Routes under `prefix` (e.g. "api"), so the base URL is `http://host:port/api`.
    public func addRoutes(to router: Router<some RequestContext>, prefix: String = "api") {
        router.post("\(prefix)/set/bulk-report") { request, _ in try await self.handle(request, "set/bulk-report") { self.report($0, request) } }
        router.post("\(prefix)/get/bulk-report-reply") { request, _ in try await self.handle(request, "get/bulk-report-reply") { self.reply($0) } }
        router.post("\(prefix)/get/search") { request, _ in try await self.handle(request, "get/search") { self.search($0) } }
    }

    private func handle(_ request: Request, _ path: String, _ answer: ([String: String]) -> (Int, [String: Any])) async throws -> Response {
        let body = try await request.body.collect(upTo: 4 << 20)
        let fields = FormBody.fields(String(buffer: body), contentType: request.headers[.contentType] ?? "")
        let forced = state.withLock { state -> Answer? in
            guard let index = state.answers.firstIndex(where: { $0.path == nil || $0.path == path }) else { return nil }
            return state.answers.remove(at: index).answer
        }
        let (status, json): (Int, [String: Any])
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("x-rate-limit-limit")!] = "100"
        switch forced {
        case .rateLimited(let reset):
            headers[HTTPField.Name("x-rate-limit-remaining")!] = "0"
            headers[HTTPField.Name("x-rate-limit-reset")!] = String(reset)
            (status, json) = (429, ["id_code": 429, "id_message": "Too Many Requests"])
        case .status(let code):
            (status, json) = (code, ["id_code": code, "id_message": "Simulated failure"])
        case .processedThenStatus(let code):
            _ = answer(fields)
            (status, json) = (code, ["id_code": code, "id_message": "Simulated failure after processing"])
        case nil:
            let marker = "tns_marker{\"tns_id\": \"\(botId)\", \"type\": \"bot\", \"name\": \"\(botName)\"}"
            if request.headers[.userAgent] != marker {
                (status, json) = (403, ["id_code": 403, "id_message": "Forbidden: missing or wrong tns_marker User-Agent"])
            } else if fields["api_key"] != apiKey {
                (status, json) = (401, ["id_code": 401, "id_message": "Unauthorized"])
            } else {
                (status, json) = answer(fields)
            }
        }
        state.withLock { $0.calls.append("\(path) \(status)") }
        headers[HTTPField.Name("x-rate-limit-remaining")!] = headers[HTTPField.Name("x-rate-limit-remaining")!] ?? "99"
        headers[HTTPField.Name("x-rate-limit-reset")!] = headers[HTTPField.Name("x-rate-limit-reset")!] ?? "60"
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func report(_ fields: [String: String], _ request: Request) -> (Int, [String: Any]) {
        guard let data = fields["data"], let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
              let reports = object["frb_report"] as? [String: Any], let first = reports["0"] as? [String: Any] else {
            return (400, ["id_code": 400, "id_message": "Bad request: data is not an frb_report"])
        }
        let day = (first["discovery_datetime"] as? String).map { String($0.prefix(10)).replacingOccurrences(of: "-", with: "") } ?? "20000101"
        return state.withLock { state in
            let reportId = String(100_000 + state.reports.count + 1)
            let sameDay = state.reports.filter { $0.objname.hasPrefix(day) }.count
            let letters = Self.letters(sameDay)
            state.reports.append(Report(reportId: reportId, data: Array(data.utf8), userAgent: request.headers[.userAgent], objname: day + letters))
            return (200, ["id_code": 200, "id_message": "OK", "data": ["report_id": reportId]])
        }
    }

    private func reply(_ fields: [String: String]) -> (Int, [String: Any]) {
        state.withLock { state in
            guard let id = fields["report_id"], let report = state.reports.first(where: { $0.reportId == id }) else {
                return (404, ["id_code": 404, "id_message": "Not found"])
            }
            state.replyCalls[id, default: 0] += 1
            guard state.replyCalls[id]! > pendingPolls else { return (404, ["id_code": 404, "id_message": "Not found"]) }
            let feedback: [String: Any] = ["100": ["objname": report.objname, "message": "FRB \(report.objname) was created", "message_id": 100]]
            return (200, ["id_code": 200, "id_message": "OK", "data": ["feedback": ["frb_report": [feedback]]]])
        }
    }

    private func search(_ fields: [String: String]) -> (Int, [String: Any]) {
        let query = fields["data"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        let internalName = query["internal_name"] as? String
        let matches = state.withLock { state in
            state.reports.filter { $0.firstReport["internal_name"] as? String == internalName && internalName != nil }
        }
        return (200, ["id_code": 200, "id_message": "OK", "data": ["reply": matches.map { ["objname": $0.objname, "prefix": "FRB", "objid": Int($0.reportId) ?? 0] }]])
    }

    /// "A", "B", ... "Z", "AA", ...: TNS's suffixes for the day's FRBs.
    private static func letters(_ index: Int) -> String {
        var index = index
        var result = ""
        repeat {
            result = String(UnicodeScalar(UInt8(65 + index % 26))) + result
            index = index / 26 - 1
        } while index >= 0
        return result
    }
}
