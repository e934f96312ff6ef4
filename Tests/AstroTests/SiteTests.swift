import Foundation
import Testing
@testable import Astro

@Suite struct SiderealTimeTests {
    /// GMST at 2000-01-01T12:00 UT1 = 18.697374558 h (Astronomical Almanac / USNO; IAU 1982).
    @Test func gmstAtJ2000() {
        #expect(abs(SiderealTime.greenwichMean(at: utc(2000, 1, 1, 12)).hours - 18.697374558) < 1e-9)
    }

    /// Meeus, Astronomical Algorithms (2nd ed.), example 12.a: 1987-04-10 0h UT → 13h10m46.3668s;
    /// example 12.b: 1987-04-10 19:21:00 UT → 8h34m57.0896s. Tolerance 0.0002 s of time.
    static let meeusExamples: [(Date, Double)] = [
        (utc(1987, 4, 10), 13 + 10.0 / 60 + 46.3668 / 3600),
        (utc(1987, 4, 10, 19, 21), 8 + 34.0 / 60 + 57.0896 / 3600),
    ]

    @Test(arguments: meeusExamples)
    func gmstAgainstMeeus(date: Date, hours: Double) {
        let difference = SiderealTime.greenwichMean(at: date).hours - hours
        #expect(abs(difference * 3600) < 2e-4)
    }

    /// astropy 8.0 `Time("2026-03-15T12:00:00").sidereal_time("mean", longitude=116.67081, model="IAU1982")`
    /// = 109.77700913016731°, with IERS UT1; the difference is UT1 − UTC (< 0.9 s → < 0.004°).
    @Test func mwaLocalSiderealTime() {
        let lst = Site.mwa.localSiderealTime(at: utc(2026, 3, 15, 12))
        #expect(abs(lst.degrees - 109.77700913016731) < 0.004)
    }
}

@Suite struct SiteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let date: Date
        let rightAscension: Double
        let declination: Double
        let hourAngle: Double
        let altitude: Double
        let azimuth: Double
        var testDescription: String { "\(name) at \(date)" }
    }

    /// References: astropy 8.0 with IERS-B/A tables, MWA as `EarthLocation.from_geodetic(116.67081,
    /// −26.703319, 377.827 m)`, FK5 J2000 positions transformed to `AltAz(obstime, location)`
    /// (pressure 0, so no refraction); hour angle = mean LST (IAU 1982) − RA in FK5 of date.
    static let cases = [
        Case(name: "PSR J0437−4715", date: utc(2026, 3, 15, 12), rightAscension: 69.3158, declination: -47.2525,
             hourAngle: 40.273095, altitude: 52.447851, azimuth: 226.104148),
        Case(name: "Vela pulsar", date: utc(2026, 3, 15, 12), rightAscension: 128.8359, declination: -45.1764,
             hourAngle: -19.280274, altitude: 65.878017, azimuth: 145.341389),
        Case(name: "FRB 20180924B", date: utc(2026, 3, 15, 12), rightAscension: 326.1052, declination: -40.9000,
             hourAngle: 143.266167, altitude: -14.397959, azimuth: 207.874605),
        Case(name: "Galactic centre", date: utc(2026, 3, 15, 12), rightAscension: 266.41683, declination: -29.00781,
             hourAngle: -157.056277, altitude: -30.093276, azimuth: 156.796540),
        Case(name: "PSR J0437−4715", date: utc(2024, 7, 1, 18, 30), rightAscension: 69.3158, declination: -47.2525,
             hourAngle: -115.020671, altitude: 4.189703, azimuth: 141.876582),
        Case(name: "Vela pulsar", date: utc(2024, 7, 1, 18, 30), rightAscension: 128.8359, declination: -45.1764,
             hourAngle: -174.571881, altitude: -17.864452, azimuth: 175.982453),
        Case(name: "FRB 20180924B", date: utc(2024, 7, 1, 18, 30), rightAscension: 326.1052, declination: -40.9000,
             hourAngle: -12.013502, altitude: 72.769184, azimuth: 147.837919),
        Case(name: "Galactic centre", date: utc(2024, 7, 1, 18, 30), rightAscension: 266.41683, declination: -29.00781,
             hourAngle: 47.664790, altitude: 48.086822, azimuth: 255.373960),
    ]

    /// Tolerances: hour angle 0.005° (UT1 − UTC); altitude and azimuth·cos(alt) 0.015° (adds
    /// nutation ≤ 17″ and annual aberration ≤ 20.5″, which this library does not apply).
    @Test(arguments: cases)
    func mwaHourAngleAndHorizontalPosition(_ c: Case) {
        let position = EquatorialPosition(rightAscensionDegrees: c.rightAscension, declinationDegrees: c.declination)
        let hourAngle = Site.mwa.hourAngle(of: position, at: c.date)
        #expect(abs(hourAngle.degrees - c.hourAngle) < 0.005)
        let horizontal = Site.mwa.horizontalPosition(of: position, at: c.date)
        #expect(abs(horizontal.altitude.degrees - c.altitude) < 0.015)
        let azimuthError = (horizontal.azimuth - .degrees(c.azimuth)).wrappedToSigned.degrees
        #expect(abs(azimuthError * cos(horizontal.altitude.radians)) < 0.015)
    }

    /// On the meridian a source culminates at altitude 90° − |latitude − declination of date|, due
    /// south here. The J2000 RA that precesses onto the local sidereal time is found by one
    /// fixed-point step, which leaves the hour angle within ~0.002° of zero.
    @Test func meridianTransit() {
        let date = utc(2026, 3, 15, 12)
        let localSiderealTime = Site.mwa.localSiderealTime(at: date)
        let guess = EquatorialPosition(rightAscension: localSiderealTime, declination: .degrees(-60))
        let shift = guess.precessed(toEquinoxOf: date).rightAscension - guess.rightAscension
        let source = EquatorialPosition(rightAscension: localSiderealTime - shift, declination: .degrees(-60))
        let declinationOfDate = source.precessed(toEquinoxOf: date).declination.degrees
        let culmination = 90 - abs(Site.mwa.latitude.degrees - declinationOfDate)

        let horizontal = Site.mwa.horizontalPosition(of: source, at: date)
        #expect(abs(Site.mwa.hourAngle(of: source, at: date).degrees) < 0.005)
        #expect(abs(horizontal.altitude.degrees - culmination) < 1e-4)
        #expect(abs(horizontal.zenithAngle.degrees - (90 - culmination)) < 1e-4)
        #expect(abs(horizontal.azimuth.degrees - 180) < 0.01)
    }

    @Test func mwaSite() {
        #expect(Site.mwa.latitude.degrees == -26.703319)
        #expect(Site.mwa.longitude.degrees == 116.67081)
        #expect(Site.mwa.height == 377.827)
    }
}
