import Foundation
import Schema

/// Validates one transient of an upload. The fields the catalogue has columns for are typed and
/// range-checked; the nested keys YSE-PZ handles separately (`host`, `transientspectra`, `gw`, ...) and
/// any other model field go to `extras` verbatim.
///
/// `ra`, `dec`, `status` and `obs_group` are optional here, as in YSE-PZ: they are required only for a
/// transient the catalogue does not have yet, which only catalog-store can tell.
enum YSETransientReader {
    static func read(_ value: JSONValue) -> (YSETransient?, YSETransientResult) {
        guard case .object(let object) = value else {
            return (nil, YSETransientResult(status: .rejected, errors: ["transient": "must be an object of transient fields"]))
        }
        var reader = YSEObjectReader(object)
        let name = reader.requiredString("name", reason: "must be the transient's name, a non-empty string")
        let ra = reader.number("ra", where: { (0..<360).contains($0) }, otherwise: "must be a number in [0, 360)")
        let dec = reader.number("dec", where: { (-90...90).contains($0) }, otherwise: "must be a number in [-90, 90]")
        let discDate = reader.date("disc_date")
        let redshift = reader.number("redshift")
        let status = reader.string("status", reason: "must be a status name, e.g. New")
        let obsGroup = reader.string("obs_group", reason: "must be an observation group name")
        let tags = readTags(&reader)
        let internalNames = reader.string("internal_names", reason: "must be a comma-separated string of names")
        let photometry = reader.raw("transientphotometry").map(YSEPhotometryReader.read)

        var errors = reader.errors
        errors.merge(photometry?.errors ?? [:]) { first, _ in first }
        let summary = photometry?.summary ?? YSEPhotometryResult(accepted: 0, rejected: [])
        guard errors.isEmpty, let name else {
            let unaccepted = YSEPhotometryResult(accepted: 0, rejected: summary.rejected)
            return (nil, YSETransientResult(status: .rejected, errors: errors, photometry: unaccepted))
        }
        let transient = YSETransient(
            name: name, ra: ra, dec: dec, discDate: discDate, redshift: redshift, status: status, obsGroup: obsGroup,
            tags: tags, internalNames: internalNames, transientphotometry: photometry?.upload, extras: reader.extras)
        return (transient, YSETransientResult(status: .accepted, errors: [:], photometry: summary))
    }

    /// `tags`: a list of TransientTag names (YSE-PZ iterates it, so a bare string would be read letter by letter).
    private static func readTags(_ reader: inout YSEObjectReader) -> [String]? {
        guard let value = reader.raw("tags") else { return nil }
        guard case .array(let items) = value else {
            reader.fail("tags", "must be a list of tag names")
            return nil
        }
        var tags: [String] = []
        for item in items {
            guard case .string(let tag) = item, !tag.isEmpty else {
                reader.fail("tags", "must be a list of tag names")
                return nil
            }
            tags.append(tag)
        }
        return tags
    }
}
