/// Why a verified Slack interactivity request is not an action we act on; the service answers 400
/// with the description. Each case names the payload field at fault, so a change on Slack's side or
/// in our alert's buttons shows up in the logs as exactly that.
public enum SlackPayloadError: Error, Equatable, CustomStringConvertible {
    /// The form body itself is broken (bad percent-encoding, not UTF-8).
    case malformedForm(String)
    /// The `payload` field is not JSON, or a field has the wrong JSON type.
    case invalidJSON(String)
    /// A needed field is absent; the value is its path, e.g. `user.id` or `actions[0].value`.
    case missingField(String)
    /// The payload's `type` is not `block_actions`.
    case unsupportedType(String)
    /// `actions[0].action_id` is not one of our buttons.
    case unknownAction(String)
    /// A field is present but unusable, e.g. an FRB id that is not a positive integer.
    case invalidValue(field: String, reason: String)

    public var description: String {
        switch self {
        case .malformedForm(let detail):
            "The form body is malformed: \(detail)."
        case .invalidJSON(let detail):
            "The payload field is not usable JSON: \(detail)."
        case .missingField(let path):
            "The payload has no \(path)."
        case .unsupportedType(let type):
            "Payload type \"\(type)\" is not handled; only block_actions is."
        case .unknownAction(let actionId):
            "Action \"\(actionId)\" is not one of action_confirm, action_reject, trigger_approve, trigger_reject."
        case .invalidValue(let field, let reason):
            "\(field) \(reason)."
        }
    }
}
