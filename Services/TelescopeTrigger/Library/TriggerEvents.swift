import Foundation
import Logging
import Messaging
import Schema

/// Publishes decisions and MWA calls for the catalogue and the notifier. Ids are derived from the
/// decision and its status (or call), so a re-publish after a crash is recognisable downstream;
/// publishing retries until the broker confirms.
struct TriggerEvents: Sendable {
    let publisher: EventPublisher
    let exchange: String
    let logger: Logger

    func publish(_ decision: TriggerDecided) async {
        await publish(decision, id: "decision-\(decision.decisionId)-\(decision.status.rawValue)-\(decision.reason.count)", subject: "trigger/\(decision.decisionId)")
    }

    func publish(_ call: TriggerCompleted) async {
        await publish(call, id: "decision-\(call.decisionId)-\(call.endpoint.rawValue)", subject: "trigger/\(call.decisionId)")
    }

    private func publish<P: EventPayload>(_ payload: P, id: String, subject: String) async {
        let event = Event(id: id, source: "/burstwire/telescope-trigger", subject: subject, data: payload)
        guard let body = try? event.encode() else { return }
        let message = OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: body, messageID: id,
                                      type: event.type.rawValue, mustBeRouted: false)
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
        while true {
            do {
                try await publisher.publish(message)
                return
            } catch {
                logger.warning("trigger event not confirmed; retrying", metadata: ["event": "\(id)", "error": "\(error)"])
                try? await Task.sleep(for: backoff.next())
            }
        }
    }
}
