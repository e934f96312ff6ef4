import Foundation

extension EquatorialPosition {
    /// This J2000 position referred to the mean equator and equinox of `date`, by the IAU 2006
    /// (Capitaine et al. 2003, P03) precession angles, as astropy's FK5 uses. Nutation (≤ 17″)
    /// and aberration (≤ 20.5″) are not applied.
    public func precessed(toEquinoxOf date: Date) -> EquatorialPosition {
        let vector = SphericalGeometry.rotate(
            SphericalGeometry.unitVector(longitude: rightAscension, latitude: declination),
            by: Self.precessionMatrix(at: date)
        )
        let (rightAscension, declination) = SphericalGeometry.angles(of: vector)
        return EquatorialPosition(rightAscension: rightAscension, declination: declination)
    }

    /// Rz(−z_A) · Ry(θ_A) · Rz(−ζ_A) (IERS Conventions 2010, eq. 5.40), with time in Julian
    /// centuries from J2000; UTC stands in for TT (69 s moves the equinox by < 0.001″).
    static func precessionMatrix(at date: Date) -> SphericalGeometry.Matrix {
        let t = (date.timeIntervalSince1970 - SiderealTime.j2000UnixTime) / (86_400 * 36_525)
        func polynomial(_ coefficients: Double...) -> Angle {
            .arcseconds(coefficients.reversed().reduce(0) { $0 * t + $1 })
        }
        let zeta = polynomial(2.650545, 2306.083227, 0.2988499, 0.01801828, -0.000005971, -0.0000003173)
        let z = polynomial(-2.650545, 2306.077181, 1.0927348, 0.01826837, -0.000028596, -0.0000002904)
        let theta = polynomial(0, 2004.191903, -0.4294934, -0.04182264, -0.000007089, -0.0000001274)
        return SphericalGeometry.multiply(
            SphericalGeometry.rotation(about: .z, by: -z),
            SphericalGeometry.multiply(
                SphericalGeometry.rotation(about: .y, by: theta),
                SphericalGeometry.rotation(about: .z, by: -zeta)
            )
        )
    }
}
