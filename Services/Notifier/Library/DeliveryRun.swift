import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// What a delivery produced, for the ledger and the `notification.*` event.
struct DeliveryReceipt: Sendable {
    var target: String
    var externalId: String?
    var httpStatus: Int?
    var brokerAnswer: BrokerAnswer?
    var answer: String?
    var voevent: PublishedVOEvent?
    /// Accepted but not finished (a TNS report waiting for its name).
    var submitted = false
}

/// Runs one delivery through the ledger and reports it: begin (recorded before acting), act, settle,
/// then publish `notification.sent` or `notification.failed` with an id derived from the ledger key and
/// attempt, so a re-publish after a crash is recognisable downstream.
struct DeliveryRun: Sendable {
    let ledger: DeliveryLedger
    let publisher: EventPublisher
    let exchange: String
    let logger: Logger

    /// The outcome for the message that asked for it: done (sent, skipped or failed for good) or retry later.
    enum Result: Sendable, Equatable {
        case done
        case retry(String)
        /// The ledger's database is unreachable: run the delivery again once it is back.
        case unavailable(String)

        static func failed(_ what: String, _ error: any Error) -> Result {
            DatabaseOutage.isOutage(error) ? .unavailable("\(what): \(error)") : .retry("\(what): \(error)")
        }
    }

    func run(_ delivery: Delivery, payload: String?,
             act: @Sendable (DeliveryLedger.Start) async throws(DeliveryError) -> DeliveryReceipt) async -> Result {
        let start: DeliveryLedger.Start
        do {
            start = try await ledger.begin(delivery, payload: payload)
        } catch {
            return .failed("ledger unavailable", error)
        }
        let attempt: Int
        switch start {
        case .settled, .submitted:
            return .done
        case .fresh(let number, _), .interrupted(let number, _, _, _):
            attempt = number
        }
        let receipt: DeliveryReceipt
        do {
            receipt = try await act(start)
        } catch {
            logger.warning("delivery failed", metadata: ["delivery": "\(delivery.key)", "reason": "\(error.reason)", "permanent": "\(error.permanent)"])
            do {
                try await ledger.failed(delivery, error: error.reason, answer: error.answer, permanent: error.permanent, ambiguous: error.ambiguous)
                try await publish(NotificationFailed(channel: delivery.channel, target: delivery.target, frbId: delivery.frbId,
                                                     ledgerKey: delivery.key, attempt: attempt, httpStatus: error.httpStatus,
                                                     responseExcerpt: error.answer, errorMessage: error.reason, willRetry: !error.permanent,
                                                     sentAt: Date()),
                                  id: "\(delivery.key)#\(attempt)")
            } catch {
                return .failed("failure not recorded", error)
            }
            return error.permanent ? .done : .retry(error.reason)
        }
        do {
            if receipt.submitted, let id = receipt.externalId {
                try await ledger.submitted(delivery, externalId: id, answer: receipt.answer)
            } else {
                try await ledger.sent(delivery, externalId: receipt.externalId, answer: receipt.answer)
            }
            try await publish(NotificationSent(channel: delivery.channel, target: receipt.target, frbId: delivery.frbId, ledgerKey: delivery.key,
                                               attempt: attempt, httpStatus: receipt.httpStatus, brokerAnswer: receipt.brokerAnswer,
                                               responseExcerpt: receipt.answer, voevent: receipt.voevent, sentAt: Date()),
                              id: "\(delivery.key)#\(attempt)")
            return .done
        } catch {
            return .failed("outcome not recorded", error)
        }
    }

    /// Notification events are kept by the catalogue; publishing retries until confirmed (ids are stable).
    /// Throws only on shutdown, when the event that asked for the delivery must come back.
    func publish<P: EventPayload>(_ payload: P, id: String) async throws {
        let event = Event(id: id, source: "/burstwire/notifier", subject: nil, data: payload)
        let message = OutgoingMessage(exchange: exchange, routingKey: event.type.rawValue, body: try event.encode(), messageID: event.id,
                                      type: event.type.rawValue, mustBeRouted: false)
        try await publisher.publishUntilConfirmed([message], logger: logger)
    }
}
