import Foundation

/// The three FRB_candidates_app upload routes' bodies, validated as its Django REST framework
/// serializers did (same field names, messages and defaults) so upload_cand.py works unchanged.
public enum FRBForms {
    /// `/observation_create/`.
    public static func observation(_ form: FormData) throws(FieldErrors) -> ObservationFields {
        var reader = FieldReader(form: form)
        guard let fields = ObservationFields.read(&reader) else { throw reader.errors }
        return fields
    }

    /// `/frbevent_create/`. Fields are checked first; only then, as in the original view, a missing
    /// file gives the bare-string refusal (`FieldErrors.missingFile`). Files must be images.
    public static func frbEvent(_ form: FormData) throws(FieldErrors) -> FRBEventFields {
        var reader = FieldReader(form: form)
        let observationId = reader.read("observation", FieldRules.primaryKey)
        // The model column is NOT NULL although the serializer made it optional; the original then failed with a 500.
        let timeOfArrival = reader.read("time_of_arrival", FieldRules.dateTime)
        let repeater = reader.read("repeater", required: false, FieldRules.boolean) ?? false
        guard let observationId, let timeOfArrival, reader.errors.isEmpty else { throw reader.errors }
        var images: [FRBImageKind: UploadedFile] = [:]
        for kind in FRBImageKind.allCases {
            guard let file = form.files[kind.compatFieldName] else { throw FieldErrors.missing(kind) }
            if ImageFormat.detect(file.bytes) == nil {
                reader.fail(kind.compatFieldName, FieldMessages.invalidImage)
            }
            images[kind] = file
        }
        guard reader.errors.isEmpty else { throw reader.errors }
        return FRBEventFields(observationId: observationId, timeOfArrival: timeOfArrival, repeater: repeater, images: images)
    }

    /// `/radio_measurement_create/`: the FRB id (`frb`) and the measurement.
    public static func measurement(_ form: FormData) throws(FieldErrors) -> (frbId: Int64, fields: MeasurementFields) {
        var reader = FieldReader(form: form)
        let frbId = reader.read("frb", FieldRules.primaryKey)
        let fields = MeasurementFields.read(&reader, for: .compat)
        guard let frbId, let fields else { throw reader.errors }
        return (frbId, fields)
    }
}
