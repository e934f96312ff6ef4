import Testing
@testable import Astro

@Suite struct DispersionMeasureTests {
    /// DM 1000 pc cm⁻³ from 1.4 GHz down to 0.2 GHz:
    /// 4.148808 ms × 1000 × (1/0.2² − 1/1.4²) = 4148.808 ms × 24.489795918367347 = 101.60346122448979 s.
    @Test func delayFrom1400To200MHz() {
        let dm = DispersionMeasure(parsecsPerCubicCentimetre: 1000)
        #expect(abs(dm.delaySeconds(lowGHz: 0.2, highGHz: 1.4) - 101.60346122448979) < 1e-9)
        #expect(abs(dm.delaySeconds(lowGHz: 1.4, highGHz: 0.2) + 101.60346122448979) < 1e-9)
    }

    /// FRB 20121102A, DM 557: arrival at 1.0 GHz after infinite frequency = 4.148808 ms × 557 = 2.310886056 s.
    @Test func delayRelativeToInfiniteFrequency() {
        let dm = DispersionMeasure(parsecsPerCubicCentimetre: 557)
        #expect(abs(dm.delaySeconds(lowGHz: 1, highGHz: .infinity) - 2.310886056) < 1e-12)
        #expect(DispersionMeasure(parsecsPerCubicCentimetre: 0).delaySeconds(lowGHz: 0.2, highGHz: 1.4) == 0)
    }
}
