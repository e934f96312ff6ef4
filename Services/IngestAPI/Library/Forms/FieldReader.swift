/// Reads the fields of one form or document, collecting every problem instead of stopping at the
/// first, as Django REST framework reports all invalid fields of a request at once.
struct FieldReader {
    typealias Rule<Value> = (SubmittedValue) throws(FieldMessage) -> Value

    private let values: [String: SubmittedValue]
    /// Prepended to error keys, e.g. "radio." for the radio document of a detection.
    private let prefix: String
    private(set) var errors = FieldErrors()

    init(_ values: [String: SubmittedValue], prefix: String = "") {
        self.values = values
        self.prefix = prefix
    }

    /// A form's fields, all text, with the last value of a repeated name.
    init(form: FormData) {
        self.init(form.fields.mapValues(SubmittedValue.string))
    }

    func contains(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The names present, sorted, for refusing unknown ones where a typo would lose data.
    var names: [String] {
        values.keys.sorted()
    }

    /// The value of `name` under `rule`, or nil after filing why not. An absent, null or (for an
    /// optional field) empty value is nil; Django REST framework treats a blank optional form value as null.
    mutating func read<Value>(_ name: String, required: Bool = true, _ rule: Rule<Value>) -> Value? {
        guard let value = values[name] else {
            if required { fail(name, FieldMessages.required) }
            return nil
        }
        if value == .null || (!required && value == .string("")) {
            if required { fail(name, FieldMessages.null) }
            return nil
        }
        do {
            return try rule(value)
        } catch {
            fail(name, error.text)
            return nil
        }
    }

    /// A nested document such as `eellipse`, read by `body` with dotted error keys.
    mutating func nested<Value>(_ name: String, required: Bool = true, _ body: (inout FieldReader) -> Value?) -> Value? {
        guard let mapping = read(name, required: required, { value throws(FieldMessage) in
            guard case .mapping(let mapping) = value else { throw FieldMessage(FieldMessages.expectedMapping(got: value)) }
            return mapping
        }) else { return nil }
        var reader = FieldReader(mapping, prefix: key(name) + ".")
        let result = body(&reader)
        errors.merge(reader.errors)
        return result
    }

    mutating func fail(_ name: String, _ message: String) {
        errors.add(message, to: key(name))
    }

    private func key(_ name: String) -> String {
        prefix + name
    }
}
