import Foundation
import Yams

/// The text formats the native FRB API reads documents in. The pipeline writes YAML (flow style,
/// with comments and trailing commas, read by PyYAML); other clients may prefer JSON.
enum DocumentSyntax {
    case json
    case yaml

    init?(contentType: String?) {
        switch contentType.map(FormContentType.init)?.mediaType {
        case "application/json": self = .json
        case "application/yaml", "application/x-yaml", "text/yaml": self = .yaml
        default: return nil
        }
    }

    /// The top-level mapping of a document, or the message Django REST framework would give for it.
    func fields(of bytes: [UInt8]) -> Result<[String: SubmittedValue], DocumentSyntaxError> {
        let value: SubmittedValue
        switch self {
        case .json:
            do {
                value = try JSONDecoder().decode(SubmittedValue.self, from: Data(bytes))
            } catch {
                return .failure(DocumentSyntaxError(message: "JSON parse error - \(Self.summary(of: error))"))
            }
        case .yaml:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(DocumentSyntaxError(message: "YAML parse error - the document is not valid UTF-8"))
            }
            do {
                value = try Yams.compose(yaml: text).map(SubmittedValue.init(yaml:)) ?? .null
            } catch {
                return .failure(DocumentSyntaxError(message: "YAML parse error - \(Self.summary(of: error))"))
            }
        }
        guard case .mapping(let fields) = value else {
            return .failure(DocumentSyntaxError(message: "Invalid data. Expected a dictionary, but got \(value.pythonTypeName)."))
        }
        return .success(fields)
    }

    /// One line, without the document text some parsers quote back.
    private static func summary(of error: any Error) -> String {
        let text: String
        switch error {
        case DecodingError.dataCorrupted(let context):
            text = (context.underlyingError.map { "\($0)" }) ?? context.debugDescription
        default:
            text = "\(error)"
        }
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}

/// Why a document could not be read at all, before any field was looked at.
struct DocumentSyntaxError: Error {
    let message: String
}
