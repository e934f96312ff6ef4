import Foundation
import Schema

/// Slack messages as Block Kit JSON. The new-FRB message keeps FRB_candidates_app's shape (header, one
/// image block per plot, Confirm/Reject buttons whose value is the FRB id, which ingest-api's
/// `/slack/actions` reads back) and adds the parameters people rate by.
struct SlackMessage: Sendable, Equatable {
    let text: String
    let blocks: [JSONValue]
    var threadTs: String?

    /// The body for an incoming webhook or, with `channel`, for chat.postMessage; `metadata` lets the
    /// notifier find its own message again after a crash (chat.postMessage only).
    func body(channel: String?, metadata ledgerKey: String?) -> [UInt8] {
        var object: [String: JSONValue] = ["text": .string(text)]
        if !blocks.isEmpty { object["blocks"] = .array(blocks) }
        if let channel { object["channel"] = .string(channel) }
        if let threadTs { object["thread_ts"] = .string(threadTs) }
        if let ledgerKey {
            object["metadata"] = .object(["event_type": .string("burstwire_delivery"),
                                          "event_payload": .object(["ledger_key": .string(ledgerKey)])])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(JSONValue.object(object))) ?? Data())
    }

    static func newFRB(_ stored: FRBMeasurementStored, catalogURL: String?) -> SlackMessage {
        let frb = stored.frb
        let m = stored.measurement
        let title = "New FRB event (ID: \(frb.frbId))"
        var details = [
            "*DM:* \(format(m.dm, "%.1f")) ± \(format(m.dmErr, "%.1f")) pc/cm^3",
            "*S/N:* \(format(m.sn, "%.1f"))",
            "*Width:* \(format(m.width, "%.2f")) ms",
            "*RA, Dec:* \(m.raHms) \(m.decDms) (\(String(format: "%.4f", m.ra)), \(String(format: "%.4f", m.dec)) ±\(String(format: "%.3f", max(m.raPosError, m.decPosError)))°)",
            "*Time of arrival:* \(EventTimestamp.string(from: frb.timeOfArrival) ?? "")",
        ]
        if frb.repeater { details.append("*Repeater*") }
        if let catalogURL { details.append("<\(catalogURL.hasSuffix("/") ? catalogURL : catalogURL + "/")frbs/\(frb.frbId)|Open in the catalogue>") }
        var blocks: [JSONValue] = [
            .object(["type": "header", "text": plain(title)]),
            .object(["type": "section", "text": .object(["type": "mrkdwn", "text": .string(details.joined(separator: "\n"))])]),
        ]
        let images = [("FRB search", "search", stored.imageUrls.search), ("FRB radio image", "image", stored.imageUrls.image),
                      ("FRB histogram", "histogram", stored.imageUrls.histogram)]
        for (caption, alt, url) in images {
            guard let url else { continue }
            blocks.append(.object(["type": "image", "title": plain(caption), "image_url": .string(url), "alt_text": .string(alt)]))
        }
        let value = JSONValue.string(String(frb.frbId))
        blocks.append(.object([
            "type": "actions", "block_id": .string("frb_rating_\(frb.frbId)"),
            "elements": .array([
                .object(["type": "button", "text": plain("Confirm"), "style": "primary", "action_id": "action_confirm", "value": value]),
                .object(["type": "button", "text": plain("Reject"), "style": "danger", "action_id": "action_reject", "value": value]),
            ]),
        ]))
        return SlackMessage(text: title, blocks: blocks)
    }

    /// The thread reply FRB_candidates_app posts after a click.
    static func ratingRecorded(_ rating: SlackRatingReceived) -> SlackMessage {
        SlackMessage(text: "\(rating.slackUserName)'s \(rating.rating.rawValue) classification has been recorded.", blocks: [],
                     threadTs: rating.messageTs)
    }

    private static func plain(_ text: String) -> JSONValue {
        .object(["type": "plain_text", "text": .string(text)])
    }

    private static func format(_ value: Double?, _ pattern: String) -> String {
        value.map { String(format: pattern, $0) } ?? "–"
    }
}
