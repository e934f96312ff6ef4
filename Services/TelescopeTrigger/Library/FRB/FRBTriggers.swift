import Astro
import Database
import Foundation
import Logging
import Messaging
import Schema
import ServiceRuntime

/// Follows each new FRB (its first stored measurement) with every FRB proposal: plans, records the
/// decision, checks the MWA is not busy, claims the call in the ledger, calls, and records and
/// publishes the outcome. A decision recorded once is never re-planned, and a call claimed once is
/// never sent again — a claim without an outcome (a crash mid-call) is reported, not repeated.
struct FRBTriggers: Sendable {
    let pool: DatabasePool
    let mwa: MWAClient
    let proposals: [FRBProposal]
    let keys: [String: Secret]
    let events: TriggerEvents
    let logger: Logger
    var clock: @Sendable () -> Date = { Date() }

    func handle(_ message: IncomingMessage, consumer: EventConsumer) async {
        guard message.routingKey == EventType.frbMeasurementStored.rawValue else {
            consumer.ack(message)
            return
        }
        let stored: FRBMeasurementStored
        do {
            stored = try Event<FRBMeasurementStored>.decode(from: message.body).data
        } catch {
            logger.error("dead-lettering an unreadable stored measurement", metadata: ["event": "\(message.messageID)", "reason": "\(error)"])
            consumer.reject(message)
            return
        }
        guard stored.isFirstMeasurement else {
            consumer.ack(message)
            return
        }
        do {
            for proposal in proposals { try await follow(stored, with: proposal) }
            consumer.ack(message)
        } catch {
            logger.warning("trigger ledger unavailable; the event will be retried", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            consumer.nack(message, requeue: true)
        }
    }

    private func follow(_ stored: FRBMeasurementStored, with proposal: FRBProposal) async throws {
        let frbId = stored.frb.frbId
        let key = "frb:\(frbId)|\(proposal.proposalId)"
        let subject = TriggerSubject(kind: .frb, frbId: frbId)
        let position = TriggerPosition(ra: stored.measurement.ra, dec: stored.measurement.dec,
                                       posError: max(stored.measurement.raPosError, stored.measurement.decPosError))
        let plan = FRBFollowUp.plan(stored, proposal: proposal, now: clock())
        let record = try await TriggerLedger(pool: pool).record(key: key, proposalId: proposal.proposalId, plan: plan)
        var decision = TriggerDecided(decisionId: record.decisionId, subject: subject, proposalId: proposal.proposalId,
                                      status: record.status, reason: record.reason, position: position, decidedAt: clock())
        guard record.callState == .ready, let action = plan.action, let secureKey = keys[proposal.proposalId] else {
            if record.callState == .claimed {
                decision.reason.append(DecisionLogEntry(time: clock(), message: "An earlier MWA call was interrupted; its outcome is unknown, so it is not sent again."))
                decision.status = .error
            }
            await events.publish(decision)
            return
        }
        // The decision is already durable in the ledger; it is announced with its outcome, after the call.

        if let busyReason = await busy(proposal, action) {
            decision.reason.append(DecisionLogEntry(time: clock(), message: busyReason))
            decision.status = .ignored
            try await TriggerLedger(pool: pool).settle(key: key, status: .ignored, reason: decision.reason, callState: .none, triggerId: nil)
            await events.publish(decision)
            return
        }
        guard try await TriggerLedger(pool: pool).claim(key: key) else { return }
        let started = ContinuousClock.now
        let outcome = await call(action, secureKey: secureKey)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let (endpoint, parameters) = Self.describe(action)
        switch outcome {
        case .success(let result):
            decision.status = result.success ? .triggered : .error
            decision.reason.append(DecisionLogEntry(time: clock(), message: result.success
                ? "The MWA accepted \(endpoint): trigger \(result.triggerId.map(String.init) ?? "?"), observations \(result.obsidList.map(String.init).joined(separator: ", "))."
                : "The MWA refused \(endpoint): \(result.errors.joined(separator: "; "))"))
            try await TriggerLedger(pool: pool).settle(key: key, status: decision.status, reason: decision.reason,
                                                       callState: result.success ? .sent : .failed, triggerId: result.triggerId)
            await events.publish(TriggerCompleted(
                decisionId: record.decisionId, proposalId: proposal.proposalId, endpoint: endpoint, requestParameters: parameters,
                pretend: proposal.pretend, success: result.success, errors: result.errors, triggerId: result.triggerId,
                obsidList: result.obsidList, httpStatus: 200, durationMs: milliseconds, completedAt: clock()))
        case .failure(let error):
            decision.status = .error
            decision.reason.append(DecisionLogEntry(time: clock(), message: error.mayHaveTriggered
                ? "The MWA call failed after it was sent (\(error.reason)); it may have triggered, so it is not sent again."
                : "The MWA call failed: \(error.reason)."))
            try await TriggerLedger(pool: pool).settle(key: key, status: .error, reason: decision.reason,
                                                       callState: error.mayHaveTriggered ? .claimed : .failed, triggerId: nil)
            await events.publish(TriggerCompleted(
                decisionId: record.decisionId, proposalId: proposal.proposalId, endpoint: endpoint, requestParameters: parameters,
                pretend: proposal.pretend, success: false, errors: [error.reason], httpStatus: error.httpStatus,
                durationMs: milliseconds, completedAt: clock()))
        }
        await events.publish(decision)
    }

    private func call(_ action: FRBFollowUp.Action, secureKey: Secret) async -> Result<MWATriggerResult, MWAError> {
        do throws(MWAError) {
            switch action {
            case .buffer(let request): return .success(try await mwa.triggerBuffer(request, secureKey: secureKey))
            case .voltageCapture(let request): return .success(try await mwa.trigger(request, voltageCapture: true, secureKey: secureKey))
            }
        } catch {
            return .failure(error)
        }
    }

    /// A reason not to interrupt the telescope now, or nil. An unanswered `busy` does not stop an FRB:
    /// the voltage buffer forgets in minutes.
    private func busy(_ proposal: FRBProposal, _ action: FRBFollowUp.Action) async -> String? {
        let obstime: Int
        switch action {
        case .buffer(let request): obstime = Int(max(8, Double(request.endTime ?? request.startTime) - GPSTime(utc: clock()).seconds))
        case .voltageCapture(let request): obstime = request.exptime ?? 120
        }
        do {
            return try await mwa.busy(projectId: proposal.projectId, obstime: obstime)
                ? "The MWA is busy: project \(proposal.projectId) may not interrupt the schedule for the next \(obstime) s." : nil
        } catch {
            logger.warning("MWA busy check failed; triggering anyway", metadata: ["reason": "\(error.reason)"])
            return nil
        }
    }

    static func describe(_ action: FRBFollowUp.Action) -> (MWAEndpoint, [String: String]) {
        switch action {
        case .buffer(let request):
            (.triggerbuffer, Dictionary(request.formParameters(), uniquingKeysWith: { $1 }).merging(request.queryParameters) { $1 })
        case .voltageCapture(let request):
            (.triggervcs, Dictionary(request.formParameters(voltageCapture: true), uniquingKeysWith: { $1 }).merging(request.queryParameters) { $1 })
        }
    }
}
