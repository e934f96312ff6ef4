import Foundation

/// A telescope on the ground, needed to turn sky positions into hour angle and altitude/azimuth.
///
/// Positions are J2000; they are precessed to the date (IAU 2006), then combined with mean
/// sidereal time. Nutation, annual aberration, UT1 − UTC, polar motion and refraction are ignored;
/// against a full astropy `AltAz` transform (pressure 0) altitude and azimuth agree to ≤ 0.006°
/// for 2024–2026 (budget ≤ 0.015°). Near the horizon, refraction adds up to ~0.6°.
public struct Site: Sendable, Hashable {
    public var name: String
    /// Geodetic latitude.
    public var latitude: Angle
    /// Longitude, east positive.
    public var longitude: Angle
    /// Metres above the WGS84 ellipsoid; parallax of celestial sources is negligible, so it does
    /// not enter the calculations here.
    public var height: Double

    public init(name: String, latitude: Angle, longitude: Angle, height: Double) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.height = height
    }

    /// The Murchison Widefield Array, Western Australia.
    public static let mwa = Site(
        name: "MWA", latitude: .degrees(-26.703319), longitude: .degrees(116.67081), height: 377.827
    )

    public func localSiderealTime(at date: Date) -> Angle {
        SiderealTime.localMean(at: date, longitude: longitude)
    }

    /// Local sidereal time minus the right ascension of date, in [−180°, 180°); positive west of
    /// the meridian.
    public func hourAngle(of position: EquatorialPosition, at date: Date) -> Angle {
        let ofDate = position.precessed(toEquinoxOf: date)
        return (localSiderealTime(at: date) - ofDate.rightAscension).wrappedToSigned
    }

    public func horizontalPosition(of position: EquatorialPosition, at date: Date) -> HorizontalPosition {
        let hourAngle = hourAngle(of: position, at: date).radians
        let declination = position.precessed(toEquinoxOf: date).declination.radians
        let (sinLatitude, cosLatitude) = (sin(latitude.radians), cos(latitude.radians))
        // Local vector: x towards north on the horizon, y towards east, z to the zenith.
        let north = sin(declination) * cosLatitude - cos(declination) * sinLatitude * cos(hourAngle)
        let east = -cos(declination) * sin(hourAngle)
        let up = sin(declination) * sinLatitude + cos(declination) * cosLatitude * cos(hourAngle)
        return HorizontalPosition(
            altitude: .radians(atan2(up, (north * north + east * east).squareRoot())),
            azimuth: .radians(atan2(east, north))
        )
    }
}
