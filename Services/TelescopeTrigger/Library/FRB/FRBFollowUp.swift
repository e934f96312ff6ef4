import Astro
import Foundation
import Schema

/// Decides whether and how the MWA follows an FRB: a burst detected at GHz frequencies reaches the MWA
/// band tens of seconds to minutes later (the dispersion delay), so the telescope can still record it.
/// The plan is a voltage-buffer dump around the predicted arrival when that is within the buffer's
/// reach, or a scheduled voltage-capture observation when the arrival is further ahead. Every check
/// leaves a line in the reason log.
enum FRBFollowUp {
    struct Plan: Sendable {
        var status: TriggerStatus
        var reason: [DecisionLogEntry]
        var action: MWAAction?
        /// The predicted arrival at the top and bottom of the MWA band.
        var arrival: ClosedRange<Date>?
    }

    static func plan(_ stored: FRBMeasurementStored, proposal: FRBProposal, now: Date) -> Plan {
        var log: [DecisionLogEntry] = []
        func note(_ message: String) { log.append(DecisionLogEntry(time: now, message: message)) }
        func ignore(_ message: String) -> Plan {
            note(message)
            return Plan(status: .ignored, reason: log, action: nil, arrival: nil)
        }
        let m = stored.measurement
        guard let sn = m.sn else { return ignore("No S/N measured: not judged against the proposal's minimum \(proposal.minSn).") }
        guard sn >= proposal.minSn else { return ignore("S/N \(format(sn)) is below the proposal's minimum \(format(proposal.minSn)).") }
        note("S/N \(format(sn)) ≥ \(format(proposal.minSn)).")
        guard let dm = m.dm else { return ignore("No DM measured: the arrival at the MWA cannot be predicted.") }
        guard dm >= proposal.minDm else { return ignore("DM \(format(dm)) pc/cm³ is below the proposal's minimum \(format(proposal.minDm)).") }
        if let maxDm = proposal.maxDm, dm > maxDm { return ignore("DM \(format(dm)) pc/cm³ is above the proposal's maximum \(format(maxDm)).") }
        note("DM \(format(dm)) pc/cm³ within the proposal's range.")
        guard let band = proposal.bandMHz else { return ignore("freqspecs \"\(proposal.freqspecs)\" does not give an MWA band.") }

        let detection = stored.observation.centreFrequency
        let measure = DispersionMeasure(parsecsPerCubicCentimetre: dm)
        let toTop = measure.delaySeconds(lowGHz: band.upperBound / 1000, highGHz: detection / 1000)
        let toBottom = measure.delaySeconds(lowGHz: band.lowerBound / 1000, highGHz: detection / 1000)
        let toa = stored.frb.timeOfArrival
        let arrival = toa.addingTimeInterval(toTop)...toa.addingTimeInterval(toBottom)
        note("""
            At DM \(format(dm)) the burst seen at \(format(detection)) MHz reaches \(format(band.upperBound)) MHz \(format(toTop)) s later \
            and \(format(band.lowerBound)) MHz \(format(toBottom)) s later: \(stamp(arrival.lowerBound)) to \(stamp(arrival.upperBound)).
            """)

        let middle = arrival.lowerBound.addingTimeInterval(arrival.upperBound.timeIntervalSince(arrival.lowerBound) / 2)
        let position = EquatorialPosition(rightAscensionDegrees: m.ra, declinationDegrees: m.dec)
        let altitude = Site.mwa.horizontalPosition(of: position, at: middle).altitude.degrees
        guard altitude >= proposal.horizonLimit else {
            return ignore("The source is at altitude \(format(altitude))° at the MWA then, below the horizon limit \(format(proposal.horizonLimit))°.")
        }
        note("The source is at altitude \(format(altitude))° at the MWA then (limit \(format(proposal.horizonLimit))°).")

        let start = Int64(GPSTime(utc: arrival.lowerBound).seconds - proposal.marginSeconds)
        let end = Int64((GPSTime(utc: arrival.upperBound).seconds + proposal.marginSeconds).rounded(.up))
        let nowGPS = GPSTime(utc: now).seconds
        guard Double(end) >= nowGPS - proposal.bufferSeconds else {
            return ignore("The arrival ended \(format(nowGPS - Double(end))) s ago, beyond the \(format(proposal.bufferSeconds)) s voltage buffer.")
        }
        let action: MWAAction
        if Double(start) <= nowGPS + proposal.bufferSeconds {
            let saved = max(start, Int64(nowGPS - proposal.bufferSeconds))
            action = .buffer(MWABufferRequest(projectId: proposal.projectId, startTime: saved, endTime: end, obstime: nil, pretend: proposal.pretend))
            note("Dump the voltage buffer from GPS \(saved) to \(end), covering the arrival\(proposal.pretend ? " (pretend)" : "").")
        } else {
            let seconds = Int((Double(end) - nowGPS + 8) / 8) * 8 + 8
            action = .observation(voltageCapture: true, MWAObservationRequest(
                projectId: proposal.projectId, obsname: "FRB\(stored.frb.frbId)", ra: [m.ra], dec: [m.dec], freqspecs: [proposal.freqspecs],
                creator: proposal.creator, nobs: 1, exptime: seconds, pretend: proposal.pretend))
            note("The arrival is \(format(Double(start) - nowGPS)) s ahead, beyond the buffer: schedule \(seconds) s of voltage capture on the FRB\(proposal.pretend ? " (pretend)" : "").")
        }
        return Plan(status: .triggered, reason: log, action: action, arrival: arrival)
    }

    private static func format(_ value: Double) -> String {
        String(format: value == value.rounded() ? "%.1f" : "%.2f", value)
    }

    private static func stamp(_ date: Date) -> String {
        EventTimestamp.string(from: date) ?? "\(date)"
    }
}
