import Foundation
import HTTPClient
import Logging
import ServiceRuntime

/// Posts Slack messages: through chat.postMessage when a bot token is configured (its answer carries
/// the `ts` thread replies need, and message metadata lets a restarted notifier find what it already
/// posted), else through the incoming webhook, else into the outbox.
struct SlackSender: Sendable {
    enum Route: Sendable {
        case bot(token: Secret, channel: String, apiURL: String)
        case webhook(url: Secret)
        case outbox(Outbox)
    }

    struct Posted: Sendable {
        /// The message's `ts` (chat.postMessage only).
        let ts: String?
        let target: String
        let httpStatus: Int?
        let answer: String
    }

    let route: Route
    let http: HTTPClient

    init(settings: NotifierConfiguration.Slack?, outbox: Outbox, http: HTTPClient) {
        self.http = http
        if let token = settings?.botToken, !token.value.isEmpty, let channel = settings?.channel, !channel.isEmpty {
            route = .bot(token: token, channel: channel, apiURL: settings?.apiUrl ?? "https://slack.com/api")
        } else if let url = settings?.webhookUrl, !url.value.isEmpty {
            route = .webhook(url: url)
        } else {
            route = .outbox(outbox)
        }
    }

    /// Where messages go, safe to log (never the webhook URL or token).
    var target: String {
        switch route {
        case .bot(_, let channel, _): channel
        case .webhook: "webhook"
        case .outbox: "outbox"
        }
    }

    func post(_ message: SlackMessage, ledgerKey: String, channel: String? = nil) async throws(DeliveryError) -> Posted {
        switch route {
        case .outbox(let outbox):
            let path = try outbox.write(message.body(channel: channel, metadata: ledgerKey), key: ledgerKey, extension: "slack.json")
            return Posted(ts: nil, target: "outbox:\(path)", httpStatus: nil, answer: "written to the outbox")
        case .webhook(let url):
            let response = try await send(url: url.value, token: nil, body: message.body(channel: channel, metadata: nil))
            guard response.isSuccess else { throw failure(response, what: "webhook") }
            return Posted(ts: nil, target: "webhook", httpStatus: response.status, answer: String(response.text.prefix(200)))
        case .bot(let token, let defaultChannel, let apiURL):
            let destination = channel ?? defaultChannel
            let response = try await send(url: apiURL + "/chat.postMessage", token: token,
                                          body: message.body(channel: destination, metadata: ledgerKey))
            let answer = try Self.webAPIAnswer(response, what: "chat.postMessage")
            return Posted(ts: answer["ts"] as? String, target: destination, httpStatus: response.status, answer: String(response.text.prefix(200)))
        }
    }

    /// How long a post can take before the client gives up; a post from a dead process has landed or
    /// failed once this much time has passed since it started.
    static let requestTimeout: Duration = .seconds(10)

    /// For a delivery interrupted by a crash: waits until the dead process's post has landed or failed,
    /// then looks for it. Nil for a fresh delivery, or when the message is not there (or not findable:
    /// webhooks have no history, so a crash in that window may post twice).
    func postedBefore(_ start: DeliveryLedger.Start, ledgerKey: String) async throws(DeliveryError) -> String? {
        guard case .interrupted(_, _, _, let since) = start, case .bot = route else { return nil }
        let settled = since.addingTimeInterval(Double(Self.requestTimeout.components.seconds) + 2)
        if settled > Date() { try? await Task.sleep(for: .seconds(settled.timeIntervalSinceNow)) }
        return try await alreadyPosted(ledgerKey: ledgerKey, since: since)
    }

    /// The `ts` of a message this notifier posted for `ledgerKey` since `since`, found through its metadata
    /// in the channel's recent history.
    private func alreadyPosted(ledgerKey: String, since: Date) async throws(DeliveryError) -> String? {
        guard case .bot(let token, let channel, let apiURL) = route else { return nil }
        let query = "channel=\(channel)&oldest=\(Int(since.timeIntervalSince1970) - 60)&include_all_metadata=true&limit=200"
        guard let url = URL(string: apiURL + "/conversations.history?" + query) else {
            throw DeliveryError(reason: "the Slack API URL is not a URL", permanent: true)
        }
        let request = HTTPRequest(.get, url, headers: ["Authorization": "Bearer \(token.value)"])
        let response: HTTPResponse
        do {
            response = try await http.send(request, timeout: .seconds(10), retry: .standard)
        } catch {
            throw DeliveryError(reason: "conversations.history: \(error.code)", permanent: false)
        }
        let answer = try Self.webAPIAnswer(response, what: "conversations.history")
        for message in answer["messages"] as? [[String: Any]] ?? [] {
            let payload = (message["metadata"] as? [String: Any])?["event_payload"] as? [String: Any]
            if payload?["ledger_key"] as? String == ledgerKey { return message["ts"] as? String }
        }
        return nil
    }

    private func send(url: String, token: Secret?, body: [UInt8]) async throws(DeliveryError) -> HTTPResponse {
        guard let target = URL(string: url) else { throw DeliveryError(reason: "the Slack URL is not a URL", permanent: true) }
        var headers: HTTPHeaders = [:]
        if let token { headers.add("Authorization", "Bearer \(token.value)") }
        let request = HTTPRequest(.post, target, headers: headers, body: .bytes(body, contentType: "application/json; charset=utf-8"),
                                  pathIsSecret: token == nil)
        do {
            return try await http.send(request, timeout: Self.requestTimeout, retry: .standard)
        } catch {
            throw DeliveryError(reason: "Slack unreachable: \(error.code)", permanent: false)
        }
    }

    /// Slack's Web API answers HTTP 200 with `ok: false` and an error code for most failures.
    private static func webAPIAnswer(_ response: HTTPResponse, what: String) throws(DeliveryError) -> [String: Any] {
        guard response.isSuccess else {
            throw DeliveryError(reason: "\(what) answered HTTP \(response.status)", permanent: (400..<500).contains(response.status) && response.status != 429,
                                httpStatus: response.status, answer: String(response.text.prefix(200)))
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        guard object["ok"] as? Bool == true else {
            let error = object["error"] as? String ?? "no ok field"
            let transient: Set<String> = ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]
            throw DeliveryError(reason: "\(what) refused: \(error)", permanent: !transient.contains(error), httpStatus: response.status,
                                answer: String(response.text.prefix(200)))
        }
        return object
    }

    private func failure(_ response: HTTPResponse, what: String) -> DeliveryError {
        DeliveryError(reason: "\(what) answered HTTP \(response.status): \(response.text.prefix(100))",
                      permanent: (400..<500).contains(response.status) && response.status != 429,
                      httpStatus: response.status, answer: String(response.text.prefix(200)))
    }
}
