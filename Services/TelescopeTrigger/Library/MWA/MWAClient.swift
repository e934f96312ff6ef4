import Foundation
import HTTPClient
import ServiceRuntime

/// The MWA trigger web services (`busy`, `obslist`, `vcsfree`, `triggerobs`, `triggervcs`,
/// `triggerbuffer`), encoded as the reference client does: `project_id` and `obsname` in the query
/// string, everything else — `secure_key` included — as a form body, lists JSON-encoded, booleans as
/// Python prints them ("True"/"False"). A trigger is never re-sent once it may have been accepted;
/// the read-only services are retried.
struct MWAClient: Sendable {
    let baseURL: String
    let http: HTTPClient
    var timeout: Duration = .seconds(30)

    /// True when the telescope cannot be interrupted by `projectId` in the next `obstime` seconds.
    func busy(projectId: String, obstime: Int) async throws(MWAError) -> Bool {
        let body = try await get("busy", ["project_id": projectId, "obstime": String(obstime)])
        guard let busy = (try? JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)) as? Bool else {
            throw MWAError(reason: "busy did not answer true or false", permanent: true)
        }
        return busy
    }

    /// The most voltage-capture seconds allowed now.
    func vcsfree() async throws(MWAError) -> Int {
        let body = try await get("vcsfree", [:])
        guard let seconds = (try? JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)) as? NSNumber else {
            throw MWAError(reason: "vcsfree did not answer a number", permanent: true)
        }
        return seconds.intValue
    }

    /// Scheduled observations over the next `obstime` seconds: (start, stop, obsname, creator, project_id, mode, groupid).
    func obslist(obstime: Int) async throws(MWAError) -> [[String]] {
        let body = try await get("obslist", ["obstime": String(obstime)])
        guard let rows = (try? JSONSerialization.jsonObject(with: Data(body))) as? [[Any]] else {
            throw MWAError(reason: "obslist did not answer a list of observations", permanent: true)
        }
        return rows.map { $0.map { "\($0)" } }
    }

    func trigger(_ request: MWAObservationRequest, voltageCapture: Bool, secureKey: Secret) async throws(MWAError) -> MWATriggerResult {
        try await post(voltageCapture ? "triggervcs" : "triggerobs", query: request.queryParameters,
                       form: [("secure_key", secureKey.value)] + request.formParameters(voltageCapture: voltageCapture))
    }

    func triggerBuffer(_ request: MWABufferRequest, secureKey: Secret) async throws(MWAError) -> MWATriggerResult {
        try await post("triggerbuffer", query: request.queryParameters, form: [("secure_key", secureKey.value)] + request.formParameters())
    }

    private func get(_ service: String, _ query: [String: String]) async throws(MWAError) -> [UInt8] {
        let response = try await send(HTTPRequest(.get, try url(service, query), headers: ["Accept": "application/json"]),
                                      retry: .standard)
        guard response.isSuccess else { throw MWAError(reason: "\(service) answered HTTP \(response.status)", httpStatus: response.status) }
        return response.body
    }

    private func post(_ service: String, query: [String: String], form: [(String, String)]) async throws(MWAError) -> MWATriggerResult {
        let request = HTTPRequest(.post, try url(service, query), headers: ["Accept": "application/json"], body: .form(form))
        // Only refusals that prove nothing happened (429, 503) are retried; a timeout or 5xx may have triggered.
        let response = try await send(request, retry: RetryPolicy(maxAttempts: 2, retryableStatuses: [429, 503]))
        guard response.isSuccess else {
            throw MWAError(reason: "\(service) answered HTTP \(response.status)", permanent: (400..<500).contains(response.status),
                           mayHaveTriggered: response.status >= 500, httpStatus: response.status)
        }
        return try MWATriggerResult.parse(response.body)
    }

    private func send(_ request: HTTPRequest, retry: RetryPolicy) async throws(MWAError) -> HTTPResponse {
        do {
            return try await http.send(request, timeout: timeout, retry: retry)
        } catch {
            throw MWAError(reason: "MWA unreachable: \(error.code)", mayHaveTriggered: error.requestMayHaveBeenSent)
        }
    }

    private func url(_ service: String, _ query: [String: String]) throws(MWAError) -> URL {
        var components = URLComponents(string: (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + service)
        if !query.isEmpty { components?.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        guard let url = components?.url else { throw MWAError(reason: "the MWA base URL is not a URL", permanent: true) }
        return url
    }
}
