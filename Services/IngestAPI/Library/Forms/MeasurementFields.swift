import Astro
import Foundation
import Schema

/// A validated radio measurement (FRB_candidates_app's RadioMeasurement plus the radio YAML keys its
/// client dropped) before ingest-api has given it an id.
public struct MeasurementFields: Sendable, Equatable {
    public var ra: Double
    public var dec: Double
    public var raHms: String
    public var decDms: String
    public var raPosError: Double
    public var decPosError: Double
    public var gl: Double
    public var gb: Double
    public var source: MeasurementSource
    public var version: String
    public var dm: Double?
    public var dmErr: Double?
    public var sn: Double?
    public var width: Double?
    public var z: Double?
    public var rm: Double?
    public var rmErr: Double?
    public var fluence: Double?
    public var fluenceErr: Double?
    public var flux: Double?
    public var fluxErr: Double?
    public var dmism: Double?
    public var cosmo: String?
    public var errorEllipse: ErrorEllipse?

    public func record(id: Int64, frbId: Int64, receivedAt: Date) -> RadioMeasurement {
        RadioMeasurement(
            measurementId: id, frbId: frbId, ra: ra, dec: dec, raHms: raHms, decDms: decDms,
            raPosError: raPosError, decPosError: decPosError, gl: gl, gb: gb, source: source, version: version,
            dm: dm, dmErr: dmErr, sn: sn, width: width, z: z, rm: rm, rmErr: rmErr, fluence: fluence,
            fluenceErr: fluenceErr, flux: flux, fluxErr: fluxErr, dmism: dmism, cosmo: cosmo,
            errorEllipse: errorEllipse, receivedAt: receivedAt)
    }

    /// Which names and obligations apply: the form upload_cand.py posts, or the radio YAML itself.
    enum Interface {
        /// `/radio_measurement_create/`: the model's names; `ra_hms`, `dec_dms`, `gl`, `gb` required
        /// (the client computes them), the measured values optional as the model allows; our
        /// ellipse as flat `eellipse_a`, `eellipse_b`, `eellipse_cl`, `eellipse_theta`.
        case compat
        /// The radio YAML: `ra_err`/`dec_err`, a nested `eellipse`, the YAML's "Required" group
        /// required, and `ra_hms`, `dec_dms`, `gl`, `gb` computed from ra/dec when absent.
        case native
    }

    static func read(_ reader: inout FieldReader, for interface: Interface) -> MeasurementFields? {
        let native = interface == .native
        let ra = reader.read("ra", FieldRules.rightAscension)
        let dec = reader.read("dec", FieldRules.declination)
        let raHms = reader.read("ra_hms", required: !native, FieldRules.text(limit: 64))
        let decDms = reader.read("dec_dms", required: !native, FieldRules.text(limit: 64))
        let raPosError = reader.read(native ? "ra_err" : "ra_pos_error", FieldRules.nonNegative)
        let decPosError = reader.read(native ? "dec_err" : "dec_pos_error", FieldRules.nonNegative)
        let gl = reader.read("gl", required: !native, FieldRules.number)
        let gb = reader.read("gb", required: !native, FieldRules.number)
        let source = reader.read("source", FieldRules.source)
        let version = reader.read("version", FieldRules.text(limit: 64))
        let dm = reader.read("dm", required: native, FieldRules.number)
        let dmErr = reader.read("dm_err", required: native, FieldRules.nonNegative)
        let sn = reader.read("sn", required: native, FieldRules.number)
        let width = reader.read("width", required: native, FieldRules.number)
        let flux = reader.read("flux", required: native, FieldRules.number)
        let fluxErr = reader.read("flux_err", required: native, FieldRules.nonNegative)
        let z = reader.read("z", required: false, FieldRules.number)
        let rm = reader.read("rm", required: false, FieldRules.number)
        let rmErr = reader.read("rm_err", required: false, FieldRules.nonNegative)
        let fluence = reader.read("fluence", required: false, FieldRules.number)
        let fluenceErr = reader.read("fluence_err", required: false, FieldRules.nonNegative)
        let dmism = reader.read("dmism", required: false, FieldRules.number)
        let cosmo = reader.read("cosmo", required: false, FieldRules.text(limit: 64))
        let errorEllipse = native
            ? reader.nested("eellipse", required: false) { ellipse(&$0, names: ("a", "b", "cl", "theta")) }
            : flatEllipse(&reader)
        guard let ra, let dec, let raPosError, let decPosError, let source, let version, reader.errors.isEmpty else {
            return nil
        }
        let galactic = EquatorialPosition(rightAscensionDegrees: ra, declinationDegrees: dec).galactic
        return MeasurementFields(
            ra: ra, dec: dec,
            raHms: raHms ?? AstropyCoordinateText.rightAscension(degrees: ra),
            decDms: decDms ?? AstropyCoordinateText.declination(degrees: dec),
            raPosError: raPosError, decPosError: decPosError,
            gl: gl ?? galactic.longitude.degrees, gb: gb ?? galactic.latitude.degrees,
            source: source, version: version, dm: dm, dmErr: dmErr, sn: sn, width: width, z: z, rm: rm, rmErr: rmErr,
            fluence: fluence, fluenceErr: fluenceErr, flux: flux, fluxErr: fluxErr, dmism: dmism, cosmo: cosmo,
            errorEllipse: errorEllipse)
    }

    /// The compat form's ellipse: all four `eellipse_*` fields once any is sent.
    private static func flatEllipse(_ reader: inout FieldReader) -> ErrorEllipse? {
        let names = ("eellipse_a", "eellipse_b", "eellipse_cl", "eellipse_theta")
        guard [names.0, names.1, names.2, names.3].contains(where: reader.contains) else { return nil }
        return ellipse(&reader, names: names)
    }

    private static func ellipse(_ reader: inout FieldReader, names: (String, String, String, String)) -> ErrorEllipse? {
        let a = reader.read(names.0, FieldRules.nonNegative)
        let b = reader.read(names.1, FieldRules.nonNegative)
        let cl = reader.read(names.2, FieldRules.percentage)
        let theta = reader.read(names.3, FieldRules.number)
        guard let a, let b, let cl, let theta else { return nil }
        return ErrorEllipse(a: a, b: b, cl: cl, theta: theta)
    }
}
