import Foundation
import Schema

/// How each kind of field turns a submitted value into a typed one, following the Django REST
/// framework field FRB_candidates_app's model serializers used for it.
enum FieldRules {
    /// FloatField, minus NaN and infinities (which would poison every later comparison).
    static func number(_ value: SubmittedValue) throws(FieldMessage) -> Double {
        let number: Double
        switch value {
        case .number(let typed, _):
            number = typed
        case .string(let text):
            let text = FormText.strip(text)
            if TextSyntax.isDecimalNumber(text), let parsed = Double(text) {
                number = parsed
            } else if TextSyntax.isNonFiniteWord(text) {
                throw FieldMessage(FieldMessages.nonFiniteNumber)
            } else {
                throw FieldMessage(FieldMessages.invalidNumber)
            }
        default:
            throw FieldMessage(FieldMessages.invalidNumber)
        }
        guard number.isFinite else { throw FieldMessage(FieldMessages.nonFiniteNumber) }
        return number
    }

    /// A number that cannot be negative, such as an uncertainty.
    static func nonNegative(_ value: SubmittedValue) throws(FieldMessage) -> Double {
        let number = try self.number(value)
        guard number >= 0 else { throw FieldMessage(FieldMessages.atLeast(0)) }
        return number
    }

    static func rightAscension(_ value: SubmittedValue) throws(FieldMessage) -> Double {
        let degrees = try number(value)
        guard degrees >= 0 && degrees < 360 else { throw FieldMessage(FieldMessages.rightAscensionRange) }
        return degrees
    }

    static func declination(_ value: SubmittedValue) throws(FieldMessage) -> Double {
        let degrees = try number(value)
        guard degrees >= -90 && degrees <= 90 else { throw FieldMessage(FieldMessages.declinationRange) }
        return degrees
    }

    static func percentage(_ value: SubmittedValue) throws(FieldMessage) -> Double {
        let percent = try number(value)
        guard percent >= 0 && percent <= 100 else { throw FieldMessage(FieldMessages.percentageRange) }
        return percent
    }

    /// IntegerField of a Django `IntegerField` column: "3000" and "3000.0" (a trailing `.0…` is
    /// dropped, as DRF does) but not "3000.5", within PostgreSQL's 32-bit integer range.
    static func integer(_ value: SubmittedValue) throws(FieldMessage) -> Int {
        let integer: Int
        switch value {
        case .number(let typed, _):
            guard typed.rounded() == typed, let exact = Int(exactly: typed) else {
                throw FieldMessage(FieldMessages.invalidInteger)
            }
            integer = exact
        case .string(let text):
            let digits = TextSyntax.droppingZeroFraction(FormText.strip(text))
            guard TextSyntax.isInteger(digits), let parsed = Int(digits) else {
                throw FieldMessage(FieldMessages.invalidInteger)
            }
            integer = parsed
        default:
            throw FieldMessage(FieldMessages.invalidInteger)
        }
        guard integer <= Int(Int32.max) else { throw FieldMessage(FieldMessages.atMost(Int(Int32.max))) }
        guard integer >= Int(Int32.min) else { throw FieldMessage(FieldMessages.atLeast(Int(Int32.min))) }
        return integer
    }

    /// PrimaryKeyRelatedField: an id that may name a row; whether it does is the service's question.
    static func primaryKey(_ value: SubmittedValue) throws(FieldMessage) -> Int64 {
        let text: String
        switch value {
        case .number(let typed, let spelling):
            guard typed.rounded() == typed else { throw FieldMessage(FieldMessages.incorrectPrimaryKeyType(value)) }
            text = spelling
        case .string(let typed):
            text = FormText.strip(typed)
            // RelatedField turns a blank form value into None before validating it.
            guard !text.isEmpty else { throw FieldMessage(FieldMessages.null) }
        default:
            throw FieldMessage(FieldMessages.incorrectPrimaryKeyType(value))
        }
        guard TextSyntax.isInteger(text), let id = Int64(text) else {
            throw FieldMessage(FieldMessages.incorrectPrimaryKeyType(value))
        }
        guard id > 0 else { throw FieldMessage(FieldMessages.unknownPrimaryKey(text)) }
        return id
    }

    /// BooleanField, restricted to the spellings Python clients produce: `str(True)`, JSON's and 1/0.
    static func boolean(_ value: SubmittedValue) throws(FieldMessage) -> Bool {
        switch value {
        case .bool(let typed):
            return typed
        case .string("True"), .string("true"), .string("1"), .number(1, _):
            return true
        case .string("False"), .string("false"), .string("0"), .number(0, _):
            return false
        default:
            throw FieldMessage(FieldMessages.invalidBoolean)
        }
    }

    /// CharField: surrounding whitespace trimmed, blank refused, at most `limit` characters.
    static func text(limit: Int) -> (SubmittedValue) throws(FieldMessage) -> String {
        { value throws(FieldMessage) in
            let text: String
            switch value {
            case .string(let typed): text = FormText.strip(typed)
            case .number(_, let spelling): text = spelling
            default: throw FieldMessage(FieldMessages.invalidString)
            }
            guard !text.isEmpty else { throw FieldMessage(FieldMessages.blank) }
            guard text.unicodeScalars.count <= limit else { throw FieldMessage(FieldMessages.tooLong(limit)) }
            return text
        }
    }

    /// ChoiceField over RadioMeasurement's `source` choices, compared exactly as sent.
    static func source(_ value: SubmittedValue) throws(FieldMessage) -> MeasurementSource {
        let text: String
        switch value {
        case .string(let typed): text = typed
        case .number(_, let spelling): text = spelling
        case .bool(let typed): text = typed ? "True" : "False"
        default: text = value.pythonTypeName
        }
        guard let source = MeasurementSource(rawValue: text) else { throw FieldMessage(FieldMessages.invalidChoice(text)) }
        return source
    }

    /// Standard base64 (RFC 4648), line breaks and other whitespace allowed, as encoders wrap it.
    static func base64(_ value: SubmittedValue) throws(FieldMessage) -> [UInt8] {
        guard case .string(let text) = value,
              let data = Data(base64Encoded: String(text.filter { !$0.isWhitespace })) else {
            throw FieldMessage(FieldMessages.invalidBase64)
        }
        return [UInt8](data)
    }

    /// DateTimeField in ISO 8601; naive times are UTC, as under FRB_candidates_app's `TIME_ZONE`.
    static func dateTime(_ value: SubmittedValue) throws(FieldMessage) -> Date {
        guard case .string(let text) = value, let date = ISODateTime.parse(text) else {
            throw FieldMessage(FieldMessages.invalidDateTime)
        }
        return date
    }
}
