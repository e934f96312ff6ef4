import Database
import Foundation
import Schema
import VOEvent

/// Publishes an FRB's VOEvents to every configured VTP broker: the detection on its first measurement,
/// an update citing it when a later measurement narrows the position, and a retraction when the raters
/// reject the FRB. Each packet is built once, stored in the ledger and re-sent byte for byte, so a broker
/// that already has it answers "previously seen", which counts as delivered.
struct VOEventChannel: FRBChannel {
    let builder: FRBVOEventBuilder
    let brokers: [VTPBrokerAddress]
    let pool: DatabasePool
    let run: DeliveryRun
    let outbox: Outbox

    func measurementStored(_ stored: FRBMeasurementStored) async -> [DeliveryRun.Result] {
        let frbId = stored.frb.frbId
        let radius = FRBVOEventBuilder.errorRadius(of: stored.measurement)
        let kind: FRBVOEventKind
        let label: String
        let known: FRBState?
        do {
            known = try await state(of: frbId)
            if stored.isFirstMeasurement {
                kind = .detection
                label = "detection:\(frbId)"
            } else if let detection = known?.detectionIvorn, let best = known?.bestErrorRadius,
                      radius < best || known?.bestMeasurementId == stored.measurement.measurementId {
                // The second condition: this measurement already set the best position, and is back for a retry.
                kind = .update(citing: detection)
                label = "update:\(stored.measurement.measurementId)"
            } else {
                return []
            }
            try await remember(stored, radius: radius, isDetection: stored.isFirstMeasurement)
        } catch {
            return [.failed("notifier state unavailable", error)]
        }
        return await send(kind, label: label, stored: stored, tnsName: known?.tnsName)
    }

    func frbRejected(_ frbId: Int64, rejects: Int, confirms: Int) async -> [DeliveryRun.Result] {
        let known: FRBState?
        do {
            known = try await state(of: frbId)
        } catch {
            return [.failed("notifier state unavailable", error)]
        }
        guard let detection = known?.detectionIvorn, let stored = known?.latest else { return [] }
        let reason = "Rejected by \(rejects) of \(rejects + confirms) raters: not an astrophysical burst."
        return await send(.retraction(citing: detection, reason: reason), label: "retraction:\(frbId)", stored: stored, tnsName: known?.tnsName)
    }

    private func send(_ kind: FRBVOEventKind, label: String, stored: FRBMeasurementStored, tnsName: String?) async -> [DeliveryRun.Result] {
        let ivorn = builder.ivorn(for: kind, frbId: stored.frb.frbId, measurementId: stored.measurement.measurementId)
        // Created at the measurement's arrival, so the packet is the same bytes however often it is built.
        let xml = builder.xml(kind: kind, stored: stored, tnsName: tnsName, createdAt: stored.measurement.receivedAt)
        let targets: [VTPBrokerAddress?] = brokers.isEmpty ? [nil] : brokers
        var results: [DeliveryRun.Result] = []
        for broker in targets {
            let delivery = Delivery(key: "voevent:\(label):\(broker?.description ?? "outbox")", channel: .voevent,
                                    target: broker?.description ?? "outbox", frbId: stored.frb.frbId)
            let outbox = self.outbox
            results.append(await run.run(delivery, payload: xml) { start throws(DeliveryError) in
                let packet: String
                switch start {
                case .fresh(_, let recorded), .interrupted(_, let recorded, _, _): packet = recorded ?? xml
                case .submitted, .settled: packet = xml
                }
                let published = PublishedVOEvent(ivorn: ivorn, xml: packet)
                guard let broker else {
                    let path = try outbox.write(Array(packet.utf8), key: delivery.key, extension: "xml")
                    return DeliveryReceipt(target: "outbox:\(path)", externalId: ivorn, answer: "written to the outbox", voevent: published)
                }
                let answer: VTPAnswer
                do throws(VTPError) {
                    answer = try await VTPClient(host: broker.host, port: broker.port).send(Array(packet.utf8))
                } catch {
                    throw DeliveryError(reason: "VTP broker \(broker): \(error.reason)", permanent: false)
                }
                switch answer {
                case .ack:
                    return DeliveryReceipt(target: broker.description, externalId: ivorn, brokerAnswer: .ack, answer: "ack", voevent: published)
                case .nak(let reason) where answer.isPreviouslySeen:
                    return DeliveryReceipt(target: broker.description, externalId: ivorn, brokerAnswer: .nak, answer: reason, voevent: published)
                case .nak(let reason):
                    throw DeliveryError(reason: "VTP broker \(broker) refused \(ivorn): \(reason)", permanent: true, answer: reason)
                }
            })
        }
        return results
    }

    /// What the notifier remembers of an FRB: its detection's IVORN, the best position error announced so
    /// far, its TNS name, and the latest measurement (a retraction repeats its WhereWhen).
    struct FRBState {
        let detectionIvorn: String?
        let bestErrorRadius: Double?
        let bestMeasurementId: Int64?
        let tnsName: String?
        let latest: FRBMeasurementStored?
    }

    private func state(of frbId: Int64) async throws -> FRBState? {
        try await pool.withConnection { db in
            guard let row = try db.query("""
                SELECT detection_ivorn, best_error_radius, best_measurement_id, tns_name, latest FROM notifier_frbs WHERE frb_id = $1
                """, [frbId]).first else { return nil }
            let latest = try row["latest"].map { try EventJSON.decoder().decode(FRBMeasurementStored.self, from: Data($0.utf8)) }
            return FRBState(detectionIvorn: row["detection_ivorn"], bestErrorRadius: try row.optionalDouble("best_error_radius"),
                            bestMeasurementId: try row.optionalInt("best_measurement_id"), tnsName: row["tns_name"], latest: latest)
        }
    }

    private func remember(_ stored: FRBMeasurementStored, radius: Double, isDetection: Bool) async throws {
        let json = String(decoding: try EventJSON.encoder().encode(stored), as: UTF8.self)
        let ivorn = isDetection ? builder.ivorn(for: .detection, frbId: stored.frb.frbId, measurementId: stored.measurement.measurementId) : nil
        try await pool.withConnection { db in
            try db.query("""
                INSERT INTO notifier_frbs (frb_id, detection_ivorn, best_error_radius, best_measurement_id, latest) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (frb_id) DO UPDATE SET
                    detection_ivorn = coalesce(notifier_frbs.detection_ivorn, EXCLUDED.detection_ivorn),
                    best_error_radius = CASE WHEN notifier_frbs.best_error_radius IS NULL OR EXCLUDED.best_error_radius < notifier_frbs.best_error_radius
                        THEN EXCLUDED.best_error_radius ELSE notifier_frbs.best_error_radius END,
                    best_measurement_id = CASE WHEN notifier_frbs.best_error_radius IS NULL OR EXCLUDED.best_error_radius < notifier_frbs.best_error_radius
                        THEN EXCLUDED.best_measurement_id ELSE notifier_frbs.best_measurement_id END,
                    latest = EXCLUDED.latest
                """, [stored.frb.frbId, ivorn, radius, stored.measurement.measurementId, json])
        }
    }
}
