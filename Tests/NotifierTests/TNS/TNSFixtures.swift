import Foundation
import Schema
@testable import Notifier

/// The FRB_candidates_app example burst (radio_example.yaml, observation_example.yaml) and helpers to
/// read the TNS sample files and the JSON the builder makes.
enum TNSFixtures {
    static let settings = TNSSettings(
        botId: 132, botName: "burstwire_bot", reportingGroupId: 132, discoveryDataSourceId: 133,
        reporter: "A. Person on behalf of CRAFT", instrumentValue: 239, filterValue: 129)

    static let observation = FRBObservation(
        observationId: 3, beamSemiMajorAxis: 0.2, beamSemiMinorAxis: 0.3, beamRotationAngle: 45,
        samplingTime: 0.1, bandwidth: 300, nchan: 3000, centreFrequency: 1400, npol: 2, bitsPerSample: 8,
        gain: 3, tsys: 50, backend: "Multibeam", beam: 1)

    static let measurement = RadioMeasurement(
        measurementId: 7, frbId: 3, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s",
        decDms: "26d03m38.504s", raPosError: 0.05, decPosError: 0.05, gl: 178.5, gb: -8.3, source: .multibeam,
        version: "v1.0", dm: 411, dmErr: 1, sn: 50, width: 5, z: 0.0982, rm: -613, rmErr: 2, fluence: 45,
        fluenceErr: 5, flux: 35, fluxErr: 3, dmism: 35.5, cosmo: "Planck18",
        errorEllipse: ErrorEllipse(a: 0.05, b: 0.03, cl: 68, theta: 30), receivedAt: date("2017-11-17T12:30:00Z"))

    /// Only what a measurement must have: position, errors and provenance.
    static let sparseMeasurement = RadioMeasurement(
        measurementId: 8, frbId: 3, ra: 77.01461542, dec: 26.06069556, raHms: "5h08m03.5077s",
        decDms: "26d03m38.504s", raPosError: 0.05, decPosError: 0.05, gl: 178.5, gb: -8.3, source: .multibeam,
        version: "v1.0", receivedAt: date("2017-11-17T12:30:00Z"))

    static func stored(_ measurement: RadioMeasurement = measurement) -> FRBMeasurementStored {
        FRBMeasurementStored(
            measurement: measurement,
            frb: FRBRecord(frbId: 3, observationId: 3, timeOfArrival: date("2017-11-17T12:21:38.870Z"), repeater: false),
            observation: observation, isFirstMeasurement: true, imageUrls: FRBImageURLs())
    }

    static func date(_ text: String) -> Date {
        guard let date = EventTimestamp.date(from: text) else { fatalError("bad fixture timestamp \(text)") }
        return date
    }

    /// `Tests/Fixtures/data/tns/<name>`, found from this file's place in `Tests/NotifierTests/TNS`.
    static func dataFile(_ name: String) throws -> [UInt8] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = tests.appendingPathComponent("Fixtures/data/tns/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw TNSError(reason: "not a JSON object")
        }
        return object
    }

    /// `frb_report."0"` of a built `data` field.
    static func report(_ data: String) throws -> [String: Any] {
        let root = try object(Array(data.utf8))
        guard let reports = root["frb_report"] as? [String: Any], let report = reports["0"] as? [String: Any] else {
            throw TNSError(reason: "no frb_report.0")
        }
        return report
    }

    static func photometry(_ report: [String: Any]) -> [String: Any] {
        let groups = (report["photometry"] as? [String: Any])?["photometry_group"] as? [String: Any]
        return groups?["0"] as? [String: Any] ?? [:]
    }

    /// Every dotted key path of a JSON object, objects descended into.
    static func keyPaths(_ object: [String: Any], prefix: String = "") -> Set<String> {
        object.reduce(into: Set<String>()) { paths, entry in
            let path = prefix + entry.key
            paths.insert(path)
            if let child = entry.value as? [String: Any] {
                paths.formUnion(keyPaths(child, prefix: path + "."))
            }
        }
    }
}
