import Foundation
import HTTPClient
import Logging
import Schema
import ServiceRuntime

/// Reports an FRB's first measurement to the Transient Name Server once. The report is written to the
/// ledger before it is sent; if the notifier dies after sending, or TNS fails in a way that leaves the
/// report's fate unknown, the next attempt searches TNS for our internal name (unique per FRB) before
/// sending again. The name arrives later, through `TNSNamePoller`.
struct TNSChannel: FRBChannel {
    /// Without TNS configured, reports are still built (for the outbox) from these settings.
    let settings: TNSSettings
    let run: DeliveryRun
    let client: TNSClient?
    let outbox: Outbox
    /// How long TNS may take to process a report before a search by internal name finds it.
    let processingSeconds: TimeInterval

    func measurementStored(_ stored: FRBMeasurementStored) async -> [DeliveryRun.Result] {
        guard stored.isFirstMeasurement else { return [] }
        let frbId = stored.frb.frbId
        let settings = self.settings
        let data: String
        do {
            data = try TNSReport.data(for: stored, settings: settings)
        } catch {
            let delivery = Delivery(key: "tns:frb:\(frbId)", channel: .tns, target: "tns", frbId: frbId)
            return [await run.run(delivery, payload: nil) { _ throws(DeliveryError) in
                throw DeliveryError(reason: "no TNS report can be made: \(error.reason)", permanent: true)
            }]
        }
        let internalName = TNSReport.internalName(frbId: frbId, settings: settings)
        let delivery = Delivery(key: "tns:frb:\(frbId)", channel: .tns, target: client == nil ? "outbox" : settings.baseURL, frbId: frbId)
        let (client, outbox, run, processingSeconds) = (self.client, self.outbox, self.run, self.processingSeconds)
        return [await run.run(delivery, payload: data) { start throws(DeliveryError) in
            var payload = data
            if case .fresh(_, let recorded?) = start { payload = recorded }
            if case .interrupted(_, let recorded, _, _) = start { payload = recorded ?? data }
            guard let client else {
                let path = try outbox.write(Array(payload.utf8), key: delivery.key, extension: "tns.json")
                return DeliveryReceipt(target: "outbox:\(path)", answer: "written to the outbox")
            }
            if case .interrupted(_, _, _, let since) = start {
                // A report TNS is still processing is not searchable yet: wait out the processing time first.
                let searchable = since.addingTimeInterval(processingSeconds)
                if searchable > Date() { try? await Task.sleep(for: .seconds(searchable.timeIntervalSinceNow)) }
                if let objname = try await client.search(internalName: internalName).first {
                    do {
                        try await run.publish(TNSNameAssigned(frbId: frbId, tnsName: TNSReplies.displayName(objname),
                                                              reportId: "found by internal name", assignedAt: Date()),
                                              id: "\(delivery.key)#name")
                    } catch {
                        throw DeliveryError(reason: "shutting down before the name was published", permanent: false, ambiguous: true)
                    }
                    return DeliveryReceipt(target: delivery.target, externalId: objname, answer: "already reported: found \(objname) by internal name")
                }
            }
            let reportId = try await client.submit(data: payload)
            return DeliveryReceipt(target: delivery.target, externalId: reportId, httpStatus: 200, answer: "report \(reportId)", submitted: true)
        }]
    }

    func frbRejected(_ frbId: Int64, rejects: Int, confirms: Int) async -> [DeliveryRun.Result] { [] }
}

/// The TNS bot API calls: `api_key` and `data` (or `report_id`) as form fields, the bot's `tns_marker`
/// User-Agent, 429 answered by waiting `x-rate-limit-reset` seconds. The API key never reaches a log
/// or an error.
struct TNSClient: Sendable {
    let settings: TNSSettings
    let apiKey: Secret
    let http: HTTPClient

    /// Sends a report and returns its report id. A 5xx or timeout after sending is ambiguous.
    func submit(data: String) async throws(DeliveryError) -> String {
        let response = try await post(settings.reportURL, [("api_key", apiKey.value), ("data", data)])
        do {
            return try TNSReplies.reportID(status: response.status, body: response.body)
        } catch {
            throw DeliveryError(reason: error.reason, permanent: (400..<500).contains(response.status) && response.status != 429,
                                httpStatus: response.status, answer: String(response.text.prefix(300)), ambiguous: response.status >= 500)
        }
    }

    func reply(reportId: String) async throws(DeliveryError) -> TNSReplyOutcome {
        let response = try await post(settings.replyURL, [("api_key", apiKey.value), ("report_id", reportId)])
        return TNSReplies.replyOutcome(status: response.status, body: response.body)
    }

    /// TNS objects reported under `internalName`.
    func search(internalName: String) async throws(DeliveryError) -> [String] {
        let data: String
        do {
            data = try TNSReport.searchData(internalName: internalName)
        } catch {
            throw DeliveryError(reason: error.reason, permanent: true)
        }
        let response = try await post(settings.searchURL, [("api_key", apiKey.value), ("data", data)])
        do {
            return try TNSReplies.searchObjnames(status: response.status, body: response.body)
        } catch {
            throw DeliveryError(reason: "TNS search failed: \(error.reason)", permanent: false, httpStatus: response.status, ambiguous: true)
        }
    }

    /// POSTs a form. A 429 with a short reset is waited out (twice at most); a longer one is a retryable
    /// failure, so the notifier's only handler is never held for minutes.
    private func post(_ url: String, _ fields: [(String, String)]) async throws(DeliveryError) -> HTTPResponse {
        guard let target = URL(string: url) else { throw DeliveryError(reason: "the TNS URL is not a URL", permanent: true) }
        let request = HTTPRequest(.post, target, headers: ["User-Agent": settings.userAgent(), "Accept": "application/json"], body: .form(fields))
        for attempt in 0..<3 {
            let response: HTTPResponse
            do {
                response = try await http.send(request, timeout: .seconds(30), retry: RetryPolicy(maxAttempts: 3, retryableStatuses: [503]))
            } catch {
                throw DeliveryError(reason: "TNS unreachable: \(error.code)", permanent: false, ambiguous: error.requestMayHaveBeenSent)
            }
            guard response.status == 429 else { return response }
            let wait = TNSReplies.retryDelay(rateLimitReset: response.headers["x-rate-limit-reset"])
            guard attempt < 2, wait <= .seconds(10) else { break }
            try? await Task.sleep(for: wait)
        }
        throw DeliveryError(reason: "TNS rate limit", permanent: false, httpStatus: 429)
    }
}
