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

/// Runs one delivery through the ledger and reports it: begin (recorded before acting), act, settle
/// together with the `notification.sent` or `notification.failed` event (id from the ledger key and
/// attempt), then publish that event and clear it — so a crash in between publishes it on the
/// redelivery, never loses it.
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
            // Settled before; its event may not have reached the broker (a crash right after the outcome).
            do {
                if let event = try await ledger.unannounced(delivery) { try await announce(event, delivery) }
            } catch {
                return .failed("outcome not announced", error)
            }
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
                let event = try encode(NotificationFailed(
                    channel: delivery.channel, target: delivery.target, frbId: delivery.frbId, ledgerKey: delivery.key, attempt: attempt,
                    httpStatus: error.httpStatus, responseExcerpt: error.answer, errorMessage: error.reason, willRetry: !error.permanent,
                    sentAt: Date()), id: "\(delivery.key)#\(attempt)")
                try await ledger.failed(delivery, error: error.reason, answer: error.answer, permanent: error.permanent, ambiguous: error.ambiguous,
                                        event: event)
                try await announce(event, delivery)
            } catch {
                return .failed("failure not recorded", error)
            }
            return error.permanent ? .done : .retry(error.reason)
        }
        do {
            let event = try encode(NotificationSent(
                channel: delivery.channel, target: receipt.target, frbId: delivery.frbId, ledgerKey: delivery.key, attempt: attempt,
                httpStatus: receipt.httpStatus, brokerAnswer: receipt.brokerAnswer, responseExcerpt: receipt.answer, voevent: receipt.voevent,
                sentAt: Date()), id: "\(delivery.key)#\(attempt)")
            if receipt.submitted, let id = receipt.externalId {
                try await ledger.submitted(delivery, externalId: id, answer: receipt.answer, event: event)
            } else {
                try await ledger.sent(delivery, externalId: receipt.externalId, answer: receipt.answer, event: event)
            }
            try await announce(event, delivery)
            return .done
        } catch {
            return .failed("outcome not recorded", error)
        }
    }

    /// The outcome's event, as recorded with the outcome (a transactional outbox).
    private func encode<P: EventPayload>(_ payload: P, id: String) throws -> String {
        String(decoding: try Event(id: id, source: "/burstwire/notifier", subject: nil, data: payload).encode(), as: UTF8.self)
    }

    /// Publishes a recorded outcome's event until confirmed, then clears it from the ledger.
    private func announce(_ event: String, _ delivery: Delivery) async throws {
        let body = Array(event.utf8)
        let header = try EventHeader.decode(from: body)
        try await publisher.publishUntilConfirmed([OutgoingMessage(exchange: exchange, routingKey: header.type.rawValue, body: body,
                                                                   messageID: header.id, type: header.type.rawValue, mustBeRouted: false)],
                                                  logger: logger)
        try await ledger.announced(delivery)
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
