import Astro
import Foundation
import Schema

/// A CHIME/FRB JSON notice (GCN schema `gcn/notices/chime/frb.schema.json`), read as a first detection:
/// CHIME's position, DM and S/N become the measurement, its band and sampling the observation. CHIME
/// times the burst at infinite frequency (`trigger_time_inf_freq`); our FRBs are timed at the
/// observation's centre frequency, so the arrival there is computed from the DM — and checked against
/// the notice's own `trigger_time` at the bottom of the band, which must agree within 0.1 s. Only
/// `initial` notices are taken: each creates an FRB, so an update or retraction must not.
public enum CHIMENotice {
    /// CHIME/FRB's search resolution: 16 384 frequency channels.
    static let channels = 16_384
    static let toleranceSeconds = 0.1

    public static func detection(body: [UInt8]) throws(FieldErrors) -> DetectionDocument {
        guard case .success(let fields) = DocumentSyntax.json.fields(of: body) else {
            throw FieldErrors(["non_field_errors": ["The CHIME/FRB notice must be a JSON object."]])
        }
        var reader = FieldReader(fields)
        let id = reader.read("id", FieldRules.text(limit: 40))
        let alertType = reader.read("alert_type", FieldRules.text(limit: 20))
        let triggerTime = reader.read("trigger_time", FieldRules.dateTime)
        let infiniteFrequencyTime = reader.read("trigger_time_inf_freq", FieldRules.dateTime)
        let snr = reader.read("snr", FieldRules.number)
        let ra = reader.read("ra", FieldRules.rightAscension)
        let dec = reader.read("dec", FieldRules.declination)
        let error = reader.read("ra_dec_error", numbers(count: 3))
        let dm = reader.read("dm", FieldRules.nonNegative)
        let dmError = reader.read("dm_error", FieldRules.nonNegative)
        let samplingTime = reader.read("sampling_time", FieldRules.nonNegative)
        let band = reader.read("spectral_band", numbers(count: 2))
        let units = reader.read("spectral_band_units", required: false, FieldRules.text(limit: 10))
        let npol = reader.read("npol", FieldRules.integer)
        let tsys = reader.read("tsys", FieldRules.nonNegative)
        if let alertType, alertType != "initial" {
            reader.fail("alert_type", "Only an initial notice creates an FRB; \"\(alertType)\" notices of an FRB already stored are not taken.")
        }
        if let units, units != "MHz" { reader.fail("spectral_band_units", "Only MHz is understood, not \"\(units)\".") }
        if let band, !(band[0] > 0 && band[0] < band[1]) { reader.fail("spectral_band", "Must be [lowest, highest] in MHz, lowest first and above 0.") }
        guard let id, let alertType, let triggerTime, let infiniteFrequencyTime, let snr, let ra, let dec, let error, let dm, let dmError,
              let samplingTime, let band, let npol, let tsys, reader.errors.isEmpty else { throw reader.errors }

        let centre = (band[0] + band[1]) / 2
        let measure = DispersionMeasure(parsecsPerCubicCentimetre: dm)
        let atCentre = infiniteFrequencyTime.addingTimeInterval(measure.delaySeconds(lowGHz: centre / 1000, highGHz: .infinity))
        let atBottom = infiniteFrequencyTime.addingTimeInterval(measure.delaySeconds(lowGHz: band[0] / 1000, highGHz: .infinity))
        let disagreement = atBottom.timeIntervalSince(triggerTime)
        guard abs(disagreement) <= toleranceSeconds else {
            throw FieldErrors(["trigger_time": [String(format: "Disagrees by %.3f s with trigger_time_inf_freq dispersed to %.0f MHz at DM %.1f.",
                                                      disagreement, band[0], dm)]])
        }
        let galactic = EquatorialPosition(rightAscensionDegrees: ra, declinationDegrees: dec).galactic
        // The localisation ellipse (degrees) as the beam (arcminutes, as FRB_candidates_app keeps it).
        let observation = ObservationFields(
            beamSemiMajorAxis: error[0] * 60, beamSemiMinorAxis: error[1] * 60, beamRotationAngle: error[2], samplingTime: samplingTime,
            bandwidth: band[1] - band[0], nchan: channels, centreFrequency: centre, npol: npol, bitsPerSample: 0, gain: 0, tsys: tsys,
            backend: "CHIME/FRB")
        let measurement = MeasurementFields(
            ra: ra, dec: dec, raHms: AstropyCoordinateText.rightAscension(degrees: ra), decDms: AstropyCoordinateText.declination(degrees: dec),
            raPosError: error[0], decPosError: error[1], gl: galactic.longitude.degrees, gb: galactic.latitude.degrees,
            source: .multibeam, version: "CHIME/FRB \(id) \(alertType)", dm: dm, dmErr: dmError, sn: snr)
        return DetectionDocument(observation: observation, timeOfArrival: atCentre, repeater: false, measurement: measurement, images: [:])
    }

    /// `chime:<id>:<alert_type>` for a notice posted without an `Idempotency-Key`; nil when the body
    /// does not name them (the notice is then refused for it).
    public static func idempotencyKey(body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let id = object["id"] as? String, let alertType = object["alert_type"] as? String else { return nil }
        let key = "chime:\(id):\(alertType)"
        return key.count <= 200 ? key : nil
    }

    /// A JSON list of exactly `count` finite numbers.
    private static func numbers(count: Int) -> FieldReader.Rule<[Double]> {
        { value throws(FieldMessage) in
            guard case .sequence(let items) = value, items.count == count else { throw FieldMessage("Must be a list of \(count) numbers.") }
            var numbers: [Double] = []
            for item in items { numbers.append(try FieldRules.number(item)) }
            return numbers
        }
    }
}
