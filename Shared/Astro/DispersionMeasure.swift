/// The column density of free electrons along the line of sight, in pc cm⁻³, which delays a
/// radio burst more at low frequencies. Used to predict when an FRB detected at one frequency
/// arrives at another (e.g. a 1.4 GHz trigger reaching MWA at ~0.2 GHz).
public struct DispersionMeasure: Sendable, Hashable, Comparable {
    /// The dispersion constant, 4.148808 ms GHz² (pc cm⁻³)⁻¹, i.e. 4.148808 × 10³ MHz² pc⁻¹ cm³ s
    /// (Lorimer & Kramer 2004, Handbook of Pulsar Astronomy, §4.1).
    public static let delayConstantSeconds = 4.148808e-3

    public var parsecsPerCubicCentimetre: Double

    public init(parsecsPerCubicCentimetre: Double) {
        self.parsecsPerCubicCentimetre = parsecsPerCubicCentimetre
    }

    /// Seconds by which the signal at `lowGHz` arrives after the signal at `highGHz`:
    /// 4.148808 ms · DM · (f_lo⁻² − f_hi⁻²). Negative if the frequencies are given the other way.
    public func delaySeconds(lowGHz: Double, highGHz: Double) -> Double {
        Self.delayConstantSeconds * parsecsPerCubicCentimetre * (1 / (lowGHz * lowGHz) - 1 / (highGHz * highGHz))
    }

    public static func < (lhs: DispersionMeasure, rhs: DispersionMeasure) -> Bool {
        lhs.parsecsPerCubicCentimetre < rhs.parsecsPerCubicCentimetre
    }
}
