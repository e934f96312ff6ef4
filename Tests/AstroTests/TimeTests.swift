import Foundation
import Testing
@testable import Astro

@Suite struct GPSTimeTests {
    /// GPS seconds of UTC instants: astropy 8.0 `Time(iso, scale="utc").gps`; 2017-01-01 is the
    /// first instant with GPS − UTC = 18 s, so 1167264000 + 18.
    static let knownInstants: [(Date, Double)] = [
        (utc(1980, 1, 6), 0),
        (utc(2000, 1, 1, 12), 630_763_213),
        (utc(2014, 7, 1, 21, 33, 4), 1_088_285_600),     // MWA observation ID 1088285600
        (utc(2016, 12, 31, 23, 59, 59), 1_167_264_016),
        (utc(2017, 1, 1), 1_167_264_018),
        (utc(2026, 1, 1), 1_451_260_818),
    ]

    @Test(arguments: knownInstants)
    func convertsBothWays(date: Date, gps: Double) {
        #expect(GPSTime(utc: date).seconds == gps)
        #expect(GPSTime(seconds: gps).utc == date)
        #expect(GPSTime(seconds: gps).unixTime == date.timeIntervalSince1970)
    }

    /// 2016-12-31T23:59:60 is GPS 1167264017 (astropy); Unix time cannot show it, so it reads as
    /// a second 23:59:59 (Unix 1483228799), and the following second is 2017-01-01T00:00:00.
    @Test func leapSecondMapsToRepeatedSecond() {
        #expect(GPSTime(seconds: 1_167_264_016).unixTime == 1_483_228_799)
        #expect(GPSTime(seconds: 1_167_264_017).unixTime == 1_483_228_799)
        #expect(GPSTime(seconds: 1_167_264_017.5).unixTime == 1_483_228_799.5)
        #expect(GPSTime(seconds: 1_167_264_018).unixTime == 1_483_228_800)
    }

    @Test func keepsSubsecondPrecision() {
        let gps = GPSTime(unixTime: 1_767_225_600.123456)
        #expect(abs(gps.seconds - 1_451_260_818.123456) < 1e-6)
    }

    static let offsets: [(Date, Int)] = [
        (utc(1980, 1, 6), 0), (utc(1981, 6, 30, 23, 59, 59), 0), (utc(1981, 7, 1), 1),
        (utc(1999, 6, 1), 13), (utc(2008, 12, 31), 14), (utc(2016, 12, 31, 23, 59, 59), 17),
        (utc(2017, 1, 1), 18), (utc(2026, 6, 1), 18),
    ]

    @Test(arguments: offsets)
    func leapSecondTable(date: Date, gpsMinusUTC: Int) {
        #expect(LeapSeconds.gpsMinusUTC(at: date) == gpsMinusUTC)
    }

    @Test func leapSecondTableIsComplete() {
        #expect(LeapSeconds.insertions.count == 18)
        #expect(LeapSeconds.insertions.map(\.gpsMinusUTC) == Array(1...18))
    }
}

@Suite struct JulianDateTests {
    /// MJD/JD in the UTC scale: astropy 8.0 `Time(iso, scale="utc").mjd`. J2000.0 is
    /// JD 2451545.0 = MJD 51544.5 (2000-01-01T12:00, defined in TT; here the same calendar
    /// reading in UTC).
    static let knownDays: [(Date, Double)] = [
        (utc(2000, 1, 1, 12), 51_544.5),
        (utc(1970, 1, 1), 40_587),
        (utc(1980, 1, 6), 44_244),
        (utc(2017, 1, 1), 57_754),
        (utc(2026, 1, 1), 61_041),
        (utc(1858, 11, 17), 0),
    ]

    @Test(arguments: knownDays)
    func modifiedJulianDate(date: Date, mjd: Double) {
        #expect(date.modifiedJulianDate == mjd)
        #expect(date.julianDate == mjd + 2_400_000.5)
        #expect(Date(modifiedJulianDate: mjd) == date)
        #expect(Date(julianDate: mjd + 2_400_000.5) == date)
    }

    /// 2016-12-31T23:59:59 = MJD 57753.99998842593 (astropy 8.0 .mjd = 57753.99997685212 counts
    /// the leap second in that day; this type uses 86 400 s days, as Unix time does).
    @Test func fractionOfDay() {
        let mjd = utc(2016, 12, 31, 23, 59, 59).modifiedJulianDate
        #expect(abs(mjd - (57_754 - 1.0 / 86_400)) < 1e-10)
    }
}
