/// Reads the two form encodings FRB_candidates_app's views accepted, whichever the client chose,
/// into one `FormData`; anything else is refused with the list of accepted types.
public enum FormDecoder {
    public static func decode(body: [UInt8], contentType: String?) throws(FormDecodingError) -> FormData {
        let header = contentType.map(FormContentType.init)
        switch header?.mediaType {
        case "application/x-www-form-urlencoded":
            return try URLEncodedForm.decode(body)
        case "multipart/form-data":
            guard let boundary = header?.parameters["boundary"], (1...70).contains(boundary.utf8.count) else {
                throw .malformed("multipart/form-data needs a boundary parameter of 1 to 70 characters")
            }
            return try MultipartForm.decode(body, boundary: boundary)
        default:
            throw .unsupportedMediaType(contentType)
        }
    }
}
