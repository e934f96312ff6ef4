/// A J2000 sky position (ICRS or FK5 J2000; they differ by at most ~0.03″, far below FRB
/// localisation errors, so this type does not distinguish them). Right ascension is kept in [0°, 360°).
public struct EquatorialPosition: Sendable, Hashable {
    public var rightAscension: Angle
    public var declination: Angle

    public init(rightAscension: Angle, declination: Angle) {
        self.rightAscension = rightAscension.wrappedToPositive
        self.declination = declination
    }

    public init(rightAscensionDegrees: Double, declinationDegrees: Double) {
        self.init(rightAscension: .degrees(rightAscensionDegrees), declination: .degrees(declinationDegrees))
    }

    /// Parses "hh:mm:ss.s" and "±dd:mm:ss.s"; see `Sexagesimal` for the accepted forms.
    public init(rightAscension: String, declination: String) throws(SexagesimalParseError) {
        self.init(
            rightAscension: try Sexagesimal.parseRightAscension(rightAscension),
            declination: try Sexagesimal.parseDeclination(declination)
        )
    }

    /// Great-circle distance by the Vincenty formula, accurate from microarcseconds to 180°
    /// (the haversine and cosine forms lose precision near 0° and 180° respectively).
    public func separation(to other: EquatorialPosition) -> Angle {
        SphericalGeometry.separation(
            longitude1: rightAscension, latitude1: declination,
            longitude2: other.rightAscension, latitude2: other.declination
        )
    }

    /// Direction of `other` as seen from here, measured from north through east, in [0°, 360°).
    public func positionAngle(to other: EquatorialPosition) -> Angle {
        SphericalGeometry.positionAngle(
            longitude1: rightAscension, latitude1: declination,
            longitude2: other.rightAscension, latitude2: other.declination
        )
    }

    /// Galactic coordinates by the FK5 J2000 → Galactic rotation (see `GalacticPosition`).
    public var galactic: GalacticPosition {
        let vector = SphericalGeometry.rotate(
            SphericalGeometry.unitVector(longitude: rightAscension, latitude: declination),
            by: GalacticPosition.fromEquatorial
        )
        let (longitude, latitude) = SphericalGeometry.angles(of: vector)
        return GalacticPosition(longitude: longitude, latitude: latitude)
    }
}
