/// An angle whose unit is fixed at construction, so degrees, radians and hours of right ascension
/// cannot be mixed up at call sites. Stored in degrees.
public struct Angle: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var degrees: Double

    public init(degrees: Double) {
        self.degrees = degrees
    }

    public static func degrees(_ value: Double) -> Angle { Angle(degrees: value) }
    public static func radians(_ value: Double) -> Angle { Angle(degrees: value * 180 / .pi) }
    /// Hours of right ascension or hour angle: 1 h = 15°.
    public static func hours(_ value: Double) -> Angle { Angle(degrees: value * 15) }
    public static func arcseconds(_ value: Double) -> Angle { Angle(degrees: value / 3600) }

    public var radians: Double { degrees * .pi / 180 }
    public var hours: Double { degrees / 15 }
    public var arcseconds: Double { degrees * 3600 }

    /// The same direction expressed in [0°, 360°), as right ascension and azimuth are.
    public var wrappedToPositive: Angle {
        let wrapped = degrees.truncatingRemainder(dividingBy: 360)
        if wrapped < 0 {
            let shifted = wrapped + 360
            return Angle(degrees: shifted == 360 ? 0 : shifted)
        }
        return Angle(degrees: wrapped)
    }

    /// The same direction expressed in [−180°, 180°), as hour angle usually is.
    public var wrappedToSigned: Angle {
        let positive = wrappedToPositive.degrees
        return Angle(degrees: positive >= 180 ? positive - 360 : positive)
    }

    public var description: String { "\(degrees)°" }

    public static func < (lhs: Angle, rhs: Angle) -> Bool { lhs.degrees < rhs.degrees }
    public static func + (lhs: Angle, rhs: Angle) -> Angle { Angle(degrees: lhs.degrees + rhs.degrees) }
    public static func - (lhs: Angle, rhs: Angle) -> Angle { Angle(degrees: lhs.degrees - rhs.degrees) }
    public static prefix func - (angle: Angle) -> Angle { Angle(degrees: -angle.degrees) }
}
