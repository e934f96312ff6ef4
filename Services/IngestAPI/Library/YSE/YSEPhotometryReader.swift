import Foundation
import Schema

/// Validates a transient's `transientphotometry`: the `mjdmatchmin`/`clobber` header, then each group
/// (`instrument`, `obs_group`, `photdata`), then each point.
///
/// A fault in the header or in a group's shape makes the whole transient's photometry unusable, so it
/// is reported as a transient-level error (keyed by its path, e.g. `transientphotometry.ZTF.instrument`)
/// and rejects the transient. A fault in one point only drops that point: the other points and the
/// transient still go through, and the point is listed with its reasons.
enum YSEPhotometryReader {
    private static let headerKeys: Set<String> = ["mjdmatchmin", "clobber"]
    private static let prefix = "transientphotometry."

    struct Result {
        var upload: YSEPhotometryUpload?
        /// Transient-level errors, keyed by path.
        var errors: [String: String] = [:]
        var summary = YSEPhotometryResult(accepted: 0, rejected: [])
    }

    static func read(_ value: JSONValue) -> Result {
        var result = Result()
        guard case .object(let object) = value else {
            result.errors["transientphotometry"] = "must be an object with mjdmatchmin, clobber and groups of photdata"
            return result
        }
        var header = YSEObjectReader(object, prefix: prefix)
        let mjdmatchmin = header.number("mjdmatchmin", where: { $0 >= 0 }, otherwise: "must be a number of days >= 0")
        let clobber = header.flag("clobber")
        result.errors.merge(header.errors) { first, _ in first }

        var groups: [String: YSEPhotometryGroup] = [:]
        for (key, groupValue) in object.sorted(by: { $0.key < $1.key }) where !headerKeys.contains(key) {
            guard let group = readGroup(key, groupValue, into: &result) else { continue }
            groups[key] = group
        }
        if result.errors.isEmpty {
            result.upload = YSEPhotometryUpload(mjdmatchmin: mjdmatchmin, clobber: clobber, groups: groups)
        }
        return result
    }

    private static func readGroup(_ key: String, _ value: JSONValue, into result: inout Result) -> YSEPhotometryGroup? {
        guard case .object(let object) = value else {
            result.errors[prefix + key] = "must be an object with instrument, obs_group and photdata"
            return nil
        }
        var reader = YSEObjectReader(object, prefix: "\(prefix)\(key).")
        let instrument = reader.requiredString("instrument", reason: "must be an instrument name, e.g. ZTF-Cam")
        let obsGroup = reader.requiredString("obs_group", reason: "must be an observation group name, e.g. ZTF")
        var points: [String: YSEPhotometryPoint] = [:]
        switch reader.raw("photdata") {
        case nil:
            break
        case .object(let entries)?:
            for (pointKey, pointValue) in entries.sorted(by: { indexOrder($0.key, $1.key) }) {
                let (point, errors) = readPoint(pointValue)
                if let point {
                    points[pointKey] = point
                    result.summary.accepted += 1
                } else {
                    result.summary.rejected.append(YSERejectedPoint(point: "\(key)/\(pointKey)", errors: errors))
                }
            }
        case _?:
            reader.fail("photdata", "must be an object of points keyed by index")
        }
        result.errors.merge(reader.errors) { first, _ in first }
        guard let instrument, let obsGroup, reader.errors.isEmpty else { return nil }
        return YSEPhotometryGroup(instrument: instrument, obsGroup: obsGroup, photdata: points)
    }

    /// Point keys are normally indices ("0", "1", ..., "10"): those come first, in numeric order.
    private static func indexOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    /// One `photdata` entry: the point, or nil and the reasons keyed by field.
    private static func readPoint(_ value: JSONValue) -> (YSEPhotometryPoint?, [String: String]) {
        guard case .object(let object) = value else { return (nil, ["point": "must be an object of photometry fields"]) }
        var reader = YSEObjectReader(object)
        let obsDate = pointDate(&reader)
        let band = reader.requiredString("band", reason: "must be a band name, e.g. g-ZTF")
        let mag = reader.number("mag")
        let magErr = reader.number("mag_err", where: { $0 >= 0 }, otherwise: "must be a finite number >= 0")
        let flux = reader.number("flux")
        let fluxErr = reader.number("flux_err", where: { $0 >= 0 }, otherwise: "must be a finite number >= 0")
        let fluxZeroPoint = reader.number("flux_zero_point")
        let dataQuality = reader.raw("data_quality")
        let diffim = reader.flag("diffim")
        let forced = reader.flag("forced")
        let discoveryPoint = reader.flag("discovery_point")
        guard reader.errors.isEmpty, let obsDate, let band else { return (nil, reader.errors) }
        return (YSEPhotometryPoint(
            obsDate: obsDate, band: band, mag: mag, magErr: magErr, flux: flux, fluxErr: fluxErr, fluxZeroPoint: fluxZeroPoint,
            dataQuality: dataQuality, diffim: diffim, forced: forced, discoveryPoint: discoveryPoint, extras: reader.extras), [:])
    }

    /// `obs_date`, or else `mjd`. The MJD is checked whenever it is sent but left unconsumed, so it
    /// stays in `extras` exactly as the client wrote it.
    private static func pointDate(_ reader: inout YSEObjectReader) -> Date? {
        let obsDate = reader.date("obs_date")
        guard let mjd = reader.peek("mjd") else {
            if reader.peek("obs_date") == nil {
                reader.fail("obs_date", "is required (or mjd): a date like 2019-01-09T12:34:56.789")
            }
            return obsDate
        }
        guard let mjdDate = YSEValue.mjdDate(mjd) else {
            reader.fail("mjd", "must be a modified Julian date >= 0")
            return nil
        }
        return obsDate ?? mjdDate
    }
}
