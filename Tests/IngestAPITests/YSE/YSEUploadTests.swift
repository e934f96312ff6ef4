import Foundation
@testable import IngestAPI
import Schema
import Testing

/// Uploads shaped like the YSE-PZ "Adding Data" tutorial's photometry cron (SN 2019np, ZTF-Cam).
@Suite struct YSEUploadTests {
    let receivedAt = Date(timeIntervalSince1970: 1_763_700_000)

    static let goodPoint0 = #"{"obs_date": "2019-01-09T10:50:22.003", "mag": 17.21, "mag_err": 0.05, "band": "g-ZTF", "data_quality": 0, "diffim": 1, "flux": null, "flux_err": null, "flux_zero_point": null, "forced": 0, "discovery_point": 0}"#
    static let goodPoint1 = #"{"obs_date": "2019-01-10T11:02:40.500", "mag": 16.95, "mag_err": 0.04, "band": "r-ZTF", "data_quality": 0, "diffim": 1, "flux": null, "flux_err": null, "flux_zero_point": null, "forced": 0, "discovery_point": 1}"#
    static let badPoint = #"{"obs_date": "2019-01-11T09:00:00.000", "mag": "abc", "mag_err": 0.06, "band": "g-ZTF", "data_quality": 0, "diffim": 1, "flux": null, "flux_err": null, "flux_zero_point": null, "forced": 0, "discovery_point": 0}"#

    static func transient(_ name: String, ra: String = "157.3415", points: [String]) -> String {
        let photdata = points.enumerated().map { "\"\($0.offset)\": \($0.element)" }.joined(separator: ", ")
        return """
            "\(name)": {"name": "\(name)", "ra": \(ra), "dec": 29.5106667, "obs_group": "Unknown", "status": "Ignore",
              "transientphotometry": {"mjdmatchmin": 0.01, "clobber": true,
                "ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {\(photdata)}}}}
            """
    }

    func parse(_ json: String) throws -> YSEUploadOutcome {
        try YSEUpload.parse(Array(json.utf8), uploadedBy: "pipeline", receivedAt: receivedAt)
    }

    @Test func aBadTransientBesideAGoodOneIsAPartialWithExactReasons() throws {
        let json = """
            {"noupdatestatus": true,
             \(Self.transient("2019np", points: [Self.goodPoint0, Self.goodPoint1])),
             \(Self.transient("2019abc", ra: "400", points: [Self.goodPoint0, Self.badPoint]))}
            """
        let outcome = try parse(json)
        #expect(outcome.status == .partial)
        #expect(outcome.transients["2019np"] == YSETransientResult(
            status: .accepted, errors: [:], photometry: YSEPhotometryResult(accepted: 2, rejected: [])))
        #expect(outcome.transients["2019abc"] == YSETransientResult(
            status: .rejected, errors: ["ra": "must be a number in [0, 360)"],
            photometry: YSEPhotometryResult(accepted: 0, rejected: [
                YSERejectedPoint(point: "ZTF/1", errors: ["mag": "must be a finite number"]),
            ])))

        let payload = try #require(outcome.payload)
        #expect(Array(payload.transients.keys) == ["2019np"])
        #expect(payload.noupdatestatus == true)
        #expect(payload.tns == nil)
        #expect(payload.uploadedBy == "pipeline")
        #expect(payload.receivedAt == receivedAt)
        let group = try #require(payload.transients["2019np"]?.transientphotometry?.groups["ZTF"])
        #expect(group.instrument == "ZTF-Cam")
        #expect(group.photdata.keys.sorted() == ["0", "1"])

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = String(decoding: try encoder.encode(outcome), as: UTF8.self)
        #expect(body == #"{"message":"1 of 2 transients accepted; 1 photometry point rejected.","status":"partial","transients":{"#
            + #""2019abc":{"errors":{"ra":"must be a number in [0, 360)"},"photometry":{"accepted":0,"rejected":[{"errors":{"mag":"must be a finite number"},"point":"ZTF/1"}]},"status":"rejected"},"#
            + #""2019np":{"errors":{},"photometry":{"accepted":2,"rejected":[]},"status":"accepted"}}}"#)
    }

    @Test func anAllValidUploadIsASuccess() throws {
        let outcome = try parse("{\(Self.transient("2019np", points: [Self.goodPoint0, Self.goodPoint1]))}")
        #expect(outcome.status == .success)
        #expect(outcome.message == "1 of 1 transient accepted.")
        let transient = try #require(outcome.payload?.transients["2019np"])
        #expect(transient == YSETransient(
            name: "2019np", ra: 157.3415, dec: 29.5106667, status: "Ignore", obsGroup: "Unknown",
            transientphotometry: YSEPhotometryUpload(mjdmatchmin: 0.01, clobber: true, groups: ["ZTF": YSEPhotometryGroup(
                instrument: "ZTF-Cam", obsGroup: "ZTF", photdata: [
                    "0": YSEPhotometryPoint(obsDate: try #require(EventTimestamp.date(from: "2019-01-09T10:50:22.003Z")), band: "g-ZTF",
                                            mag: 17.21, magErr: 0.05, dataQuality: .number(0), diffim: true, forced: false, discoveryPoint: false),
                    "1": YSEPhotometryPoint(obsDate: try #require(EventTimestamp.date(from: "2019-01-10T11:02:40.500Z")), band: "r-ZTF",
                                            mag: 16.95, magErr: 0.04, dataQuality: .number(0), diffim: true, forced: false, discoveryPoint: true),
                ])])))
    }

    @Test func aGoodTransientKeepsItsGoodPointsAndReportsTheBadOne() throws {
        let outcome = try parse("{\(Self.transient("2019np", points: [Self.goodPoint0, Self.badPoint, Self.goodPoint1]))}")
        #expect(outcome.status == .partial)
        #expect(outcome.transients["2019np"] == YSETransientResult(
            status: .accepted, errors: [:],
            photometry: YSEPhotometryResult(accepted: 2, rejected: [YSERejectedPoint(point: "ZTF/1", errors: ["mag": "must be a finite number"])])))
        let points = try #require(outcome.payload?.transients["2019np"]?.transientphotometry?.groups["ZTF"]?.photdata)
        #expect(points.keys.sorted() == ["0", "2"])
    }

    @Test func noValidTransientIsAFailureWithNothingToPublish() throws {
        let outcome = try parse(#"{"2019abc": {"name": "2019abc", "dec": 95}, "2019xyz": [1, 2]}"#)
        #expect(outcome.status == .failed)
        #expect(outcome.payload == nil)
        #expect(outcome.transients["2019abc"]?.errors == ["dec": "must be a number in [-90, 90]"])
        #expect(outcome.transients["2019xyz"]?.errors == ["transient": "must be an object of transient fields"])
    }

    @Test func unknownFieldsAreKeptAsExtras() throws {
        let json = #"""
            {"2019np": {"name": "2019np", "host": {"name": "NGC 3239", "redshift": 0.0025}, "non_detect_band": "r-ZTF",
                        "postage_stamp_file": null, "tags": ["YSE"], "internal_names": "ZTF19aaaaaaa,ATLAS19abc",
                        "transientphotometry": {"ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {
                          "0": {"obs_date": "2019-01-09 10:50:22", "band": "g-ZTF", "mag": 17.2, "diffimg": 1, "instrument": "ZTF-Cam"}}}}}}
            """#
        let transient = try #require(try parse(json).payload?.transients["2019np"])
        #expect(transient.extras == [
            "host": .object(["name": .string("NGC 3239"), "redshift": .number(0.0025)]),
            "non_detect_band": .string("r-ZTF"),
            "postage_stamp_file": .null,
        ])
        #expect(transient.tags == ["YSE"])
        #expect(transient.internalNames == "ZTF19aaaaaaa,ATLAS19abc")
        let point = try #require(transient.transientphotometry?.groups["ZTF"]?.photdata["0"])
        #expect(point.extras == ["diffimg": .number(1), "instrument": .string("ZTF-Cam")])
    }

    @Test func zeroOneFlagsBecomeBooleans() throws {
        let json = #"""
            {"TNS": 1, "noupdatestatus": 0, "2019np": {"name": "2019np", "transientphotometry": {"clobber": 0, "ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {
              "0": {"obs_date": "2019-01-09T10:50:22", "band": "g-ZTF", "diffim": 1, "forced": 0, "discovery_point": true},
              "1": {"obs_date": "2019-01-09T10:50:22", "band": "g-ZTF", "diffim": "0", "forced": "1", "discovery_point": false},
              "2": {"obs_date": "2019-01-09T10:50:22", "band": "g-ZTF", "diffim": 2, "forced": "yes"}}}}}}
            """#
        let outcome = try parse(json)
        let payload = try #require(outcome.payload)
        #expect(payload.tns == true)
        #expect(payload.noupdatestatus == false)
        let photometry = try #require(payload.transients["2019np"]?.transientphotometry)
        #expect(photometry.clobber == false)
        let points = try #require(photometry.groups["ZTF"]?.photdata)
        #expect(points["0"].map { [$0.diffim, $0.forced, $0.discoveryPoint] } == [true, false, true])
        #expect(points["1"].map { [$0.diffim, $0.forced, $0.discoveryPoint] } == [false, true, false])
        #expect(outcome.transients["2019np"]?.photometry.rejected == [YSERejectedPoint(point: "ZTF/2", errors: [
            "diffim": "must be 0, 1, true or false", "forced": "must be 0, 1, true or false",
        ])])
    }

    @Test func numericStringsAreAccepted() throws {
        let json = #"""
            {"2019np": {"name": "2019np", "ra": "157.3415", "dec": " -29.5 ", "redshift": "0.0025",
                        "transientphotometry": {"mjdmatchmin": "0.01", "ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {
                          "0": {"obs_date": "2019-01-09T10:50:22", "band": "g-ZTF", "mag": "17.2", "mag_err": "5e-2", "flux": "1234.5"}}}}}}
            """#
        let transient = try #require(try parse(json).payload?.transients["2019np"])
        #expect(transient.ra == 157.3415)
        #expect(transient.dec == -29.5)
        #expect(transient.redshift == 0.0025)
        #expect(transient.transientphotometry?.mjdmatchmin == 0.01)
        let point = try #require(transient.transientphotometry?.groups["ZTF"]?.photdata["0"])
        #expect([point.mag, point.magErr, point.flux] == [17.2, 0.05, 1234.5])
    }

    @Test(arguments: ["\"NaN\"", "\"nan\"", "\"Infinity\"", "\"-inf\"", "\"0x10\"", "\"\"", "true", "[17]"])
    func nonFiniteAndNonNumericValuesAreRefused(_ mag: String) throws {
        let json = #"{"2019np": {"name": "2019np", "transientphotometry": {"ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {"#
            + #""0": {"obs_date": "2019-01-09T10:50:22", "band": "g-ZTF", "mag": \#(mag)}}}}}}"#
        #expect(try parse(json).transients["2019np"]?.photometry.rejected == [
            YSERejectedPoint(point: "ZTF/0", errors: ["mag": "must be a finite number"]),
        ])
    }

    @Test func aBadGroupOrHeaderRejectsTheTransient() throws {
        let json = #"""
            {"a": {"name": "a", "transientphotometry": {"mjdmatchmin": -1, "ZTF": {"obs_group": "ZTF", "photdata": []}}},
             "b": {"name": "b", "transientphotometry": {"ZTF": "ZTF-Cam"}},
             "c": {"name": "c", "transientphotometry": [1]}}
            """#
        let outcome = try parse(json)
        #expect(outcome.transients["a"]?.errors == [
            "transientphotometry.mjdmatchmin": "must be a number of days >= 0",
            "transientphotometry.ZTF.instrument": "must be an instrument name, e.g. ZTF-Cam",
            "transientphotometry.ZTF.photdata": "must be an object of points keyed by index",
        ])
        #expect(outcome.transients["b"]?.errors == ["transientphotometry.ZTF": "must be an object with instrument, obs_group and photdata"])
        #expect(outcome.transients["c"]?.errors == ["transientphotometry": "must be an object with mjdmatchmin, clobber and groups of photdata"])
        #expect(outcome.status == .failed)
    }

    @Test func transientFieldsAreChecked() throws {
        let json = #"""
            {"x": {"ra": -1, "disc_date": "yesterday", "status": 3, "obs_group": "", "tags": "YSE", "internal_names": ["a"], "redshift": "NaN"}}
            """#
        #expect(try parse(json).transients["x"]?.errors == [
            "name": "must be the transient's name, a non-empty string",
            "ra": "must be a number in [0, 360)",
            "disc_date": "must be a date like 2019-01-09T12:34:56.789 or 2019-01-09 12:34:56",
            "status": "must be a status name, e.g. New",
            "obs_group": "must be an observation group name",
            "tags": "must be a list of tag names",
            "internal_names": "must be a comma-separated string of names",
            "redshift": "must be a finite number",
        ])
    }

    @Test func credentialsInTheBodyAreNeitherTransientsNorForwarded() throws {
        let outcome = try parse(#"{"username": "djones", "password": "hunter2", "2019np": {"name": "2019np"}}"#)
        #expect(Array(outcome.transients.keys) == ["2019np"])
        #expect(outcome.status == .success)
        let event = String(decoding: try EventJSON.encoder().encode(try #require(outcome.payload)), as: UTF8.self)
        #expect(!event.contains("hunter2"))
    }

    @Test func thePayloadSurvivesTheBus() throws {
        let json = #"""
            {"TNS": true, "2019np": {"name": "2019np", "ra": 157.3415, "disc_date": "2019-01-08", "gw": {"event": "S190425z"}, "non_detect_band": "r-ZTF",
              "transientphotometry": {"mjdmatchmin": 0.01, "clobber": false, "ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {
                "0": {"mjd": 58492.5, "band": "g-ZTF", "mag": 17.2, "data_quality": "Bad", "diffimg": 1}}}}}}
            """#
        let payload = try #require(try parse(json).payload)
        let event = Event(source: "/burstwire/ingest-api", time: receivedAt, data: payload)
        let decoded = try EventJSON.decoder().decode(Event<TransientUploadReceived>.self, from: EventJSON.encoder().encode(event))
        #expect(decoded == event)
    }
}
