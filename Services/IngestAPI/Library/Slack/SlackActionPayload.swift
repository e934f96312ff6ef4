import Foundation
import Schema

/// Reads Slack's `block_actions` interactivity payload into the click it stands for. Call it only on
/// a body `SlackRequestVerifier` accepted.
///
/// The fields are the ones FRB_candidates_app's `slack_get_rating` read: `actions[0].action_id` and
/// `value`, `user.id` and `user.username`, the message's `ts` and channel, plus `action_ts` (to order
/// a user's clicks) and `response_url` (to answer the rater without the webhook).
public enum SlackActionPayload {
    /// The rating buttons of the FRB alert; their `value` is the FRB id.
    public static let ratingActions: [String: SlackRating] = ["action_confirm": .confirm, "action_reject": .reject]
    /// The approval buttons of a pending trigger decision; their `value` is the decision id.
    public static let approvalActions: [String: Bool] = ["trigger_approve": true, "trigger_reject": false]

    /// Parses the form body Slack POSTs (`payload=<URL-encoded JSON>`).
    public static func parse(formBody: [UInt8]) throws(SlackPayloadError) -> SlackClick {
        guard let json = try SlackFormBody.value(of: "payload", in: formBody) else { throw .missingField("payload") }
        let body = try decode(json)
        guard let type = body.type else { throw .missingField("type") }
        guard type == "block_actions" else { throw .unsupportedType(type) }
        guard let action = body.actions?.first else { throw .missingField("actions") }
        guard let actionId = action.actionId else { throw .missingField("actions[0].action_id") }
        guard let userId = body.user?.id else { throw .missingField("user.id") }
        guard let userName = body.user?.username ?? body.user?.name else { throw .missingField("user.username") }
        guard let value = action.value else { throw .missingField("actions[0].value") }
        guard let actionTs = action.actionTs else { throw .missingField("actions[0].action_ts") }
        let channelId = body.channel?.id ?? body.container?.channelId
        let messageTs = body.container?.messageTs ?? body.message?.ts

        if let rating = ratingActions[actionId] {
            return .rating(SlackRatingReceived(
                frbId: try positiveId(value, naming: "an FRB id"), slackUserId: userId, slackUserName: userName,
                rating: rating, actionTs: actionTs, channelId: channelId, messageTs: messageTs, responseUrl: body.responseUrl))
        }
        if let approved = approvalActions[actionId] {
            return .approval(SlackApprovalClick(
                decisionId: try positiveId(value, naming: "a decision id"), approved: approved, slackUserId: userId,
                slackUserName: userName, actionTs: actionTs, channelId: channelId, messageTs: messageTs, responseUrl: body.responseUrl))
        }
        throw .unknownAction(actionId)
    }

    private static func decode(_ json: String) throws(SlackPayloadError) -> BlockActions {
        do {
            return try JSONDecoder().decode(BlockActions.self, from: Data(json.utf8))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw .invalidJSON("\(path(context.codingPath)) has the wrong type")
        } catch {
            throw .invalidJSON("it does not parse")
        }
    }

    private static func positiveId(_ value: String, naming what: String) throws(SlackPayloadError) -> Int64 {
        guard let id = Int64(value), id > 0 else {
            throw .invalidValue(field: "actions[0].value", reason: "must be \(what) (a positive integer), not \"\(value)\"")
        }
        return id
    }

    /// `actions[0].value` style, as the errors name fields.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// The parts of Slack's payload we read; everything is optional so a missing field is reported by name.
    private struct BlockActions: Decodable {
        struct User: Decodable {
            var id: String?
            var username: String?
            var name: String?
        }
        struct Action: Decodable {
            var actionId: String?
            var value: String?
            var actionTs: String?

            enum CodingKeys: String, CodingKey {
                case actionId = "action_id", value, actionTs = "action_ts"
            }
        }
        struct Channel: Decodable {
            var id: String?
        }
        struct Container: Decodable {
            var messageTs: String?
            var channelId: String?

            enum CodingKeys: String, CodingKey {
                case messageTs = "message_ts", channelId = "channel_id"
            }
        }
        struct Message: Decodable {
            var ts: String?
        }

        var type: String?
        var user: User?
        var actions: [Action]?
        var channel: Channel?
        var container: Container?
        var message: Message?
        var responseUrl: String?

        enum CodingKeys: String, CodingKey {
            case type, user, actions, channel, container, message, responseUrl = "response_url"
        }
    }
}
