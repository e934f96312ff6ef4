import Foundation
import Logging
import Schema
import ServiceLifecycle

/// Asks TNS for the name of every report the ledger holds as submitted, pass after pass, until TNS
/// names it or rejects it; then records the outcome and publishes `tns.name.assigned` so the catalogue
/// stores the name. Report ids live in the ledger, so a restart resumes the polling.
struct TNSNamePoller: Service {
    let client: TNSClient
    let run: DeliveryRun
    let interval: Duration
    let logger: Logger

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
        for report in waiting {
            let outcome: TNSReplyOutcome
            do {
                outcome = try await client.reply(reportId: report.reportId)
            } catch {
                logger.warning("TNS reply not read", metadata: ["report": "\(report.reportId)", "reason": "\(error.reason)"])
                continue
            }
            await settle(report.delivery, reportId: report.reportId, attempt: report.attempts, outcome)
        }
    }

    private func settle(_ delivery: Delivery, reportId: String, attempt: Int, _ outcome: TNSReplyOutcome) async {
        guard let frbId = delivery.frbId else { return }
        switch outcome {
        case .pending:
            return
        case .named(let objname, let displayName):
            do {
                try await run.ledger.sent(delivery, externalId: reportId, answer: "named \(objname)")
            } catch {
                return
            }
            await run.publish(TNSNameAssigned(frbId: frbId, tnsName: displayName, reportId: reportId, assignedAt: Date()), id: "\(delivery.key)#name")
            await run.publish(NotificationSent(channel: .tns, target: delivery.target, frbId: frbId, ledgerKey: delivery.key, attempt: attempt,
                                               httpStatus: 200, responseExcerpt: "report \(reportId) named \(displayName)", sentAt: Date()),
                              id: "\(delivery.key)#named")
            logger.info("TNS named an FRB", metadata: ["frb": "\(frbId)", "name": "\(displayName)"])
        case .rejected(let messages):
            await fail(delivery, reportId: reportId, attempt: attempt, reason: "TNS rejected report \(reportId): \(messages.joined(separator: "; "))")
        case .failed(let error):
            logger.warning("TNS reply failed", metadata: ["report": "\(reportId)", "reason": "\(error.reason)"])
        }
    }

    private func fail(_ delivery: Delivery, reportId: String, attempt: Int, reason: String) async {
        do {
            try await run.ledger.failed(delivery, error: reason, answer: nil, permanent: true)
        } catch {
            return
        }
        await run.publish(NotificationFailed(channel: .tns, target: delivery.target, frbId: delivery.frbId, ledgerKey: delivery.key,
                                             attempt: attempt, errorMessage: reason, willRetry: false, sentAt: Date()),
                          id: "\(delivery.key)#rejected")
    }
}
