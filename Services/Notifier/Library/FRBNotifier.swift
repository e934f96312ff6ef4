import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Turns stored events into deliveries. An FRB's first measurement is announced everywhere (Slack,
/// TNS, each VOEvent broker); a later measurement that narrows the position sends a VOEvent update;
/// a rating gets its thread reply in Slack, and an FRB the raters reject has its VOEvent retracted. A
/// trigger decision waiting for a human is put to Slack with Approve/Reject buttons.
/// Every delivery goes through the ledger, so a redelivered event sends nothing twice.
struct FRBNotifier: Sendable {
    let pool: DatabasePool
    let run: DeliveryRun
    let slack: SlackSender
    let channels: [any FRBChannel]
    let catalogURL: String?
    let retractAfterRejects: Int
    let logger: Logger

    /// Handles one message: ack when every delivery it asked for is done, retry (with backoff, then the
    /// queue's delivery limit) when one failed in a way worth retrying, reject what cannot be read. While
    /// the database is unreachable the message is kept and its deliveries run again in place, so an
    /// outage never spends the message's delivery attempts.
    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        var outage = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        while true {
            let results: [DeliveryRun.Result]
            do {
                results = try await DatabaseOutage.retrying(logger: logger) { try await deliveries(for: message) }
            } catch let error as DecodingError {
                logger.error("dead-lettering an unreadable event", metadata: ["event": "\(message.messageID)", "reason": "\(error)"])
                consumer.reject(message)
                return
            } catch {
                logger.warning("notifier state unavailable; the event will be retried", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
                consumer.nack(message, requeue: true)
                return
            }
            let unavailable = results.contains { if case .unavailable = $0 { true } else { false } }
            if unavailable, (try? await Task.sleep(for: outage.next())) != nil { continue }
            let retries = results.compactMap { result -> String? in
                switch result {
                case .done: nil
                case .retry(let reason), .unavailable(let reason): reason
                }
            }
            if retries.isEmpty {
                consumer.ack(message)
            } else {
                logger.warning("deliveries to retry", metadata: ["event": "\(message.messageID)", "reasons": "\(retries)"])
                try? await Task.sleep(for: .seconds(min(30, 1 << min(message.deliveryCount, 5))))
                consumer.nack(message, requeue: true)
            }
            return
        }
    }

    private func deliveries(for message: IncomingMessage) async throws -> [DeliveryRun.Result] {
        switch message.eventType {
        case EventType.frbMeasurementStored.rawValue:
            let stored = try Event<FRBMeasurementStored>.decode(from: message.body).data
            var results: [DeliveryRun.Result] = []
            if stored.isFirstMeasurement {
                results.append(await announceInSlack(stored))
            }
            for channel in channels {
                results += await channel.measurementStored(stored)
            }
            return results
        case EventType.slackRatingReceived.rawValue:
            let rating = try Event<SlackRatingReceived>.decode(from: message.body).data
            let counts = try await record(rating)
            var results = [await replyInThread(rating)]
            if counts.rejects >= retractAfterRejects && counts.rejects > counts.confirms {
                for channel in channels {
                    results += await channel.frbRejected(rating.frbId, rejects: counts.rejects, confirms: counts.confirms)
                }
            }
            return results
        case EventType.triggerApprovalRequested.rawValue:
            let request = try Event<TriggerApprovalRequested>.decode(from: message.body).data
            return [await askForApproval(request)]
        case EventType.tnsNameAssigned.rawValue:
            let assigned = try Event<TNSNameAssigned>.decode(from: message.body).data
            try await pool.withConnection { db in
                try db.query("""
                    INSERT INTO notifier_frbs (frb_id, tns_name) VALUES ($1, $2)
                    ON CONFLICT (frb_id) DO UPDATE SET tns_name = EXCLUDED.tns_name
                    """, [assigned.frbId, assigned.tnsName])
            }
            return []
        default:
            return []
        }
    }

    private func announceInSlack(_ stored: FRBMeasurementStored) async -> DeliveryRun.Result {
        await postOnce(SlackMessage.newFRB(stored, catalogURL: catalogURL), key: "slack:frb:\(stored.frb.frbId)", frbId: stored.frb.frbId)
    }

    private func askForApproval(_ request: TriggerApprovalRequested) async -> DeliveryRun.Result {
        await postOnce(SlackMessage.approvalRequested(request), key: "slack:approval:\(request.decisionId)", frbId: request.subject.frbId)
    }

    /// A channel message posted once: after a crash mid-post it is looked for in the channel before posting again.
    private func postOnce(_ message: SlackMessage, key: String, frbId: Int64?) async -> DeliveryRun.Result {
        let delivery = Delivery(key: key, channel: .slack, target: slack.target, frbId: frbId)
        let slack = self.slack
        return await run.run(delivery, payload: nil) { start throws(DeliveryError) in
            if let ts = try await slack.postedBefore(start, ledgerKey: delivery.key) {
                return DeliveryReceipt(target: slack.target, externalId: ts, answer: "found in the channel after a restart")
            }
            let posted = try await slack.post(message, ledgerKey: delivery.key)
            return DeliveryReceipt(target: posted.target, externalId: posted.ts, httpStatus: posted.httpStatus, answer: posted.answer)
        }
    }

    private func replyInThread(_ rating: SlackRatingReceived) async -> DeliveryRun.Result {
        let key = "slack:rating:\(rating.frbId):\(rating.slackUserId):\(rating.actionTs)"
        let delivery = Delivery(key: key, channel: .slack, target: slack.target, frbId: rating.frbId)
        let message = SlackMessage.ratingRecorded(rating)
        let slack = self.slack
        // Channel history holds no thread replies, so a reply interrupted by a crash is posted again.
        return await run.run(delivery, payload: nil) { _ throws(DeliveryError) in
            let posted = try await slack.post(message, ledgerKey: key, channel: rating.channelId)
            return DeliveryReceipt(target: posted.target, externalId: posted.ts, httpStatus: posted.httpStatus, answer: posted.answer)
        }
    }

    /// Keeps the latest click per user (by Slack's action_ts) and returns the FRB's counts.
    private func record(_ rating: SlackRatingReceived) async throws -> (confirms: Int, rejects: Int) {
        try await pool.withConnection { db in
            try db.query("""
                INSERT INTO notifier_ratings (frb_id, slack_user_id, rating, action_ts) VALUES ($1, $2, $3, $4::numeric)
                ON CONFLICT (frb_id, slack_user_id) DO UPDATE SET rating = EXCLUDED.rating, action_ts = EXCLUDED.action_ts
                WHERE notifier_ratings.action_ts < EXCLUDED.action_ts
                """, [rating.frbId, rating.slackUserId, rating.rating.rawValue, rating.actionTs])
            let row = try db.query("""
                SELECT count(*) FILTER (WHERE rating = 'confirm') AS confirms, count(*) FILTER (WHERE rating = 'reject') AS rejects
                FROM notifier_ratings WHERE frb_id = $1
                """, [rating.frbId]).first!
            return (Int(try row.int("confirms")), Int(try row.int("rejects")))
        }
    }
}

/// A destination beyond Slack that reacts to an FRB's measurements and rejection (TNS, VOEvent brokers).
protocol FRBChannel: Sendable {
    func measurementStored(_ stored: FRBMeasurementStored) async -> [DeliveryRun.Result]
    func frbRejected(_ frbId: Int64, rejects: Int, confirms: Int) async -> [DeliveryRun.Result]
}
