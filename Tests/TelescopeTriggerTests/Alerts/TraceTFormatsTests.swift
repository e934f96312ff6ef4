import Foundation
import Testing
@testable import TelescopeTrigger

@Suite("TraceT's formats: astropy sexagesimal, iso8601 dates, flare star names")
struct TraceTFormatsTests {
    /// Expected strings are astropy 8's `Angle(x, unit=u.deg).to_string(unit=u.hour / u.deg, sep=":")`.
    @Test("ra_hms and dec_dms as astropy writes them", arguments: [
        (0.0, "0:00:00", "0:00:00"),
        (-0.0001, "-0:00:00.024", "-0:00:00.36"),
        (-0.2232, "-0:00:53.568", "-0:13:23.52"),
        (241.6167, "16:06:28.008", "241:37:00.12"),
        (29.999999999999996, "2:00:00", "30:00:00"),  // seconds that print as 60 carry into the minutes
        (359.99999999999, "24:00:00", "359:59:59.99999996"),
        (1e-08, "0:00:00.0000024", "0:00:00.000036"),
        (12.3456789012, "0:49:22.96293629", "12:20:44.44404432"),
        (-89.9999999999, "-5:59:59.99999998", "-89:59:59.99999964"),
        (180.000000001, "12:00:00.00000024", "180:00:00.0000036"),
        (307.7069529158958, "20:30:49.66869982", "307:42:25.03049722"),  // x / 15 would end in ...81
    ])
    func sexagesimal(degrees: Double, hms: String, dms: String) {
        #expect(Sexagesimal.hours(degrees: degrees) == hms)
        #expect(Sexagesimal.degrees(degrees) == dms)
    }

    /// Expected instants are iso8601 2.x's `parse_date(text).timestamp()`.
    @Test("ISOTime read as iso8601 reads it", arguments: [
        ("2023-05-24T20:22:41Z", 1_684_959_761.0),
        ("2017-11-26T05:38:43.71", 1_511_674_723.71),
        ("2019-04-10T00:30:29.0959869", 1_554_856_229.095986),  // cut, not rounded, to microseconds
        ("2024-03-01T01:30:00.25+02:00", 1_709_249_400.25),
        ("2023-05-18T12:59:08-0330", 1_684_427_348.0),
        ("20230518T125908", 1_684_414_748.0),
        ("2023-05-18", 1_684_368_000.0),
        ("2023", 1_672_531_200.0),
        ("2023-05-18 12:59:08,5\n", 1_684_414_748.5),
    ])
    func isoTimes(text: String, seconds: Double) throws {
        let date = try ISOTime.date(text)
        #expect(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) == Int64((seconds * 1_000_000).rounded()))
    }

    @Test("ISOTime iso8601 refuses", arguments: [
        "2023-02-30T00:00:00", "2023-05-18T24:00:00", "2023-05-18T12:59:60", "202305", " 2023-05-18T12:59:08",
    ])
    func isoTimeRefusals(text: String) {
        #expect(throws: AlertParseError.self) { try ISOTime.date(text) }
    }

    @Test("the flare star names are TraceT's FlareStarNames.txt, lower-cased")
    func flareStarNames() throws {
        let text = try String(contentsOf: TraceTFixtures.data.appendingPathComponent("mwa/FlareStarNames.txt"), encoding: .utf8)
        let names = text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        #expect(AlertParser.flareStars == names)
    }

    /// Why the Swift catalogue's flare stars are left out: TraceT looks for each as read inside a lower-cased name.
    @Test("every Swift on-board catalogue flare star (SRC_TYPE 11) has a capital, so never matches")
    func swiftCatalogueNeverMatches() throws {
        let text = try String(
            contentsOf: TraceTFixtures.data.appendingPathComponent("mwa/onboardswiftcat_201704.txt"), encoding: .utf8)
        let flareStars = text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let columns = line.split(separator: "|", omittingEmptySubsequences: false)
            guard columns.count > 7, columns[7].trimmingCharacters(in: .whitespaces) == "11" else { return nil }
            return String(columns[3])
        }
        // TraceT's pandas reads "+" as a comment, so sees only 75 of these 86 (names like "GX_13+1" are cut).
        #expect(flareStars.count == 86)
        #expect(flareStars.allSatisfy { $0 != $0.lowercased() })
    }
}
