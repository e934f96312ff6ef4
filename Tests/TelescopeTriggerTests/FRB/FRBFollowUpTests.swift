import Astro
import Foundation
import Schema
import Testing
@testable import TelescopeTrigger

/// The FRB plan: thresholds, the dispersion arithmetic, the horizon, buffer or voltage capture.
@Suite struct FRBFollowUpTests {
    static let proposal: FRBProposal = {
        var proposal = FRBProposal(proposalId: "frb-mwa", projectId: "G0055", secureKeyEnv: "MWA_KEY")
        proposal.minSn = 10
        proposal.minDm = 100
        return proposal
    }()

    /// The example FRB (DM 411, seen at 1.4 GHz) arriving at `toa`.
    static func example(toa: Date, dm: Double = 411, sn: Double = 50, frbId: Int64 = 7) -> FRBMeasurementStored {
        let measurement = RadioMeasurement(
            measurementId: 1, frbId: frbId, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s", decDms: "26d03m38.504s",
            raPosError: 0.05, decPosError: 0.05, gl: 177.77, gb: -8.52, source: .multibeam, version: "v1.0",
            dm: dm, dmErr: 1, sn: sn, width: 5, receivedAt: toa)
        let observation = FRBObservation(
            observationId: 3, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45, samplingTime: 0.1,
            bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50, backend: "Multibeam")
        return FRBMeasurementStored(measurement: measurement, frb: FRBRecord(frbId: frbId, observationId: 3, timeOfArrival: toa, repeater: false),
                                    observation: observation, isFirstMeasurement: true, imageUrls: FRBImageURLs())
    }

    /// A moment when the example's position is `high` (above 30°) or low (below 0°) at the MWA.
    static func time(sourceHigh high: Bool) -> Date {
        let position = EquatorialPosition(rightAscensionDegrees: 77.01461542, declinationDegrees: 26.06069556)
        var date = Date(timeIntervalSince1970: 1_763_683_200)
        while true {
            let altitude = Site.mwa.horizontalPosition(of: position, at: date.addingTimeInterval(50)).altitude.degrees
            if high ? altitude > 30 : altitude < 0 { return date }
            date.addTimeInterval(600)
        }
    }

    @Test func theExampleFRBDumpsTheBufferAroundItsArrivalAtTheMWA() throws {
        let toa = Self.time(sourceHigh: true)
        let now = toa.addingTimeInterval(1.5)
        let plan = FRBFollowUp.plan(Self.example(toa: toa), proposal: Self.proposal, now: now)
        #expect(plan.status == .triggered)
        // 145,24 → channels 133…156 → 169.60…200.32 MHz. Δt = 4.148808 ms · 411 · (f⁻² − 1.4⁻²), f in GHz.
        let band = try #require(Self.proposal.bandMHz)
        #expect(abs(band.lowerBound - 169.60) < 1e-9 && abs(band.upperBound - 200.32) < 1e-9)
        let early = 4.148808e-3 * 411 * (1 / (0.20032 * 0.20032) - 1 / (1.4 * 1.4))
        let late = 4.148808e-3 * 411 * (1 / (0.16960 * 0.16960) - 1 / (1.4 * 1.4))
        #expect(abs(early - 41.62) < 0.01 && abs(late - 58.41) < 0.01, "early \(early), late \(late)")
        let arrival = try #require(plan.arrival)
        #expect(abs(arrival.lowerBound.timeIntervalSince(toa) - early) < 1e-6)
        #expect(abs(arrival.upperBound.timeIntervalSince(toa) - late) < 1e-6)
        guard case .buffer(let request) = try #require(plan.action) else { Issue.record("expected a buffer dump"); return }
        let arrivalStart = GPSTime(utc: arrival.lowerBound).seconds, arrivalEnd = GPSTime(utc: arrival.upperBound).seconds
        #expect(Double(request.startTime) <= arrivalStart && Double(request.endTime ?? 0) >= arrivalEnd, "the GPS window contains the arrival")
        #expect(Double(request.startTime) >= arrivalStart - 9 && Double(request.endTime ?? 0) <= arrivalEnd + 9, "and not much more")
        #expect(request.projectId == "G0055" && request.pretend)
        #expect(plan.reason.contains { $0.message.contains("reaches 200.32 MHz 41.62 s later") })
    }

    @Test func aSourceBelowTheHorizonIsIgnoredWithTheReason() {
        let toa = Self.time(sourceHigh: false)
        let plan = FRBFollowUp.plan(Self.example(toa: toa), proposal: Self.proposal, now: toa.addingTimeInterval(1))
        #expect(plan.status == .ignored && plan.action == nil)
        #expect(plan.reason.last?.message.contains("below the horizon limit 20.0°") == true)
    }

    @Test func weakOrNearbyBurstsAreIgnored() {
        let toa = Self.time(sourceHigh: true)
        let weak = FRBFollowUp.plan(Self.example(toa: toa, sn: 8), proposal: Self.proposal, now: toa)
        #expect(weak.status == .ignored && weak.reason.last?.message == "S/N 8.0 is below the proposal's minimum 10.0.")
        let local = FRBFollowUp.plan(Self.example(toa: toa, dm: 50), proposal: Self.proposal, now: toa)
        #expect(local.status == .ignored && local.reason.last?.message.contains("DM 50.0 pc/cm³ is below") == true)
    }

    @Test func aDistantArrivalIsCapturedWithVCSAndAPastOneIsLetGo() throws {
        let toa = Self.time(sourceHigh: true)
        // DM 3000: the MWA band hears it ~5–7 minutes later, beyond the 150 s buffer.
        let far = FRBFollowUp.plan(Self.example(toa: toa, dm: 3000), proposal: Self.proposal, now: toa.addingTimeInterval(1))
        guard case .observation(voltageCapture: true, let request) = try #require(far.action) else { Issue.record("expected VCS"); return }
        #expect(request.ra == [77.01461542] && request.exptime.map { $0 % 8 == 0 && $0 >= 420 } == true)
        // Ten minutes late for DM 411: the arrival has left the buffer.
        let late = FRBFollowUp.plan(Self.example(toa: toa), proposal: Self.proposal, now: toa.addingTimeInterval(600))
        #expect(late.status == .ignored && late.reason.last?.message.contains("beyond the 150.0 s voltage buffer") == true)
    }
}
