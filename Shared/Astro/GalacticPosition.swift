/// Galactic longitude and latitude (l, b), for sky-region rules such as "skip |b| < 5°".
///
/// The conversion uses the IAU 1958 system as realised in FK5 J2000 by astropy: north galactic
/// pole at RA 192.8594812065348°, Dec 27.12825118085622°, and galactic longitude of the
/// north celestial pole 122.9319185680026°.
public struct GalacticPosition: Sendable, Hashable {
    /// l, kept in [0°, 360°).
    public var longitude: Angle
    /// b, in [−90°, 90°].
    public var latitude: Angle

    public init(longitude: Angle, latitude: Angle) {
        self.longitude = longitude.wrappedToPositive
        self.latitude = latitude
    }

    public init(longitudeDegrees: Double, latitudeDegrees: Double) {
        self.init(longitude: .degrees(longitudeDegrees), latitude: .degrees(latitudeDegrees))
    }

    public var equatorial: EquatorialPosition {
        let vector = SphericalGeometry.rotate(
            SphericalGeometry.unitVector(longitude: longitude, latitude: latitude),
            by: SphericalGeometry.transpose(Self.fromEquatorial)
        )
        let (rightAscension, declination) = SphericalGeometry.angles(of: vector)
        return EquatorialPosition(rightAscension: rightAscension, declination: declination)
    }

    /// Rz(180° − l_NCP) · Ry(90° − δ_NGP) · Rz(α_NGP), as astropy builds it.
    static let fromEquatorial: SphericalGeometry.Matrix = {
        let poleRightAscension = Angle.degrees(192.8594812065348)
        let poleDeclination = Angle.degrees(27.12825118085622)
        let celestialPoleLongitude = Angle.degrees(122.9319185680026)
        return SphericalGeometry.multiply(
            SphericalGeometry.rotation(about: .z, by: .degrees(180) - celestialPoleLongitude),
            SphericalGeometry.multiply(
                SphericalGeometry.rotation(about: .y, by: .degrees(90) - poleDeclination),
                SphericalGeometry.rotation(about: .z, by: poleRightAscension)
            )
        )
    }()
}
