/// Where a source stands in a site's sky, for deciding whether a telescope can point at it.
public struct HorizontalPosition: Sendable, Hashable {
    /// Elevation above the horizon, −90°…90°, without atmospheric refraction.
    public var altitude: Angle
    /// Measured from north through east, in [0°, 360°).
    public var azimuth: Angle

    public init(altitude: Angle, azimuth: Angle) {
        self.altitude = altitude
        self.azimuth = azimuth.wrappedToPositive
    }

    /// 90° − altitude.
    public var zenithAngle: Angle { .degrees(90) - altitude }
}
