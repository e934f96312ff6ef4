import Foundation
import Testing
@testable import Notifier

@Suite("TNS FRB report")
struct TNSReportTests {
    @Test func reportLevelFieldsCarryTheMeasurement() throws {
        let report = try TNSFixtures.report(TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings))
        let ra = try #require(report["ra"] as? [String: Any])
        let dec = try #require(report["dec"] as? [String: Any])
        #expect(ra["value"] as? Double == 77.01461542)
        #expect(ra["error"] as? Double == 0.05)
        #expect(ra["units"] as? String == "deg")
        #expect(dec["value"] as? Double == 26.06069556)
        #expect(dec["error"] as? Double == 0.05)
        #expect(dec["units"] as? String == "deg")
        #expect(report["discovery_datetime"] as? String == "2017-11-17 12:21:38.870000")
        #expect(report["internal_name"] as? String == "BURSTWIRE-3")
        #expect(report["at_type"] as? Int == 5)
        #expect(report["reporter"] as? String == "A. Person on behalf of CRAFT")
        #expect(report["reporting_groupid"] as? Int == 132)
        #expect(report["groupid"] as? Int == 133)
        #expect(report["dm"] as? Double == 411)
        #expect(report["dm_err"] as? Double == 1)
        #expect(report["dm_unitid"] as? String == "25")
        #expect(report["transient_redshift"] as? Double == 0.0982)
        #expect(report["remarks"] as? String
            == "68.0% error ellipse: semi-major 0.05 deg, semi-minor 0.03 deg, position angle 30.0 deg; "
            + "Milky Way ISM DM estimate 35.5 pc cm^-3")
        #expect(report["region_ellipse"] == nil)
        #expect(report["repeater_of_objid"] == nil)
        #expect(report["end_prop_period"] == nil)
        #expect(report["proprietary_period_groups"] == nil)
    }

    @Test func photometryGroupCarriesMeasurementAndObservation() throws {
        let report = try TNSFixtures.report(TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings))
        let p = TNSFixtures.photometry(report)
        #expect(p["obsdate"] as? String == "2017-11-17 12:21:38.870000")
        #expect(p["flux"] as? Double == 35)
        #expect(p["flux_error"] as? Double == 3)
        #expect(p["flux_units"] as? String == "8")
        #expect(p["snr"] as? Double == 50)
        #expect(p["fluence"] as? Double == 45)
        #expect(p["fluence_err"] as? Double == 5)
        #expect(p["fluence_unitid"] as? String == "22")
        #expect(p["burst_width"] as? Double == 5)
        #expect(p["burst_width_unitid"] as? String == "23")
        #expect(p["rm"] as? Double == -613)
        #expect(p["rm_err"] as? Double == 2)
        #expect(p["rm_unitid"] as? String == "26")
        #expect(p["ref_freq"] as? Double == 1400)
        #expect(p["ref_freq_unitid"] as? String == "24")
        #expect(p["inst_bandwidth"] as? Double == 300)
        #expect(p["inst_bandwidth_unitid"] as? String == "24")
        #expect(p["channels_no"] as? Int == 3000)
        #expect(p["sampling_time"] as? Double == 0.1)
        #expect(p["sampling_time_unitid"] as? String == "23")
        #expect(p["instrument_value"] as? Int == 239)
        #expect(p["filter_value"] as? Int == 129)
    }

    /// The values FRB_candidates_app sent for the same burst come out the same.
    @Test func agreesWithTheFRBCandidatesAppExample() throws {
        let example = try TNSFixtures.report(
            String(decoding: TNSFixtures.dataFile("frb_report_example_FRB_candidates_app_style.json"), as: UTF8.self))
        let report = try TNSFixtures.report(TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings))
        #expect(NSDictionary(dictionary: try #require(report["ra"] as? [String: Any]))
            == NSDictionary(dictionary: try #require(example["ra"] as? [String: Any])))
        #expect(NSDictionary(dictionary: try #require(report["dec"] as? [String: Any]))
            == NSDictionary(dictionary: try #require(example["dec"] as? [String: Any])))
        #expect(report["discovery_datetime"] as? String == example["discovery_datetime"] as? String)
        let ours = TNSFixtures.photometry(report), theirs = TNSFixtures.photometry(example)
        for key in ["obsdate", "flux", "flux_error", "snr", "ref_freq", "inst_bandwidth", "channels_no", "sampling_time"] {
            #expect((ours[key] as? NSObject) == (theirs[key] as? NSObject), "\(key)")
        }
    }

    @Test func missingValuesLeaveTheirKeysAndUnitsOut() throws {
        var settings = TNSFixtures.settings
        settings.instrumentValue = nil
        settings.filterValue = nil
        let report = try TNSFixtures.report(TNSReport.data(for: TNSFixtures.stored(TNSFixtures.sparseMeasurement), settings: settings))
        for key in ["dm", "dm_err", "dm_unitid", "transient_redshift", "remarks", "repeater_of_objid"] {
            #expect(report[key] == nil, "\(key)")
        }
        let p = TNSFixtures.photometry(report)
        for key in ["flux", "flux_error", "flux_units", "snr", "fluence", "fluence_err", "fluence_unitid", "burst_width",
                    "burst_width_unitid", "rm", "rm_err", "rm_unitid", "instrument_value", "filter_value"] {
            #expect(p[key] == nil, "\(key)")
        }
        #expect(report["internal_name"] as? String == "BURSTWIRE-3")
        #expect(p["obsdate"] as? String == "2017-11-17 12:21:38.870000")
        #expect(p["ref_freq"] as? Double == 1400)
    }

    @Test func nonFiniteNumbersAreLeftOut() throws {
        var m = TNSFixtures.measurement
        m.dm = .nan
        m.fluxErr = .infinity
        m.raPosError = .nan
        let data = try TNSReport.data(for: TNSFixtures.stored(m), settings: TNSFixtures.settings)
        let report = try TNSFixtures.report(data)
        #expect(!data.lowercased().contains("nan") && !data.lowercased().contains("inf"))
        #expect(report["dm"] == nil && report["dm_unitid"] == nil)
        #expect(report["dm_err"] == nil)
        #expect((report["ra"] as? [String: Any])?["error"] == nil)
        #expect(TNSFixtures.photometry(report)["flux"] as? Double == 35)
        #expect(TNSFixtures.photometry(report)["flux_error"] == nil)
    }

    @Test func aPositionThatIsNotFiniteIsRefused() {
        var m = TNSFixtures.measurement
        m.dec = .nan
        #expect(throws: TNSError.self) { try TNSReport.data(for: TNSFixtures.stored(m), settings: TNSFixtures.settings) }
    }

    @Test func repeaterAndProprietaryPeriodWhenConfigured() throws {
        var settings = TNSFixtures.settings
        settings.proprietaryPeriodGroups = [132, 48]
        settings.endPropPeriodDays = 30
        let report = try TNSFixtures.report(
            TNSReport.data(for: TNSFixtures.stored(), settings: settings, repeaterOfObjid: "98765"))
        #expect(report["repeater_of_objid"] as? String == "98765")
        #expect(report["proprietary_period_groups"] as? [String] == ["132", "48"])
        #expect(report["end_prop_period"] as? String == "2017-12-17")
    }

    @Test func sameFRBGivesTheSameBytesWithSortedKeys() throws {
        let first = try TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings)
        let second = try TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings)
        #expect(first == second)
        let order = ["\"at_type\"", "\"dec\"", "\"discovery_datetime\"", "\"dm\"", "\"groupid\"", "\"internal_name\"",
                     "\"photometry\"", "\"ra\"", "\"remarks\"", "\"reporter\"", "\"reporting_groupid\""]
        let offsets = try order.map { try #require(first.range(of: $0)?.lowerBound, "\($0)") }
        #expect(offsets == offsets.sorted())
    }

    /// Every key we send is one the CHIME/TNS template knows, so a typo cannot slip through.
    @Test func everyKeySentIsInTheTemplate() throws {
        var settings = TNSFixtures.settings
        settings.proprietaryPeriodGroups = [132]
        settings.endPropPeriodDays = 30
        let ours = TNSFixtures.keyPaths(try TNSFixtures.object(Array(
            TNSReport.data(for: TNSFixtures.stored(), settings: settings, repeaterOfObjid: "1").utf8)))
        let template = TNSFixtures.keyPaths(try TNSFixtures.object(TNSFixtures.dataFile("frb_report_all_fields_template.json")))
        #expect(ours.subtracting(template).isEmpty, "not in the template: \(ours.subtracting(template).sorted())")
        #expect(ours.count > 40)
    }

    @Test func unitIdsMatchTheTemplate() throws {
        let template = try TNSFixtures.report(
            String(decoding: TNSFixtures.dataFile("frb_report_all_fields_template.json"), as: UTF8.self))
        let report = try TNSFixtures.report(TNSReport.data(for: TNSFixtures.stored(), settings: TNSFixtures.settings))
        #expect(report["dm_unitid"] as? String == template["dm_unitid"] as? String)
        let ours = TNSFixtures.photometry(report), theirs = TNSFixtures.photometry(template)
        let unitKeys = ours.keys.filter { $0.hasSuffix("_unitid") }
        #expect(unitKeys.count == 6)
        for key in unitKeys {
            #expect(ours[key] as? String == theirs[key] as? String, "\(key)")
        }
    }

    @Test func searchQueryHasTheSampleKeysWithOurInternalName() throws {
        let ours = try TNSFixtures.object(Array(TNSReport.searchData(internalName: "BURSTWIRE-3").utf8))
        var sample = try TNSFixtures.object(TNSFixtures.dataFile("search_request_data.json"))
        sample["internal_name"] = "BURSTWIRE-3"
        #expect(NSDictionary(dictionary: ours) == NSDictionary(dictionary: sample))
    }

    @Test(arguments: [
        ("2017-11-17T12:21:38.870Z", "2017-11-17 12:21:38.870000"),
        ("2024-02-29T00:00:00Z", "2024-02-29 00:00:00.000000"),
        ("2017-11-17T23:59:59.9996Z", "2017-11-18 00:00:00.000000"),
    ])
    func dateTimeIsUTCWithSixFractionDigits(input: String, expected: String) {
        #expect(TNSReport.dateTime(TNSFixtures.date(input)) == expected)
    }
}
