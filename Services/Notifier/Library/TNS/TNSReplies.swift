import Foundation
import Schema

/// What `get/bulk-report-reply` says about a report.
enum TNSReplyOutcome: Sendable, Equatable {
    /// TNS answers 404 while the report is still being processed.
    case pending
    /// `objname` as TNS sent it (stored as is); `displayName` is "FRB " + the bare name.
    case named(objname: String, displayName: String)
    /// Processed but not named: id_code 400, or feedback without an objname.
    case rejected(messages: [String])
    case failed(TNSError)
}

/// Reads TNS answers from the HTTP status and body alone, so the client and its tests share one
/// interpretation and no parsing depends on a live server.
enum TNSReplies {
    /// The report id from `set/bulk-report`. TNS has sent it both as a number and as a string.
    static func reportID(status: Int, body: [UInt8]) throws(TNSError) -> String {
        let json = try envelope(status: status, body: body)
        guard idCode(json) == 200, json["id_message"]?.text?.uppercased() == "OK" else {
            throw TNSError(reason: "TNS refused the report: \(summary(json))")
        }
        guard let id = json["data"]?["report_id"]?.text, !id.isEmpty else {
            throw TNSError(reason: "TNS accepted the report but sent no report_id")
        }
        return id
    }

    static func replyOutcome(status: Int, body: [UInt8]) -> TNSReplyOutcome {
        if status == 404 { return .pending }
        let json: JSONValue
        do {
            json = try envelope(status: status, body: body)
        } catch {
            return .failed(error)
        }
        let entries = feedbackEntries(json)
        let messages = entries.flatMap { $0.sorted { $0.key < $1.key }.compactMap { $0.value["message"]?.text } }
        switch idCode(json) {
        case 200:
            for entry in entries {
                if let objname = (entry["100"] ?? entry["101"])?["objname"]?.text, !objname.isEmpty {
                    return .named(objname: objname, displayName: displayName(objname))
                }
            }
            return .rejected(messages: messages)
        case 400:
            return .rejected(messages: messages.isEmpty ? [summary(json)] : messages)
        default:
            return .failed(TNSError(reason: "TNS reply not understood: \(summary(json))"))
        }
    }

    /// The objnames `get/search` found, to see whether a report sent before a crash already landed.
    /// Anything but a clear answer throws, because "not found" would lead to reporting the burst twice.
    static func searchObjnames(status: Int, body: [UInt8]) throws(TNSError) -> [String] {
        let json = try envelope(status: status, body: body)
        guard idCode(json) == 200 else {
            throw TNSError(reason: "TNS search failed: \(summary(json))")
        }
        guard case .array(let rows)? = json["data"]?["reply"] else { return [] }
        return rows.compactMap { $0["objname"]?.text }
    }

    /// How long to wait after a 429: `x-rate-limit-reset` seconds, at least one. Without the header,
    /// the whole one-minute window TNS counts over.
    static func retryDelay(rateLimitReset: String?) -> Duration {
        guard let text = rateLimitReset?.trimmingCharacters(in: .whitespaces), let seconds = Double(text),
              seconds.isFinite else { return .seconds(60) }
        return .milliseconds(Int64((max(seconds, 1) * 1000).rounded(.up)))
    }

    /// "FRB 20171117A" from "20171117A", "FRB20171117A" or "FRB 20171117A".
    static func displayName(_ objname: String) -> String {
        var bare = Substring(objname.trimmingCharacters(in: .whitespaces))
        if bare.uppercased().hasPrefix("FRB") { bare = bare.dropFirst(3) }
        return "FRB " + bare.trimmingCharacters(in: .whitespaces)
    }

    private static func envelope(status: Int, body: [UInt8]) throws(TNSError) -> JSONValue {
        let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body))
        guard status == 200 else {
            throw TNSError(reason: "TNS answered HTTP \(status)" + (json.map { ": " + summary($0) } ?? ""))
        }
        guard let json, case .object = json else {
            throw TNSError(reason: "TNS answered HTTP 200 with a body that is not a JSON object")
        }
        return json
    }

    /// One dictionary per report in the bulk, keyed by message id ("100", "102", ...).
    private static func feedbackEntries(_ json: JSONValue) -> [[String: JSONValue]] {
        guard case .array(let entries)? = json["data"]?["feedback"]?["frb_report"] else { return [] }
        return entries.compactMap(\.objectValue)
    }

    private static func idCode(_ json: JSONValue) -> Int? {
        json["id_code"]?.text.flatMap { Int($0) }
    }

    private static func summary(_ json: JSONValue) -> String {
        let code = json["id_code"]?.text ?? "no id_code"
        return json["id_message"]?.text.map { "\(code) \($0)" } ?? code
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { object } else { nil }
    }

    /// Strings as they are, integral numbers without a fraction: ids arrive either way.
    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: String(Int64(value))
        case .number(let value): String(value)
        default: nil
        }
    }
}
