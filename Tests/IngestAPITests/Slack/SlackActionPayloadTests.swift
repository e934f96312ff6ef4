import Foundation
@testable import IngestAPI
import Schema
import Testing

@Suite struct SlackActionPayloadTests {
    let example: [String: JSONValue]

    init() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: SlackFixture.data("block_actions_payload_example.json"))
        guard case .object(let object) = value else { throw CocoaError(.fileReadCorruptFile) }
        example = object
    }

    /// The example payload with `change` applied, form-encoded as Slack sends it.
    func body(_ change: (inout [String: JSONValue]) -> Void = { _ in }) throws -> [UInt8] {
        var payload = example
        change(&payload)
        return SlackFixture.formBody(payload: try JSONEncoder().encode(JSONValue.object(payload)))
    }

    /// Sets a field of `actions[0]`.
    func action(_ key: String, _ value: JSONValue) -> (inout [String: JSONValue]) -> Void {
        { payload in
            guard case .array(let actions)? = payload["actions"], case .object(var first)? = actions.first else { return }
            first[key] = value
            payload["actions"] = .array([.object(first)] + actions.dropFirst())
        }
    }

    @Test func slacksExampleClickIsAConfirmRating() throws {
        let raw = SlackFixture.formBody(payload: try SlackFixture.data("block_actions_payload_example.json"))
        let click = try SlackActionPayload.parse(formBody: raw)
        #expect(click == .rating(SlackRatingReceived(
            frbId: 3, slackUserId: "U0123ABCD", slackUserName: "jdoe", rating: .confirm, actionTs: "1700000005.000200",
            channelId: "C0123ABCD", messageTs: "1700000000.000100",
            responseUrl: "https://hooks.slack.com/actions/T0123ABCD/0000000000/XXXXXXXXXXXXXXXX")))
    }

    @Test func rejectIsARejectRating() throws {
        guard case .rating(let rating) = try SlackActionPayload.parse(formBody: body(action("action_id", .string("action_reject")))) else {
            Issue.record("expected a rating")
            return
        }
        #expect(rating.rating == .reject)
        #expect(rating.frbId == 3)
    }

    @Test(arguments: [("trigger_approve", true), ("trigger_reject", false)])
    func triggerButtonsAreApprovals(_ actionId: String, _ approved: Bool) throws {
        let raw = try body { payload in
            action("action_id", .string(actionId))(&payload)
            action("value", .string("42"))(&payload)
        }
        #expect(try SlackActionPayload.parse(formBody: raw) == .approval(SlackApprovalClick(
            decisionId: 42, approved: approved, slackUserId: "U0123ABCD", slackUserName: "jdoe", actionTs: "1700000005.000200",
            channelId: "C0123ABCD", messageTs: "1700000000.000100",
            responseUrl: "https://hooks.slack.com/actions/T0123ABCD/0000000000/XXXXXXXXXXXXXXXX")))
    }

    @Test func anUnknownActionIsRefusedByName() throws {
        #expect(throws: SlackPayloadError.unknownAction("action_maybe")) {
            try SlackActionPayload.parse(formBody: body(action("action_id", .string("action_maybe"))))
        }
    }

    @Test(arguments: ["abc", "", "0", "-3", "3.5", "99999999999999999999"])
    func aValueThatIsNotAPositiveIdIsRefused(_ value: String) throws {
        let raw = try body(action("value", .string(value)))
        #expect {
            try SlackActionPayload.parse(formBody: raw)
        } throws: { error in
            guard case SlackPayloadError.invalidValue(let field, _) = error else { return false }
            return field == "actions[0].value"
        }
    }

    @Test func missingFieldsAreNamed() throws {
        let cases: [(String, (inout [String: JSONValue]) -> Void)] = [
            ("type", { $0["type"] = nil }),
            ("user.id", { $0["user"] = .object(["username": .string("jdoe")]) }),
            ("user.username", { $0["user"] = .object(["id": .string("U0123ABCD")]) }),
            ("actions", { $0["actions"] = .array([]) }),
            ("actions[0].action_id", action("action_id", .null)),
            ("actions[0].value", action("value", .null)),
            ("actions[0].action_ts", action("action_ts", .null)),
        ]
        for (path, change) in cases {
            #expect(throws: SlackPayloadError.missingField(path)) {
                try SlackActionPayload.parse(formBody: body(change))
            }
        }
    }

    @Test func aBodyWithoutAPayloadFieldIsRefused() {
        #expect(throws: SlackPayloadError.missingField("payload")) {
            try SlackActionPayload.parse(formBody: Array("token=abc&team_id=T1".utf8))
        }
    }

    @Test func anotherPayloadTypeIsRefused() throws {
        #expect(throws: SlackPayloadError.unsupportedType("view_submission")) {
            try SlackActionPayload.parse(formBody: body { $0["type"] = .string("view_submission") })
        }
    }

    @Test func aFieldOfTheWrongTypeIsNamed() throws {
        #expect(throws: SlackPayloadError.invalidJSON("actions[0].value has the wrong type")) {
            try SlackActionPayload.parse(formBody: body(action("value", .number(3))))
        }
    }

    @Test func brokenEncodingsAreRefused() {
        #expect(throws: SlackPayloadError.invalidJSON("it does not parse")) {
            try SlackActionPayload.parse(formBody: SlackFixture.formBody(payload: Array("{not json".utf8)))
        }
        #expect(throws: SlackPayloadError.malformedForm("a % is not followed by two hex digits")) {
            try SlackActionPayload.parse(formBody: Array("payload=%7".utf8))
        }
        #expect(throws: SlackPayloadError.malformedForm("a urlencoded name or value is not valid UTF-8")) {
            try SlackActionPayload.parse(formBody: Array("payload=%FF".utf8))
        }
    }

    @Test func nameChannelAndMessageFallBackToTheirOtherFields() throws {
        let raw = try body { payload in
            payload["user"] = .object(["id": .string("U9"), "name": .string("Jane Doe")])
            payload["channel"] = nil
            payload["message"] = .object(["ts": .string("1700000001.000001")])
            payload["container"] = .object(["type": .string("message"), "channel_id": .string("C9")])
            payload["response_url"] = nil
        }
        guard case .rating(let rating) = try SlackActionPayload.parse(formBody: raw) else {
            Issue.record("expected a rating")
            return
        }
        #expect(rating.slackUserName == "Jane Doe")
        #expect(rating.channelId == "C9")
        #expect(rating.messageTs == "1700000001.000001")
        #expect(rating.responseUrl == nil)
    }

    @Test func otherFormFieldsAndPlusSignsAreDecoded() throws {
        let raw = Array("token=x&payload=".utf8) + SlackFixture.formBody(payload: try JSONEncoder().encode(JSONValue.object(example))).dropFirst(8)
            + Array("&extra=a+b".utf8)
        guard case .rating(let rating) = try SlackActionPayload.parse(formBody: raw) else {
            Issue.record("expected a rating")
            return
        }
        #expect(rating.slackUserId == "U0123ABCD")
        let spaced = try body { $0["user"] = .object(["id": .string("U1"), "username": .string("jane doe+1")]) }
        guard case .rating(let named) = try SlackActionPayload.parse(formBody: spaced) else {
            Issue.record("expected a rating")
            return
        }
        #expect(named.slackUserName == "jane doe+1")
    }
}
