import Foundation

/// The pipeline's radio YAML read for a first detection: the measurement, plus the keys that
/// belong to the FRB event (time of arrival, repeater) and the plots' file names.
struct RadioDocument {
    var timeOfArrival: Date
    var repeater: Bool
    var measurement: MeasurementFields
    /// `search_path` and friends reduced to file names; they name uploaded plots that came without one.
    var imagePaths: [FRBImageKind: String]

    static func read(_ reader: inout FieldReader) -> RadioDocument? {
        let timeOfArrival = reader.read("time_of_arrival", FieldRules.dateTime)
        let repeater = reader.read("repeater", required: false, FieldRules.boolean) ?? false
        var imagePaths: [FRBImageKind: String] = [:]
        for kind in FRBImageKind.allCases {
            imagePaths[kind] = reader.read(kind.pathKey, required: false, FieldRules.text(limit: 1024))
                .flatMap { $0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) }
        }
        let measurement = MeasurementFields.read(&reader, for: .native)
        guard let timeOfArrival, let measurement else { return nil }
        return RadioDocument(timeOfArrival: timeOfArrival, repeater: repeater, measurement: measurement, imagePaths: imagePaths)
    }
}
