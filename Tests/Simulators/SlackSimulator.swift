import Foundation
import Hummingbird
import Synchronization

/// A stand-in for Slack's incoming webhooks and Web API (chat.postMessage, conversations.history),
/// answering as Slack documents, recording every message it receives, and able to refuse or stall on
/// request so tests can drive the notifier's failure paths. For tests and the local demo, not the product.
public final class SlackSimulator: Sendable {
    /// One message as Slack received it.
    public struct Received: Sendable {
        public let route: String
        public let body: [UInt8]
        public let ts: String
        public let authorization: String?

        /// The body as JSON.
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    /// How the next requests are answered, in order; after them, normally.
    public enum Answer: Sendable {
        case status(Int, retryAfter: Int? = nil)
        case webAPIError(String)
        case stall(Duration)
    }

    private struct State {
        var received: [Received] = []
        var answers: [Answer] = []
        var nextTs = 1_700_000_000.000100
        var started = 0
    }

    private let state = Mutex(State())
    public let botToken: String

    public init(botToken: String = "simulated-bot-token") {
        self.botToken = botToken
    }

    public var received: [Received] { state.withLock { $0.received } }
    /// Requests that have reached the simulator, answered or not (a stalled one counts).
    public var requestsStarted: Int { state.withLock { $0.started } }

    public func answerNext(_ answers: [Answer]) {
        state.withLock { $0.answers += answers }
    }

    public func addRoutes(to router: Router<some RequestContext>) {
        router.post("webhook/**") { request, context in
            try await self.handle(request, context: context, route: "webhook", webAPI: false)
        }
        router.post("api/chat.postMessage") { request, context in
            try await self.handle(request, context: context, route: "chat.postMessage", webAPI: true)
        }
        router.get("api/conversations.history") { request, _ in
            guard request.headers[.authorization] == "Bearer \(self.botToken)" else { return Self.json(["ok": false, "error": "invalid_auth"]) }
            let channel = request.uri.queryParameters["channel"].map(String.init)
            let messages = self.received.filter { $0.route == "chat.postMessage" && $0.json["channel"] as? String == channel && $0.json["thread_ts"] == nil }
                .reversed().map { message -> [String: Any] in
                    var item: [String: Any] = ["type": "message", "ts": message.ts, "text": message.json["text"] ?? ""]
                    if let metadata = message.json["metadata"] { item["metadata"] = metadata }
                    return item
                }
            return Self.json(["ok": true, "messages": Array(messages), "has_more": false])
        }
    }

    private func handle(_ request: Request, context: some RequestContext, route: String, webAPI: Bool) async throws -> Response {
        let answer = state.withLock { state in
            state.started += 1
            return state.answers.isEmpty ? nil : state.answers.removeFirst()
        }
        let body = try await request.body.collect(upTo: 1 << 20)
        if case .stall(let duration) = answer { try await Task.sleep(for: duration) }
        if case .status(let status, let retryAfter) = answer {
            var headers: HTTPFields = [:]
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: "rate_limited")))
        }
        if case .webAPIError(let error) = answer { return Self.json(["ok": false, "error": error]) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            return webAPI ? Self.json(["ok": false, "error": "invalid_json"]) : Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "invalid_payload")))
        }
        let authorization = request.headers[.authorization]
        if webAPI {
            guard authorization == "Bearer \(botToken)" else { return Self.json(["ok": false, "error": "invalid_auth"]) }
            guard object["channel"] is String else { return Self.json(["ok": false, "error": "channel_not_found"]) }
        }
        guard object["text"] is String || object["blocks"] is [Any] else {
            return webAPI ? Self.json(["ok": false, "error": "no_text"]) : Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "no_text")))
        }
        let ts = state.withLock { state -> String in
            state.nextTs += 1
            let ts = String(format: "%.6f", state.nextTs)
            state.received.append(Received(route: route, body: Array(buffer: body), ts: ts, authorization: authorization))
            return ts
        }
        if webAPI { return Self.json(["ok": true, "channel": object["channel"] ?? "", "ts": ts, "message": ["text": object["text"] ?? ""]]) }
        return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
    }

    private static func json(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
