/// The messages of field validation: Django REST framework's wording where it checks the same thing
/// (clients of FRB_candidates_app may match on them), and ours, in the same style, where it did not.
enum FieldMessages {
    static let required = "This field is required."
    static let null = "This field may not be null."
    static let blank = "This field may not be blank."
    static let invalidNumber = "A valid number is required."
    static let nonFiniteNumber = "A finite number is required."
    static let invalidInteger = "A valid integer is required."
    static let invalidBoolean = "Must be a valid boolean."
    static let invalidString = "Not a valid string."
    static let invalidDateTime =
        "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
    static let rightAscensionRange = "Ensure this value is in the range [0, 360) degrees."
    static let declinationRange = "Ensure this value is in the range [-90, 90] degrees."
    static let percentageRange = "Ensure this value is in the range [0, 100] percent."
    static let invalidImage = "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    static let invalidBase64 = "Invalid base64 data."
    static let unknownImage = "Unknown image; use search, image or histogram."

    static func invalidChoice(_ input: String) -> String { "\"\(input)\" is not a valid choice." }
    static func tooLong(_ limit: Int) -> String { "Ensure this field has no more than \(limit) characters." }
    static func atLeast(_ minimum: Int) -> String { "Ensure this value is greater than or equal to \(minimum)." }
    static func atMost(_ maximum: Int) -> String { "Ensure this value is less than or equal to \(maximum)." }
    static func expectedMapping(got value: SubmittedValue) -> String {
        "Invalid data. Expected a dictionary, but got \(value.pythonTypeName)."
    }
    static func incorrectPrimaryKeyType(_ value: SubmittedValue) -> String {
        "Incorrect type. Expected pk value, received \(value.pythonTypeName)."
    }
    static func unknownPrimaryKey(_ text: String) -> String { "Invalid pk \"\(text)\" - object does not exist." }
}

/// A rule's refusal of one value; the reader files it under the field's name.
struct FieldMessage: Error {
    let text: String

    init(_ text: String) {
        self.text = text
    }
}
