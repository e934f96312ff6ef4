import Testing
@testable import Astro

@Suite struct GalacticConversionTests {
    /// Galactic centre in FK5 J2000: astropy 8.0 `SkyCoord(l=0, b=0, frame="galactic").fk5`
    /// = (266.4049962340225, −28.936172403391783); the IAU figure is RA 266.40499, Dec −28.93617.
    @Test func galacticCentre() {
        let position = GalacticPosition(longitudeDegrees: 0, latitudeDegrees: 0).equatorial
        #expect(abs(position.rightAscension.degrees - 266.4049962340225) < 1e-9)
        #expect(abs(position.declination.degrees - -28.936172403391783) < 1e-9)
    }

    /// North galactic pole in FK5 J2000: RA 192.85948, Dec 27.12825 (astropy: 192.8594812065348,
    /// 27.12825118085624).
    @Test func northGalacticPole() {
        let pole = GalacticPosition(longitudeDegrees: 0, latitudeDegrees: 90).equatorial
        #expect(abs(pole.rightAscension.degrees - 192.8594812065348) < 1e-9)
        #expect(abs(pole.declination.degrees - 27.12825118085624) < 1e-9)
        let back = EquatorialPosition(rightAscensionDegrees: 192.8594812065348, declinationDegrees: 27.12825118085624)
        #expect(abs(back.galactic.latitude.degrees - 90) < 1e-9)
    }

    /// References: astropy 8.0 `SkyCoord(ra, dec, frame="fk5").galactic`.
    @Test(arguments: [
        (82.99458, 33.14792, 174.87953611149737, -0.22187935160452443),  // FRB 20121102A
        (83.63308, 22.01450, 184.55744798647706, -5.784362493197342),    // Crab
        (0.0, 0.0, 96.33726960808245, -60.188551730962004),
        (350.0, -80.0, 307.7308780672141, -36.260916610399406),
        (128.836, -45.1764, 263.5519103037631, -2.7872736279144648),     // Vela pulsar
    ])
    func equatorialToGalactic(ra: Double, dec: Double, l: Double, b: Double) {
        let galactic = EquatorialPosition(rightAscensionDegrees: ra, declinationDegrees: dec).galactic
        #expect(abs(galactic.longitude.degrees - l) < 1e-9)
        #expect(abs(galactic.latitude.degrees - b) < 1e-9)
        let original = EquatorialPosition(rightAscensionDegrees: ra, declinationDegrees: dec)
        #expect(galactic.equatorial.separation(to: original).degrees < 1e-11)
    }

    /// astropy 8.0: `SkyCoord(l=123.4, b=-56.7, frame="galactic").fk5` = (13.117964294161757, 6.170809125184901).
    @Test func galacticToEquatorial() {
        let position = GalacticPosition(longitudeDegrees: 123.4, latitudeDegrees: -56.7).equatorial
        #expect(abs(position.rightAscension.degrees - 13.117964294161757) < 1e-9)
        #expect(abs(position.declination.degrees - 6.170809125184901) < 1e-9)
    }
}

@Suite struct SeparationTests {
    /// References computed with mpmath at 50 digits from the exact Double inputs, as
    /// 2·asin(|v₁ − v₂| / 2) of the unit vectors. Tolerances are 1e-6 of the value for the
    /// tiny pairs (the cosine formula returns 0 there, haversine loses ~1e-8 relative).
    @Test(arguments: [
        (150.0, -30.0, 150.0, -30.0 + 1.0 / 3_600_000, 1.0000000060017555),               // 1 mas in Dec
        (150.0, -30.0, 150.0 + 1.0 / 3_600_000 / 0.8660254037844386, -30.0, 1.0000000346192303), // 1 mas in RA
        (10.0, 89.9999999, 190.0, 89.9999999, 0.71999995725491317),                        // across the pole
    ])
    func tinySeparationInMilliarcseconds(ra1: Double, dec1: Double, ra2: Double, dec2: Double, expected: Double) {
        let a = EquatorialPosition(rightAscensionDegrees: ra1, declinationDegrees: dec1)
        let b = EquatorialPosition(rightAscensionDegrees: ra2, declinationDegrees: dec2)
        let milliarcseconds = a.separation(to: b).arcseconds * 1000
        #expect(abs(milliarcseconds - expected) < expected * 1e-6)
    }

    /// Vega–Altair (Hipparcos positions) = 34.19518431050961° (mpmath; astropy gives 34.19518431050961),
    /// and a near-antipodal pair, where the cosine formula also loses precision.
    @Test(arguments: [
        (279.23473479, 38.78368896, 297.69582730, 8.86832120, 34.19518431050961),
        (0.0, 0.0, 179.9999999, 0.0, 179.9999999),
        (0.0, 0.0, 1.0, 0.0, 1.0),
        (45.0, 90.0, 200.0, -90.0, 180.0),
    ])
    func separationInDegrees(ra1: Double, dec1: Double, ra2: Double, dec2: Double, expected: Double) {
        let a = EquatorialPosition(rightAscensionDegrees: ra1, declinationDegrees: dec1)
        let b = EquatorialPosition(rightAscensionDegrees: ra2, declinationDegrees: dec2)
        #expect(abs(a.separation(to: b).degrees - expected) < 1e-12)
        #expect(abs(b.separation(to: a).degrees - expected) < 1e-12)
    }

    @Test(arguments: [
        (0.0, 1.0, 0.0), (1.0, 0.0, 90.0), (0.0, -1.0, 180.0), (-1.0, 0.0, 270.0),
    ])
    func cardinalPositionAngles(deltaRA: Double, deltaDec: Double, expected: Double) {
        let origin = EquatorialPosition(rightAscensionDegrees: 0.5, declinationDegrees: 0)
        let target = EquatorialPosition(rightAscensionDegrees: 0.5 + deltaRA, declinationDegrees: deltaDec)
        #expect(abs(origin.positionAngle(to: target).degrees - expected) < 1e-12)
    }

    /// astropy 8.0: `SkyCoord(10, 20).position_angle(SkyCoord(11, 21))` = 42.953110119336486°;
    /// Vega → Altair = 146.17188051158124°.
    @Test func positionAngleAgainstAstropy() {
        let a = EquatorialPosition(rightAscensionDegrees: 10, declinationDegrees: 20)
        let b = EquatorialPosition(rightAscensionDegrees: 11, declinationDegrees: 21)
        #expect(abs(a.positionAngle(to: b).degrees - 42.953110119336486) < 1e-10)
        let vega = EquatorialPosition(rightAscensionDegrees: 279.23473479, declinationDegrees: 38.78368896)
        let altair = EquatorialPosition(rightAscensionDegrees: 297.69582730, declinationDegrees: 8.86832120)
        #expect(abs(vega.positionAngle(to: altair).degrees - 146.17188051158124) < 1e-10)
    }
}

@Suite struct PrecessionTests {
    /// astropy 8.0 `SkyCoord(ra, dec, frame="fk5").transform_to(FK5(equinox=Time("2026-03-15T12:00:00")))`,
    /// printed to 1e-8° (0.04 mas). The older IAU 1976 angles would be off by 0.03–0.08″ here.
    @Test(arguments: [
        (69.3158, -47.2525, 69.50391425, -47.20120585),
        (128.8359, -45.1764, 129.05728361, -45.26808793),
        (326.1052, -40.9000, 326.51084245, -40.77863952),
        (266.41683, -29.00781, 266.83328644, -29.01639485),
    ])
    func precessesToMarch2026(ra: Double, dec: Double, expectedRA: Double, expectedDec: Double) {
        let ofDate = EquatorialPosition(rightAscensionDegrees: ra, declinationDegrees: dec)
            .precessed(toEquinoxOf: utc(2026, 3, 15, 12))
        let expected = EquatorialPosition(rightAscensionDegrees: expectedRA, declinationDegrees: expectedDec)
        #expect(ofDate.separation(to: expected).arcseconds < 0.002)
    }

    @Test func isIdentityAtJ2000() {
        let position = EquatorialPosition(rightAscensionDegrees: 123.456, declinationDegrees: -65.4321)
        #expect(position.precessed(toEquinoxOf: utc(2000, 1, 1, 12)).separation(to: position).arcseconds < 1e-9)
    }
}
