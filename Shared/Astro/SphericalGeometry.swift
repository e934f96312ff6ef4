import Foundation

/// Unit vectors, passive rotations and the separation formulas shared by the coordinate types.
enum SphericalGeometry {
    typealias Vector = SIMD3<Double>

    /// A 3×3 matrix stored by rows.
    struct Matrix: Sendable {
        var x: Vector
        var y: Vector
        var z: Vector
    }

    enum Axis {
        case x, y, z
    }

    static func unitVector(longitude: Angle, latitude: Angle) -> Vector {
        let (lon, lat) = (longitude.radians, latitude.radians)
        return Vector(cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }

    /// Longitude in [0°, 360°) and latitude; atan2 keeps the latitude accurate near the poles.
    static func angles(of vector: Vector) -> (longitude: Angle, latitude: Angle) {
        let longitude = Angle.radians(atan2(vector.y, vector.x)).wrappedToPositive
        let latitude = Angle.radians(atan2(vector.z, (vector.x * vector.x + vector.y * vector.y).squareRoot()))
        return (longitude, latitude)
    }

    /// The matrix that re-expresses a vector in axes turned by `angle` about `axis`
    /// (astropy's `rotation_matrix` convention).
    static func rotation(about axis: Axis, by angle: Angle) -> Matrix {
        let (c, s) = (cos(angle.radians), sin(angle.radians))
        switch axis {
        case .x: return Matrix(x: Vector(1, 0, 0), y: Vector(0, c, s), z: Vector(0, -s, c))
        case .y: return Matrix(x: Vector(c, 0, -s), y: Vector(0, 1, 0), z: Vector(s, 0, c))
        case .z: return Matrix(x: Vector(c, s, 0), y: Vector(-s, c, 0), z: Vector(0, 0, 1))
        }
    }

    static func rotate(_ vector: Vector, by matrix: Matrix) -> Vector {
        Vector((matrix.x * vector).sum(), (matrix.y * vector).sum(), (matrix.z * vector).sum())
    }

    static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        let columns = transpose(b)
        func row(_ r: Vector) -> Vector {
            Vector((r * columns.x).sum(), (r * columns.y).sum(), (r * columns.z).sum())
        }
        return Matrix(x: row(a.x), y: row(a.y), z: row(a.z))
    }

    static func transpose(_ m: Matrix) -> Matrix {
        Matrix(
            x: Vector(m.x.x, m.y.x, m.z.x),
            y: Vector(m.x.y, m.y.y, m.z.y),
            z: Vector(m.x.z, m.y.z, m.z.z)
        )
    }

    /// Vincenty's formula for the sphere.
    static func separation(longitude1: Angle, latitude1: Angle, longitude2: Angle, latitude2: Angle) -> Angle {
        let deltaLongitude = longitude2.radians - longitude1.radians
        let (sinLat1, cosLat1) = (sin(latitude1.radians), cos(latitude1.radians))
        let (sinLat2, cosLat2) = (sin(latitude2.radians), cos(latitude2.radians))
        let (sinDelta, cosDelta) = (sin(deltaLongitude), cos(deltaLongitude))
        let east = cosLat2 * sinDelta
        let north = cosLat1 * sinLat2 - sinLat1 * cosLat2 * cosDelta
        let along = sinLat1 * sinLat2 + cosLat1 * cosLat2 * cosDelta
        return .radians(atan2((east * east + north * north).squareRoot(), along))
    }

    /// Position angle of point 2 seen from point 1, north through east, in [0°, 360°).
    static func positionAngle(longitude1: Angle, latitude1: Angle, longitude2: Angle, latitude2: Angle) -> Angle {
        let deltaLongitude = longitude2.radians - longitude1.radians
        let east = cos(latitude2.radians) * sin(deltaLongitude)
        let north = cos(latitude1.radians) * sin(latitude2.radians)
            - sin(latitude1.radians) * cos(latitude2.radians) * cos(deltaLongitude)
        return Angle.radians(atan2(east, north)).wrappedToPositive
    }
}
