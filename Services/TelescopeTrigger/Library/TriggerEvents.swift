import Foundation
import Logging
import Messaging
import Schema

/// Publishes decisions and MWA calls for the catalogue and the notifier. Ids are derived from the
/// decision and its status (or call), so a re-publish after a crash is recognisable downstream.
struct TriggerEvents: Sendable {
    let publisher: EventPublisher
    let exchange: String
    let logger: Logger

    func publish(_ decision: TriggerDecided) async throws {
        try await publish(decision, id: "decision-\(decision.decisionId)-\(decision.status.rawValue)-\(decision.reason.count)",
                          subject: "trigger/\(decision.decisionId)")
    }

    func publish(_ call: TriggerCompleted) async throws {
        try await publish(call, id: "decision-\(call.decisionId)-\(call.endpoint.rawValue)", subject: "trigger/\(call.decisionId)")
    }

    func publish(_ request: TriggerApprovalRequested) async throws {
        try await publish(request, id: "approval-\(request.decisionId)", subject: "trigger/\(request.decisionId)")
    }

    /// Throws only on shutdown, when the event that led here must come back unacknowledged.
    private func publish<P: EventPayload>(_ payload: P, id: String, subject: String) async throws {
        let event = Event(id: id, source: "/burstwire/telescope-trigger", subject: subject, data: payload)
        let message = OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: id,
                                      type: event.type.rawValue, mustBeRouted: false)
        try await publisher.publishUntilConfirmed([message], logger: logger)
    }
}
