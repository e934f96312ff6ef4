import Foundation
import Logging
import Schema
import ServiceLifecycle
import Synchronization

/// Asks TNS for the name of every report the ledger holds as submitted until TNS names it or rejects
/// it; then records the outcome and publishes `tns.name.assigned` so the catalogue stores the name.
/// While TNS answers 404 ("still processing") a report is asked again after a doubling wait, up to a
/// minute. Report ids live in the ledger, so a restart resumes the polling.
struct TNSNamePoller: Service {
    let client: TNSClient
    let run: DeliveryRun
    let interval: Duration
    let logger: Logger
    private let schedule = PollSchedule()

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                await pass()
                try? await Task.sleep(for: interval)
            }
        } onGracefulShutdown: {}
    }

    /// One look at every waiting report.
    func pass() async {
        let waiting: [(delivery: Delivery, reportId: String, attempts: Int)]
        do {
            waiting = try await run.ledger.submittedReports(target: client.settings.baseURL)
        } catch {
            logger.warning("ledger unavailable; TNS names wait", metadata: ["error": "\(error)"])
            return
        }
        for report in waiting where schedule.isDue(report.reportId) {
            let outcome: TNSReplyOutcome
            do {
                outcome = try await client.reply(reportId: report.reportId)
            } catch {
                logger.warning("TNS reply not read", metadata: ["report": "\(report.reportId)", "reason": "\(error.reason)"])
                schedule.later(report.reportId, after: interval)
                continue
            }
            await settle(report.delivery, reportId: report.reportId, attempt: report.attempts, outcome)
        }
    }

    private func settle(_ delivery: Delivery, reportId: String, attempt: Int, _ outcome: TNSReplyOutcome) async {
        guard let frbId = delivery.frbId else { return }
        switch outcome {
        case .pending:
            schedule.later(reportId, after: interval)
            return
        case .named(let objname, let displayName):
            // Published before the ledger says sent: a crash in between asks TNS again, and the stable
            // event ids make the repeat harmless; the other order could lose the name for good.
            do {
                try await run.publish(TNSNameAssigned(frbId: frbId, tnsName: displayName, reportId: reportId, assignedAt: Date()),
                                      id: "\(delivery.key)#name")
                try await run.publish(NotificationSent(channel: .tns, target: delivery.target, frbId: frbId, ledgerKey: delivery.key,
                                                       attempt: attempt, httpStatus: 200, responseExcerpt: "report \(reportId) named \(displayName)",
                                                       sentAt: Date()),
                                      id: "\(delivery.key)#named")
                try await run.ledger.sent(delivery, externalId: reportId, answer: "named \(objname)")
                schedule.forget(reportId)
                logger.info("TNS named an FRB", metadata: ["frb": "\(frbId)", "name": "\(displayName)"])
            } catch {
                schedule.later(reportId, after: interval)
            }
        case .rejected(let messages):
            let reason = "TNS rejected report \(reportId): \(messages.joined(separator: "; "))"
            do {
                try await run.publish(NotificationFailed(channel: .tns, target: delivery.target, frbId: frbId, ledgerKey: delivery.key,
                                                         attempt: attempt, errorMessage: reason, willRetry: false, sentAt: Date()),
                                      id: "\(delivery.key)#rejected")
                try await run.ledger.failed(delivery, error: reason, answer: nil, permanent: true)
                schedule.forget(reportId)
            } catch {
                schedule.later(reportId, after: interval)
            }
        case .failed(let error):
            logger.warning("TNS reply failed", metadata: ["report": "\(reportId)", "reason": "\(error.reason)"])
            schedule.later(reportId, after: interval)
        }
    }
}

/// When each pending report is next due: the wait doubles from the poll interval to a minute.
private final class PollSchedule: Sendable {
    private let state = Mutex([String: (due: ContinuousClock.Instant, wait: Duration)]())

    func isDue(_ reportId: String) -> Bool {
        state.withLock { $0[reportId].map { $0.due <= .now } ?? true }
    }

    func forget(_ reportId: String) {
        _ = state.withLock { $0.removeValue(forKey: reportId) }
    }

    func later(_ reportId: String, after interval: Duration) {
        state.withLock { schedule in
            let wait = min(.seconds(60), schedule[reportId].map { $0.wait * 2 } ?? interval)
            schedule[reportId] = (.now + wait, wait)
        }
    }
}
