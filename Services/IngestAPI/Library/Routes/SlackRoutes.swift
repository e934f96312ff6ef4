import Foundation
import Hummingbird
import Schema

/// Slack interactivity at `POST /slack/actions` and FRB_candidates_app's `/slack_get_rating/`: the
/// signature is checked on the raw body (replays older than 5 minutes refused), the click becomes a
/// rating (or a trigger approval) event, and Slack gets its 200 once that event is durable — well inside
/// Slack's 3 s. Without a configured signing secret every callback is refused: we never trust an unsigned click.
struct SlackRoutes: Sendable {
    let events: EventPublishing
    let verifier: SlackRequestVerifier?
    let bodies: RequestBodyReader
    let retryAfter: Int

    func add(to router: Router<IngestRequestContext>) {
        for path in ["/slack/actions", "/slack_get_rating/"] {
            router.post(RouterPath(path)) { request, _ in try await handle(request) }
        }
    }

    private func handle(_ request: Request) async throws -> Response {
        guard let verifier else {
            throw APIError(status: .unauthorized, code: "slack_not_configured", message: "No Slack signing secret is configured (ingest.slack_signing_secret).")
        }
        let body = try await bodies.bytes(of: request, style: .native)
        do {
            try verifier.verify(body: body,
                                timestamp: request.headers[.slackRequestTimestamp],
                                signature: request.headers[.slackSignature],
                                now: Date())
        } catch {
            throw APIError(status: .unauthorized, code: "bad_signature", message: "\(error)")
        }
        let click: SlackClick
        do {
            click = try SlackActionPayload.parse(formBody: body)
        } catch {
            throw APIError.badRequest("\(error)", code: "unsupported_slack_payload")
        }
        let event: EventPublishing.Encoded
        switch click {
        case .rating(let rating):
            event = try events.encode(rating, subject: "frb/\(rating.frbId)")
        case .approval(let approval):
            let answer = TriggerApprovalReceived(decisionId: approval.decisionId, proposalId: nil,
                                                 approver: "slack:\(approval.slackUserId) (\(approval.slackUserName))",
                                                 approved: approval.approved, receivedAt: Date())
            event = try events.encode(answer, subject: "decision/\(approval.decisionId)")
        }
        do {
            // Slack retries a callback it has not had a 200 for within 3 s; decide well inside that.
            try await events.publish([event], timeout: .milliseconds(2500))
        } catch {
            throw APIError.brokerUnavailable(retryAfter: retryAfter)
        }
        return Response(status: .ok)
    }
}
