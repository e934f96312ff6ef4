import Foundation

/// The native FRB API's bodies: the pipeline's own observation and radio YAML documents (or the same
/// in JSON), read with their own key names and the keys upload_cand.py dropped (dmism, cosmo,
/// eellipse, z). Error keys are dotted paths into the document: `radio.dm`, `observation.nchan`.
public enum NativeDocuments {
    /// The document media types; multipart bodies go through `FormDecoder` and `detection(form:)`.
    public static let mediaTypes = ["application/json", "application/yaml", "application/x-yaml", "text/yaml"]

    /// Whether `contentType` names one of `mediaTypes`; routes answer 415 otherwise.
    public static func isDocument(contentType: String?) -> Bool {
        DocumentSyntax(contentType: contentType) != nil
    }

    /// `{"observation": {...}, "radio": {...}, "images": {"search": {"filename", "data_base64"}, ...}}`,
    /// images optional.
    public static func detection(body: [UInt8], contentType: String) throws(FieldErrors) -> DetectionDocument {
        let document = try fields(of: body, contentType: contentType)
        var reader = FieldReader(document)
        let observation = reader.nested("observation") { ObservationFields.read(&$0) }
        let radio = reader.nested("radio") { RadioDocument.read(&$0) }
        let images = reader.nested("images", required: false) { encodedImages(&$0, paths: radio?.imagePaths ?? [:]) } ?? [:]
        guard let observation, let radio, reader.errors.isEmpty else { throw reader.errors }
        return DetectionDocument(observation: observation, timeOfArrival: radio.timeOfArrival, repeater: radio.repeater,
                                 measurement: radio.measurement, images: images)
    }

    /// Multipart: text parts (or uploaded files) `observation` and `radio` hold the YAML or JSON
    /// documents, file parts `search`, `image` and `histogram` the plots. Error keys start with the part name.
    public static func detection(form: FormData) throws(FieldErrors) -> DetectionDocument {
        var errors = FieldErrors()
        let observation = part("observation", of: form, errors: &errors) { ObservationFields.read(&$0) }
        let radio = part("radio", of: form, errors: &errors) { RadioDocument.read(&$0) }
        var images: [FRBImageKind: UploadedFile] = [:]
        for kind in FRBImageKind.allCases {
            guard let file = form.files[kind.rawValue] else { continue }
            if ImageFormat.detect(file.bytes) == nil {
                errors.add(FieldMessages.invalidImage, to: kind.rawValue)
            }
            images[kind] = file
        }
        guard let observation, let radio, errors.isEmpty else { throw errors }
        return DetectionDocument(observation: observation, timeOfArrival: radio.timeOfArrival, repeater: radio.repeater,
                                 measurement: radio.measurement, images: images)
    }

    /// A later measurement of an existing FRB: the radio document alone, keys as in radio_example.yaml
    /// (error keys are those keys, undotted). Its event keys (time_of_arrival, repeater, *_path) are ignored.
    public static func measurement(body: [UInt8], contentType: String) throws(FieldErrors) -> MeasurementFields {
        var reader = FieldReader(try fields(of: body, contentType: contentType))
        guard let measurement = MeasurementFields.read(&reader, for: .native) else { throw reader.errors }
        return measurement
    }

    private static func fields(of body: [UInt8], contentType: String) throws(FieldErrors) -> [String: SubmittedValue] {
        guard let syntax = DocumentSyntax(contentType: contentType) else {
            throw FieldErrors([nonFieldKey: ["Unsupported media type \"\(contentType)\" in request. Send "
                + mediaTypes.joined(separator: ", ") + " or multipart/form-data."]])
        }
        switch syntax.fields(of: body) {
        case .success(let fields): return fields
        case .failure(let error): throw FieldErrors([nonFieldKey: [error.message]])
        }
    }

    /// Django REST framework's key for errors that belong to no field.
    private static let nonFieldKey = "non_field_errors"

    /// Reads one document part of a multipart detection, filing its problems under the part's name.
    private static func part<Value>(
        _ name: String, of form: FormData, errors: inout FieldErrors, _ body: (inout FieldReader) -> Value?
    ) -> Value? {
        let text: [UInt8]
        let syntax: DocumentSyntax
        if let value = form.fields[name] {
            text = Array(value.utf8)
            syntax = .yaml
        } else if let file = form.files[name] {
            text = file.bytes
            syntax = DocumentSyntax(contentType: file.contentType) ?? .yaml
        } else {
            errors.add(FieldMessages.required, to: name)
            return nil
        }
        switch syntax.fields(of: text) {
        case .success(let fields):
            var reader = FieldReader(fields, prefix: name + ".")
            let value = body(&reader)
            errors.merge(reader.errors)
            return value
        case .failure(let error):
            errors.add(error.message, to: name)
            return nil
        }
    }

    /// `images` of a JSON or YAML detection: base64 plots, named by `filename` or the radio document's path.
    private static func encodedImages(_ reader: inout FieldReader, paths: [FRBImageKind: String]) -> [FRBImageKind: UploadedFile] {
        for name in reader.names where FRBImageKind(rawValue: name) == nil {
            reader.fail(name, FieldMessages.unknownImage)
        }
        var images: [FRBImageKind: UploadedFile] = [:]
        for kind in FRBImageKind.allCases {
            let file = reader.nested(kind.rawValue, required: false) { image -> UploadedFile? in
                let filename = image.read("filename", required: false, FieldRules.text(limit: 255))
                return image.read("data_base64", FieldRules.base64).map { UploadedFile(filename: filename ?? paths[kind], bytes: $0) }
            }
            guard let file else { continue }
            if ImageFormat.detect(file.bytes) == nil {
                reader.fail(kind.rawValue, FieldMessages.invalidImage)
            }
            images[kind] = file
        }
        return images
    }
}
