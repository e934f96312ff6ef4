import Foundation
import Schema
import Testing
import TestSupport
import VOEvent
@testable import Notifier

/// FRB 171117 as FRB_candidates_app's example upload describes it, as FRB 42 of our catalogue.
enum FRBFixture {
    static let timeOfArrival = EventTimestamp.date(from: "2017-11-17T12:21:38.870Z")!
    static let createdAt = EventTimestamp.date(from: "2017-11-17T12:30:00.250Z")!

    static func stored(measurementId: Int64 = 7, errorEllipse: ErrorEllipse? = ErrorEllipse(a: 0.05, b: 0.02, cl: 68, theta: 30)) -> FRBMeasurementStored {
        let measurement = RadioMeasurement(
            measurementId: measurementId, frbId: 42, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s",
            decDms: "26d03m38.504s", raPosError: 0.01, decPosError: 0.03, gl: 178.6, gb: -8.9, source: .multibeam,
            version: "v1.0", dm: 411, dmErr: 1, sn: 50, width: 5, z: 0.0982, rm: -613, rmErr: 2, fluence: 45,
            fluenceErr: 5, flux: 35, fluxErr: 3, dmism: 120, cosmo: "Planck18", errorEllipse: errorEllipse,
            receivedAt: createdAt)
        let observation = FRBObservation(
            observationId: 3, beamSemiMajorAxis: 0.3, beamSemiMinorAxis: 0.2, beamRotationAngle: 45, samplingTime: 0.1,
            bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8, gain: 3, tsys: 50,
            backend: "CRACO", beam: 1)
        let frb = FRBRecord(frbId: 42, observationId: 3, timeOfArrival: timeOfArrival, repeater: false)
        return FRBMeasurementStored(
            measurement: measurement, frb: frb, observation: observation, isFirstMeasurement: measurementId == 7,
            imageUrls: FRBImageURLs())
    }
}

@Suite struct FRBVOEventBuilderTests {
    let builder = FRBVOEventBuilder(settings: VOEventSettings())
    let detectionIvorn = "ivo://burstwire.local/FRB#FRB42"

    func build(_ kind: FRBVOEventKind, _ stored: FRBMeasurementStored = FRBFixture.stored(), tnsName: String? = "FRB 20171117A") -> String {
        builder.xml(kind: kind, stored: stored, tnsName: tnsName, createdAt: FRBFixture.createdAt)
    }

    func param(_ summary: VOEventSummary, _ name: String) -> VOEventParam? {
        summary.params.first { $0.name == name }
    }

    @Test(arguments: [
        FRBVOEventKind.detection,
        .update(citing: "ivo://burstwire.local/FRB#FRB42"),
        .retraction(citing: "ivo://burstwire.local/FRB#FRB42", reason: "Classified as RFI by 3 reviewers"),
    ])
    func everyKindIsValidAgainstTheVOEventSchema(kind: FRBVOEventKind) async throws {
        let violations = try await schemaViolations(build(kind))
        #expect(violations == nil)
    }

    @Test func theSchemaCheckRejectsANamespacedChild() async throws {
        let invalid = build(.detection).replacingOccurrences(of: "<Who>", with: "<voe:Who>").replacingOccurrences(of: "</Who>", with: "</voe:Who>")
        let violations = try await schemaViolations(invalid)
        #expect(violations?.contains("Who") == true)
    }

    @Test func detectionCarriesTheIdentityTimeAndPosition() throws {
        let xml = build(.detection)
        #expect(xml.contains(#"<voe:VOEvent xmlns:voe="http://www.ivoa.net/xml/VOEvent/v2.0""#))
        #expect(xml.contains(#"ivorn="ivo://burstwire.local/FRB#FRB42" role="test" version="2.0">"#))
        #expect(xml.contains("<ISOTime>2017-11-17T12:21:38.870000</ISOTime>"))
        #expect(xml.contains("<Date>2017-11-17T12:30:00.250Z</Date>"))
        #expect(xml.contains("<C1>77.01461542</C1><C2>26.06069556</C2>"))
        #expect(xml.contains("<Error2Radius>0.05</Error2Radius>"))
        #expect(xml.contains(#"<ObservatoryLocation id="GEOSURFACE"/>"#))
        #expect(xml.contains("<Name>FRB 20171117A</Name>"))
        #expect(!xml.contains("<Citations>"))
    }

    @Test func detectionReadsBackThroughTheSummaryParser() throws {
        let (role, summary) = try VOEventSummaryParser.document(of: Array(build(.detection).utf8))
        #expect(role == "test")
        #expect(summary.stream == "burstwire.local/FRB")
        #expect(summary.localId == "FRB42")
        #expect(summary.authorIvorn == "ivo://burstwire.local/contact")
        #expect(summary.date == FRBFixture.createdAt)
        let position = try #require(summary.position)
        #expect(position.ra == 77.01461542 && position.dec == 26.06069556 && position.errorRadius == 0.05)
        #expect(position.coordSystem == "UTC-FK5-GEO")
        // The parser adds the fraction to whole seconds, so the read-back time may differ in the last bits.
        #expect(abs(try #require(position.time).timeIntervalSince(FRBFixture.timeOfArrival)) < 1e-6)
        #expect(param(summary, "dm") == VOEventParam(name: "dm", value: "411.0", unit: "pc/cm^3", ucd: "phys.dispMeasure", group: "event parameters"))
        #expect(param(summary, "nchan")?.value == "3000")
        #expect(param(summary, "centre_frequency") == VOEventParam(
            name: "centre_frequency", value: "1400.0", unit: "MHz", ucd: "em.freq;instr", group: "observatory parameters"))
        #expect(param(summary, "backend")?.value == "CRACO")
        #expect(param(summary, "fluence") == VOEventParam(
            name: "fluence", value: "45.0", unit: "Jy ms", ucd: "phot.fluence", group: "advanced parameters"))
        #expect(param(summary, "fluence_error_upper")?.value == "5.0")
        #expect(param(summary, "rm") == VOEventParam(
            name: "rm", value: "-613.0", unit: "rad/m^2", ucd: "phys.polarization.rotMeasure", group: "advanced parameters"))
        #expect(param(summary, "redshift_inferred")?.value == "0.0982")
        #expect(param(summary, "MW_dm_limit")?.value == "120.0")
        #expect(param(summary, "tns_name")?.value == "FRB 20171117A")
        #expect(param(summary, "repeater")?.value == "false")
        #expect(param(summary, "frb_id")?.value == "42")
        #expect(param(summary, "measurement_id")?.value == "7")
    }

    @Test func updateHasItsOwnIvornAndSupersedesTheDetection() throws {
        let xml = build(.update(citing: detectionIvorn), FRBFixture.stored(measurementId: 8))
        #expect(builder.ivorn(for: .update(citing: detectionIvorn), frbId: 42, measurementId: 8) == "ivo://burstwire.local/FRB#FRB42/update/8")
        #expect(xml.contains(#"ivorn="ivo://burstwire.local/FRB#FRB42/update/8""#))
        #expect(xml.contains(#"<EventIVORN cite="supersedes">ivo://burstwire.local/FRB#FRB42</EventIVORN>"#))
        #expect(xml.contains("<Description>Parameters and position from measurement 8</Description>"))
        let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
        #expect(summary.citations == [VOEventCitation(ivorn: detectionIvorn, cite: .supersedes)])
        #expect(param(summary, "measurement_id")?.value == "8")
    }

    @Test func retractionCitesTheDetectionWithTheReasonAndDropsWhat() throws {
        let xml = build(.retraction(citing: detectionIvorn, reason: "Classified as RFI by 3 reviewers"))
        #expect(xml.contains(#"ivorn="ivo://burstwire.local/FRB#FRB42/retraction""#))
        #expect(xml.contains(#"<EventIVORN cite="retraction">ivo://burstwire.local/FRB#FRB42</EventIVORN>"#))
        #expect(xml.contains("<Description>Classified as RFI by 3 reviewers</Description>"))
        let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
        #expect(summary.citations == [VOEventCitation(ivorn: detectionIvorn, cite: .retraction)])
        #expect(summary.params.isEmpty)
        #expect(summary.position?.ra == 77.01461542)
    }

    @Test func sameInputsGiveTheSameBytes() {
        #expect(build(.detection) == build(.detection))
        let later = builder.xml(kind: .detection, stored: FRBFixture.stored(), tnsName: nil, createdAt: FRBFixture.createdAt + 1)
        #expect(later != build(.detection, tnsName: nil))
    }

    @Test func markupInSettingsAndReasonsIsEscaped() async throws {
        let settings = VOEventSettings(authorShortName: #"R&D <"bursts"> 'team'"#, contactName: #"A <&"> B"#, contactPhone: "+61 <2>")
        let xml = FRBVOEventBuilder(settings: settings).xml(
            kind: .retraction(citing: detectionIvorn, reason: "RFI & <satellite> \"glint\""), stored: FRBFixture.stored(),
            tnsName: "FRB <&>", createdAt: FRBFixture.createdAt)
        let violations = try await schemaViolations(xml)
        #expect(violations == nil)
        #expect(xml.contains("<contactName>A &lt;&amp;&quot;&gt; B</contactName>"))
        #expect(xml.contains("<Description>RFI &amp; &lt;satellite&gt; &quot;glint&quot;</Description>"))
        let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
        #expect(summary.authorShortName == #"R&D <"bursts"> 'team'"#)
    }

    @Test func absentAndNonFiniteValuesAreLeftOut() async throws {
        var stored = FRBFixture.stored(errorEllipse: nil)
        stored.measurement.fluence = nil
        stored.measurement.fluenceErr = nil
        stored.measurement.rm = nil
        stored.measurement.flux = .nan
        stored.measurement.width = .infinity
        stored.observation.beam = nil
        let xml = build(.detection, stored, tnsName: nil)
        let violations = try await schemaViolations(xml)
        #expect(violations == nil)
        #expect(!xml.contains(#"value="nan""#) && !xml.contains(#"value="inf""#))
        let summary = try VOEventSummaryParser.summary(of: Array(xml.utf8))
        let names = Set(summary.params.map(\.name))
        #expect(names.isDisjoint(with: ["fluence", "fluence_error_upper", "rm", "flux", "width", "beam", "tns_name"]))
        #expect(names.isSuperset(of: ["dm", "rm_error", "snr", "backend"]))
        // Without an error ellipse, the larger of the RA and Dec errors.
        #expect(summary.position?.errorRadius == 0.03)
        #expect(xml.contains("<Name>FRB 42</Name>"))
    }

    @Test func settingsDecodeFromSnakeCaseWithDefaultsForMissingKeys() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let yamlLike = #"{"authority": "askap.example.org", "role": "observation", "author_ivorn": "ivo://askap.example.org/contact", "how_reference": "https://example.org/craft?a=1&b=2", "brokers": "127.0.0.1:8098"}"#
        let settings = try decoder.decode(VOEventSettings.self, from: Data(yamlLike.utf8))
        #expect(settings == VOEventSettings(
            authority: "askap.example.org", role: .observation, authorIvorn: "ivo://askap.example.org/contact",
            howReference: "https://example.org/craft?a=1&b=2"))
        let xml = FRBVOEventBuilder(settings: settings).xml(kind: .detection, stored: FRBFixture.stored(), tnsName: nil, createdAt: FRBFixture.createdAt)
        #expect(xml.contains(#"ivorn="ivo://askap.example.org/FRB#FRB42" role="observation""#))
        #expect(xml.contains(#"<Reference uri="https://example.org/craft?a=1&amp;b=2"/>"#))
        #expect(throws: DecodingError.self) { try decoder.decode(VOEventSettings.self, from: Data(#"{"role": "tset"}"#.utf8)) }
    }

    @Test func isoTimeKeepsMicrosecondsEitherSideOfTheEpoch() {
        #expect(VOEventXML.isoTime(EventTimestamp.date(from: "2017-11-17T12:21:38.000001Z")!) == "2017-11-17T12:21:38.000001")
        #expect(VOEventXML.isoTime(EventTimestamp.date(from: "1969-12-31T23:59:59.5Z")!) == "1969-12-31T23:59:59.500000")
    }
}
