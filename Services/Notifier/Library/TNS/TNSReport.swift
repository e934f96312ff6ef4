import Foundation
import Schema

/// Builds the `data` form fields TNS takes: FRB bulk reports and the internal-name search.
///
/// Field names follow dsa110 (production-proven) and the CHIME/TNS template; unit ids are the
/// template's: 25 pc cm^-3, 22 Jy ms, 23 ms, 24 MHz, 26 rad m^-2, and flux units 8 (Jy).
/// Keys without a value are left out rather than sent empty, and non-finite numbers count as no value.
enum TNSReport {
    /// `{"frb_report": {"0": {...}}}` for one measurement, with sorted keys so the same FRB always
    /// gives the same bytes. `repeaterOfObjid` is the TNS objid of the first burst of a repeater.
    static func data(
        for stored: FRBMeasurementStored, settings: TNSSettings, repeaterOfObjid: String? = nil
    ) throws(TNSError) -> String {
        let m = stored.measurement
        guard m.ra.isFinite, m.dec.isFinite else {
            throw TNSError(reason: "measurement \(m.measurementId) has no finite position")
        }
        guard let discovery = dateTime(stored.frb.timeOfArrival) else {
            throw TNSError(reason: "FRB \(stored.frb.frbId) has a time of arrival TNS cannot take")
        }
        var report: [String: JSONValue?] = [
            "ra": coordinate(m.ra, error: m.raPosError),
            "dec": coordinate(m.dec, error: m.decPosError),
            "discovery_datetime": .string(discovery),
            "internal_name": .string(internalName(frbId: stored.frb.frbId, settings: settings)),
            "at_type": .number(5),
            "reporter": .string(settings.reporter),
            "reporting_groupid": .number(Double(settings.reportingGroupId)),
            "groupid": .number(Double(settings.discoveryDataSourceId)),
            "repeater_of_objid": repeaterOfObjid.map(JSONValue.string),
            "transient_redshift": number(m.z),
            "remarks": remarks(m).map(JSONValue.string),
            "photometry": .object(["photometry_group": .object(["0": photometry(stored, obsdate: discovery, settings)])]),
        ]
        report.merge(measured(m.dm, "dm", error: m.dmErr, errorKey: "dm_err", unit: "25")) { $1 }
        if let groups = settings.proprietaryPeriodGroups {
            report["proprietary_period_groups"] = JSONValue.array(groups.map { .string(String($0)) })
        }
        if let days = settings.endPropPeriodDays {
            let end = stored.frb.timeOfArrival.addingTimeInterval(Double(days) * 86_400)
            report["end_prop_period"] = EventTimestamp.string(from: end).map { .string(String($0.prefix(10))) }
        }
        return try encode(["frb_report": .object(["0": .object(report.compactMapValues { $0 })])])
    }

    /// The `get/search` query for our own report, with every key TNS's sample sends.
    static func searchData(internalName: String) throws(TNSError) -> String {
        try encode([
            "objname": .string(""), "objname_exact_match": .number(0),
            "internal_name": .string(internalName), "internal_name_exact_match": .number(1),
            "ra": .string(""), "dec": .string(""), "radius": .string(""), "units": .string(""),
            "objid": .string(""), "public_timestamp": .string(""),
        ])
    }

    static func internalName(frbId: Int64, settings: TNSSettings) -> String {
        "\(settings.internalNamePrefix)-\(frbId)"
    }

    /// "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, as FRB_candidates_app sends it. The bus carries milliseconds,
    /// so the last three digits are zero.
    static func dateTime(_ date: Date) -> String? {
        guard let text = EventTimestamp.string(from: date) else { return nil }
        return text.dropLast().replacingOccurrences(of: "T", with: " ") + "000"
    }

    private static func photometry(_ stored: FRBMeasurementStored, obsdate: String, _ settings: TNSSettings) -> JSONValue {
        let m = stored.measurement, o = stored.observation
        var group: [String: JSONValue?] = [
            "obsdate": .string(obsdate),
            "snr": number(m.sn),
            "channels_no": .number(Double(o.nchan)),
            "instrument_value": settings.instrumentValue.map { .number(Double($0)) },
            "filter_value": settings.filterValue.map { .number(Double($0)) },
        ]
        for fields in [
            measured(m.flux, "flux", error: m.fluxErr, errorKey: "flux_error", unit: "8", unitKey: "flux_units"),
            measured(m.fluence, "fluence", error: m.fluenceErr, errorKey: "fluence_err", unit: "22"),
            measured(m.width, "burst_width", unit: "23"),
            measured(m.rm, "rm", error: m.rmErr, errorKey: "rm_err", unit: "26"),
            measured(o.centreFrequency, "ref_freq", unit: "24"),
            measured(o.bandwidth, "inst_bandwidth", unit: "24"),
            measured(o.samplingTime, "sampling_time", unit: "23"),
        ] {
            group.merge(fields) { $1 }
        }
        return .object(group.compactMapValues { $0 })
    }

    /// A value with its error and unit id; nothing at all when the value is missing, so a unit id
    /// never stands alone.
    private static func measured(
        _ value: Double?, _ key: String, error: Double? = nil, errorKey: String? = nil,
        unit: String, unitKey: String? = nil
    ) -> [String: JSONValue?] {
        guard let value = number(value) else { return [:] }
        var fields: [String: JSONValue?] = [key: value, unitKey ?? key + "_unitid": .string(unit)]
        if let errorKey { fields[errorKey] = number(error) }
        return fields
    }

    private static func coordinate(_ value: Double, error: Double) -> JSONValue {
        .object(["value": .number(value), "error": number(error), "units": .string("deg")].compactMapValues { $0 })
    }

    private static func number(_ value: Double?) -> JSONValue? {
        guard let value, value.isFinite else { return nil }
        return .number(value)
    }

    /// What TNS has no field for. The ellipse goes here, not in `region_ellipse`: that field's format and
    /// its unit 27 are undocumented, and a guessed localisation is worse than one stated in words.
    /// `dmism` is an estimate, not the line-of-sight maximum `galactic_max_dm` means, and has no model name.
    private static func remarks(_ m: RadioMeasurement) -> String? {
        var parts: [String] = []
        if let e = m.errorEllipse, [e.a, e.b, e.theta, e.cl].allSatisfy(\.isFinite) {
            parts.append("\(e.cl)% error ellipse: semi-major \(e.a) deg, semi-minor \(e.b) deg, position angle \(e.theta) deg")
        }
        if let dmism = m.dmism, dmism.isFinite {
            parts.append("Milky Way ISM DM estimate \(dmism) pc cm^-3")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private static func encode(_ value: [String: JSONValue]) throws(TNSError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw TNSError(reason: "cannot encode the TNS request: \(error)")
        }
    }
}
