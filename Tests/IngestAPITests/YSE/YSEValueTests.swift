import Foundation
@testable import IngestAPI
import Schema
import Testing

@Suite struct YSEValueTests {
    @Test(arguments: [
        ("2019-01-09T10:50:22.003", "2019-01-09T10:50:22.003Z"),
        ("2019-01-09T10:50:22.003Z", "2019-01-09T10:50:22.003Z"),
        ("2019-01-09T12:50:22+02:00", "2019-01-09T10:50:22.000Z"),
        ("2019-01-09 10:50:22", "2019-01-09T10:50:22.000Z"),
        ("2019-01-09", "2019-01-09T00:00:00.000Z"),
    ])
    func datesInTheFormsClientsSend(_ text: String, _ expected: String) {
        #expect(YSEValue.date(.string(text)).flatMap(EventTimestamp.string(from:)) == expected)
    }

    @Test(arguments: ["2019-13-09", "09/01/2019", "2019-01-09T25:00:00", "", "58492.5"])
    func otherDateFormsAreRefused(_ text: String) {
        #expect(YSEValue.date(.string(text)) == nil)
    }

    @Test func aNumberIsNotADate() {
        #expect(YSEValue.date(.number(58492.5)) == nil)
    }

    @Test func modifiedJulianDates() {
        #expect(YSEValue.mjdDate(.number(58492.5)).flatMap(EventTimestamp.string(from:)) == "2019-01-09T12:00:00.000Z")
        #expect(YSEValue.mjdDate(.string("40587")) == Date(timeIntervalSince1970: 0))
        #expect(YSEValue.mjdDate(.number(-1)) == nil)
        #expect(YSEValue.mjdDate(.number(1e12)) == nil)
    }

    @Test func aPointDatedOnlyByItsMJDKeepsTheMJD() throws {
        let json = #"""
            {"t": {"name": "t", "transientphotometry": {"ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {
              "0": {"mjd": "58492.5", "band": "g-ZTF"}, "1": {"band": "g-ZTF"}, "2": {"mjd": -5, "band": "g-ZTF"}}}}}}
            """#
        let outcome = try YSEUpload.parse(Array(json.utf8), uploadedBy: nil, receivedAt: Date(timeIntervalSince1970: 0))
        let point = try #require(outcome.payload?.transients["t"]?.transientphotometry?.groups["ZTF"]?.photdata["0"])
        #expect(EventTimestamp.string(from: point.obsDate) == "2019-01-09T12:00:00.000Z")
        #expect(point.extras == ["mjd": .string("58492.5")])
        #expect(outcome.transients["t"]?.photometry.rejected == [
            YSERejectedPoint(point: "ZTF/1", errors: ["obs_date": "is required (or mjd): a date like 2019-01-09T12:34:56.789"]),
            YSERejectedPoint(point: "ZTF/2", errors: ["mjd": "must be a modified Julian date >= 0"]),
        ])
    }

    @Test func pointsAreReportedInIndexOrder() throws {
        let points = (0...11).map { #""\#($0)": {"band": "g-ZTF"}"# }.joined(separator: ", ")
        let json = #"{"t": {"name": "t", "transientphotometry": {"ZTF": {"instrument": "ZTF-Cam", "obs_group": "ZTF", "photdata": {\#(points), "x": {}}}}}}"#
        let outcome = try YSEUpload.parse(Array(json.utf8), uploadedBy: nil, receivedAt: Date(timeIntervalSince1970: 0))
        #expect(outcome.transients["t"]?.photometry.rejected.map(\.point) == (0...11).map { "ZTF/\($0)" } + ["ZTF/x"])
    }
}
